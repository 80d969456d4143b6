/** `mlp compile <file.mlp> [-o program.ts | --stdout]`: one standalone TypeScript program per pipeline. */
import path from 'node:path';
import { compilePipeline } from '../compile/compile.ts';
import { writeFileAtomic } from '../runtime/atomic.ts';
import { parseArgs } from './args.ts';
import { checkedPipeline } from './check.ts';
import type { CliIO } from './io.ts';

export async function runCompile(argv: string[], io: CliIO): Promise<number> {
  const { positional, flags, error } = parseArgs(argv, { out: 'string', stdout: 'boolean', quiet: 'boolean' });
  if (error || positional.length !== 1) { io.stderr(`mlp compile: ${error ?? 'give one .mlp file'}\n`); return 2; }
  if (flags.stdout && flags.out) { io.stderr('mlp compile: give either -o FILE or --stdout\n'); return 2; }
  const file = positional[0];
  const a = checkedPipeline(file, io, 'nothing was written', !flags.quiet);
  if (!a) return 1;
  const outFile = flags.stdout ? undefined : (flags.out as string | undefined) ?? path.join(path.dirname(file), `${path.basename(file, '.mlp')}.ts`);
  const { code, packages } = compilePipeline(a.ir, { text: a.text, outFile });
  if (!outFile) { io.stdout(code); return 0; }
  writeFileAtomic(outFile, code);
  if (!flags.quiet) io.stderr(`wrote ${outFile}${packages.length ? ` (needs ${packages.join(', ')})` : ''}; run it with: npx tsx ${outFile}\n`);
  return 0;
}
