/**
 * The compiled program vs `mlp run` on the same pipeline, data and seed:
 * wall time of each (whole process: start-up, load, search, refit, write),
 * several runs alternating the two, medians and their ratio (target ≤ 1.0).
 *   npx tsx bench/compile.ts [--runs 3] [example ...]   (default: penguins spam)
 * `mlp run` runs its compiled build (dist/, as bin/mlp.js does after `npm ci`);
 * the program is timed both ways its header offers: with tsx, and compiled by
 * tsc then run with node (the like-for-like comparison).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/semantics/analyze.ts';
import { compilePipeline } from '../src/compile/compile.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const runsAt = argv.indexOf('--runs');
const runs = runsAt >= 0 ? Number(argv.splice(runsAt, 2)[1]) : 3;
const names = argv.length ? argv : ['penguins', 'spam'];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlp-bench-compile-'));
fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
function time(cmd: string, args: string[]): number {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  return (performance.now() - t) / 1000;
}

console.log(`| example | mlp run (s, median of ${runs}) | program with tsx (s) | program via tsc + node (s) | ratio tsx/run | ratio node/run |`);
console.log('|---|---|---|---|---|---|');
for (const name of names) {
  const mlp = path.join(ROOT, 'examples', name, `${name}.mlp`);
  const text = fs.readFileSync(mlp, 'utf8');
  const a = analyze(text, { file: mlp });
  if (!a.ir) throw new Error(`${mlp} has errors`);
  const program = path.join(dir, `${name}.ts`);
  fs.writeFileSync(program, compilePipeline(a.ir, { text, outFile: program }).code);
  const seed = String(a.ir.split.seed);
  // the header's second way: tsc, then node on the JavaScript
  spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'nodenext', '--types', 'node', program], { cwd: dir, stdio: 'inherit' });
  const js = program.replace(/\.ts$/, '.js');
  const args = (out: string) => ['--quiet', '--data', a.ir!.source.path, '--seed', seed, '--out', path.join(dir, out)];
  const interp: number[] = [], viaTsx: number[] = [], viaNode: number[] = [];
  for (let i = 0; i < runs; i++) {
    interp.push(time(process.execPath, [path.join(ROOT, 'bin/mlp.js'), 'run', mlp, '--quiet', '--seed', seed, '--out', path.join(dir, `${name}-run`)]));
    viaTsx.push(time(path.join(ROOT, 'node_modules/.bin/tsx'), [program, ...args(`${name}-tsx`)]));
    viaNode.push(time(process.execPath, [js, ...args(`${name}-node`)]));
  }
  const m = median(interp);
  console.log(`| ${name} | ${m.toFixed(2)} | ${median(viaTsx).toFixed(2)} | ${median(viaNode).toFixed(2)} | ${(median(viaTsx) / m).toFixed(2)} | ${(median(viaNode) / m).toFixed(2)} |`);
}
fs.rmSync(dir, { recursive: true, force: true });
