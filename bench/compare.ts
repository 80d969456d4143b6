/**
 * mlp vs scikit-learn on the same pipeline, data, folds and grid, in the same
 * run: wall time of `mlp run` (all threads) next to GridSearchCV with
 * n_jobs=-1 and n_jobs=1, and both sides' best CV and held-out scores.
 *   npx tsx bench/compare.ts [--runs 3] [--case name]
 * Needs Debian's python3-sklearn (run with /usr/bin/python3).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cases, writeCase } from './compare/cases.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, case: { type: 'string' }, threads: { type: 'string' } } });
const runs = Number(values.runs);
const threads = values.threads ?? String(os.availableParallelism());
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlp-bench-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Side { wall: number[]; inProcess: number[]; cv: number; test: number }

function timeMlp(file: string): Side & { rows: unknown } {
  const side: Side & { rows: unknown } = { wall: [], inProcess: [], cv: NaN, test: NaN, rows: null };
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const out = execFileSync(process.execPath, [path.join(root, 'bin/mlp.js'), 'run', file, '--json', '--quiet', '--splits', '--threads', threads, '--out', path.join(dir, 'out')], { encoding: 'utf8', maxBuffer: 1 << 28 });
    side.wall.push(performance.now() - t0);
    const report = JSON.parse(out);
    side.inProcess.push(report.timings.totalMs);
    side.cv = report.best.cv.mean;
    side.test = report.test.metrics.accuracy;
    side.rows = report.split.rows;
  }
  return side;
}

function timeSklearn(name: string, data: string, rows: unknown, nJobs: number): Side {
  const side: Side = { wall: [], inProcess: [], cv: NaN, test: NaN };
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const res = spawnSync('/usr/bin/python3', [path.join(root, 'bench/compare/reference.py')], { input: JSON.stringify({ case: name, data, rows, n_jobs: nJobs }), encoding: 'utf8', maxBuffer: 1 << 28 });
    if (res.status !== 0) throw new Error(`reference.py failed for ${name}: ${res.stderr}`);
    side.wall.push(performance.now() - t0);
    const out = JSON.parse(res.stdout);
    side.inProcess.push(out.ms);
    side.cv = out.best_cv;
    side.test = out.test;
  }
  return side;
}

const rows: string[] = [];
const f = (x: number) => (x / 1000).toFixed(2);
for (const c of cases.filter((x) => !values.case || x.name === values.case)) {
  const file = writeCase(c, root, dir);
  const mlp = timeMlp(file);
  const data = path.join(root, c.data);
  const skAll = timeSklearn(c.name, data, mlp.rows, -1);
  const skOne = timeSklearn(c.name, data, mlp.rows, 1);
  const m = median(mlp.inProcess), a = median(skAll.inProcess), o = median(skOne.inProcess);
  rows.push(`| ${c.name} | ${f(m)} (${f(median(mlp.wall))}) | ${f(a)} (${f(median(skAll.wall))}) | ${f(o)} (${f(median(skOne.wall))}) | ${(m / a).toFixed(2)} | ${(m / o).toFixed(2)} | ${mlp.cv.toFixed(4)} / ${skAll.cv.toFixed(4)} | ${mlp.test.toFixed(4)} / ${skAll.test.toFixed(4)} |`);
  console.error(rows.at(-1));
}
console.log(`mlp --threads ${threads} vs scikit-learn GridSearchCV, same folds and grid; seconds, median of ${runs} (in-process, whole command in parentheses)\n`);
console.log('| case | mlp | sklearn n_jobs=-1 | sklearn n_jobs=1 | mlp ÷ n_jobs=-1 | mlp ÷ n_jobs=1 | best CV mlp / sklearn | test mlp / sklearn |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
fs.rmSync(dir, { recursive: true, force: true });
