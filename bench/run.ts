/**
 * `npm run bench`: every benchmark, one after another, each compared with its
 * reference in the same run and reported as ratios. Pass names to run some:
 *   npm run bench -- frontend csv
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const all: [string, string, string][] = [
  ['frontend', 'frontend.ts', 'front end: analyse 1,000- and 10,000-line files'],
  ['csv', 'csv.ts', 'CSV loading vs pandas.read_csv (1,000,000 × 20)'],
  ['models-linear', 'models_linear.ts', 'linear, NB and kNN kernels vs scikit-learn'],
  ['models-trees', 'models_trees.ts', 'tree, forest and boosting kernels vs scikit-learn'],
  ['models-svm-mlp', 'models_svm_mlp.ts', 'SVM and MLP kernels vs scikit-learn'],
  ['compare', 'compare.ts', 'whole searches: mlp vs GridSearchCV'],
  ['compile', 'compile.ts', 'compiled script vs mlp run'],
  ['lsp', 'lsp.ts', 'language server latency'],
];
const wanted = process.argv.slice(2);
let failed = 0;
// measure what users run: a fresh dist/ build (bin/mlp.js falls back to the slower sources when it is stale)
const build = spawnSync(process.execPath, [path.join(here, '../scripts/build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) console.log('(build failed: commands run from the TypeScript sources through tsx)');
for (const [name, file, what] of all) {
  if (wanted.length && !wanted.includes(name)) continue;
  if (!fs.existsSync(path.join(here, file))) continue;
  console.log(`\n## ${name}: ${what}\n`);
  // the front end is measured as the language server runs it (see bin/mlp.js)
  const flags = name === 'frontend' ? ['--max-semi-space-size=128'] : [];
  const r = spawnSync(process.execPath, [...flags, '--import', 'tsx', path.join(here, file)], { stdio: 'inherit' });
  if (r.status !== 0) { failed++; console.log(`(${name} failed with exit code ${r.status})`); }
}
process.exitCode = failed ? 1 : 0;
