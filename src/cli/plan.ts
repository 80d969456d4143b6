/** `mlp plan`: print the optimized plan (EXPLAIN) before anything runs. */
import { explain, renderExplain } from '../optimize/explain.ts';
import { optimize } from '../optimize/optimize.ts';
import { parseArgs } from './args.ts';
import { checkedPipeline } from './check.ts';
import type { CliIO } from './io.ts';

export function runPlan(argv: string[], io: CliIO): number {
  const { positional, flags, error } = parseArgs(argv, { format: 'string', seed: 'string' });
  if (error || positional.length !== 1) { io.stderr(`mlp plan: ${error ?? 'give one .mlp file'}\n`); return 2; }
  if (flags.format !== undefined && flags.format !== 'text' && flags.format !== 'json') { io.stderr('mlp plan: --format must be text or json\n'); return 2; }
  const a = checkedPipeline(positional[0], io, 'no plan', false);
  if (!a) return 1;
  const plan = optimize(a.ir, flags.seed === undefined ? undefined : Number(flags.seed));
  const e = explain(plan);
  io.stdout(flags.format === 'json' ? JSON.stringify(e, null, 2) + '\n' : renderExplain(e));
  return 0;
}
