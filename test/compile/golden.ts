/** The examples whose generated programs are pinned in test/golden-compile (update with `npx tsx scripts/accept-compile.ts`). */
import fs from 'node:fs';
import path from 'node:path';
import { analyze } from '../../src/semantics/analyze.ts';
import { compilePipeline } from '../../src/compile/compile.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const GOLDEN = ['iris', 'penguins', 'spam'];
export const goldenFile = (name: string) => path.join(ROOT, 'test/golden-compile', `${name}.ts.golden`);

/** The program for examples/<name>/<name>.mlp, as if written beside it. */
export function generate(name: string): string {
  const file = path.join(ROOT, 'examples', name, `${name}.mlp`);
  const text = fs.readFileSync(file, 'utf8');
  const a = analyze(text, { file });
  if (!a.ir) throw new Error(`${file} has errors`);
  return compilePipeline(a.ir, { text, outFile: path.join(path.dirname(file), `${name}.ts`) }).code;
}
