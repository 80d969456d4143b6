/**
 * Fit and predict times of the tree kernels next to scikit-learn's on
 * breast_cancer, digits (the parity harness's splits) and a generated
 * 20,000 × 20 table. Both sides: median of 5 in one warm process; the
 * matrices reach Python through a temporary JSON file. scikit-learn runs
 * single-threaded (threadpoolctl limits OpenMP to 1 thread) and, for the
 * forest, also with n_jobs=-1; ours run the forest on 1 thread and on
 * worker threads (the pool is warmed first); ours get 3 warm-up fits. Wall and CPU time (all threads of
 * the process) are both shown: on a shared, busy machine wall times swing
 * several-fold, and CPU time is the fairer single-threaded comparison.
 * Run: npx tsx bench/models_trees.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DenseMatrix, FitInput, ModelKernel, Params } from '../src/runtime/models/contract.ts';
import { kernel as tree } from '../src/runtime/models/decision_tree.ts';
import { kernel as forest, setForestThreads } from '../src/runtime/models/random_forest.ts';
import { kernel as boosting } from '../src/runtime/models/gradient_boosting.ts';
import { forestThreads, startForestWorkers } from '../src/runtime/models/tree/forest_pool.ts';
import { rng } from '../src/runtime/random.ts';
import { sklearnCase } from '../test/parity/harness.ts';

const RUNS = 5;

interface Timing { wall: number; cpu: number }

/** Median wall and CPU time in ms of RUNS calls. */
async function median(f: () => unknown): Promise<Timing> {
  const wall: number[] = [], cpu: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await f();
    wall.push(performance.now() - t0);
    const used = process.cpuUsage(c0);
    cpu.push((used.user + used.system) / 1000);
  }
  const mid = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(RUNS / 2)];
  return { wall: mid(wall), cpu: mid(cpu) };
}

const PYTHON = String.raw`
import json, sys, time, numpy as np
from threadpoolctl import threadpool_limits
from sklearn import tree, ensemble
d = json.load(open(sys.argv[1]))
Xtr = np.array(d['Xtr']).reshape(-1, d['cols']); ytr = np.array(d['ytr']); Xte = np.array(d['Xte']).reshape(-1, d['cols'])
def med(f):
    wall, cpu = [], []
    for _ in range(${RUNS}):
        t0 = time.perf_counter(); c0 = time.process_time(); f()
        wall.append((time.perf_counter() - t0) * 1000); cpu.append((time.process_time() - c0) * 1000)
    return {'wall': sorted(wall)[len(wall) // 2], 'cpu': sorted(cpu)[len(cpu) // 2]}
out = {}
with threadpool_limits(limits=1):
    for name, make in [('decision_tree', lambda: tree.DecisionTreeClassifier(random_state=0)),
                       ('random_forest', lambda: ensemble.RandomForestClassifier(random_state=0)),
                       ('random_forest_jobs', lambda: ensemble.RandomForestClassifier(random_state=0, n_jobs=-1)),
                       ('gradient_boosting', lambda: ensemble.HistGradientBoostingClassifier(random_state=0))]:
        m = make().fit(Xtr, ytr)
        out[name] = {'fit': med(lambda: make().fit(Xtr, ytr)), 'predict': med(lambda: m.predict(Xte))}
json.dump(out, sys.stdout)
`;

interface Case { name: string; train: FitInput; XTest: DenseMatrix }

function harnessCase(dataset: string): Case {
  const c = sklearnCase(dataset, 'raw', 'tree.DecisionTreeClassifier()');
  return { name: dataset, train: { X: c.XTrain, y: c.yTrain, task: c.task, classes: c.classes.length, seed: 42 }, XTest: c.XTest as DenseMatrix };
}

/** 20,000 × 20 uniform features; the binary class is a noisy non-linear function of 5 of them. */
function generatedCase(rows = 20_000, cols = 20): Case {
  const random = rng(7);
  const data = new Float64Array(rows * cols), y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    for (let f = 0; f < cols; f++) data[i * cols + f] = random() * 2 - 1;
    const x = data.subarray(i * cols, i * cols + 5);
    const score = Math.sin(3 * x[0]) + x[1] * x[2] + Math.abs(x[3]) - x[4] * x[4] + (random() - 0.5);
    y[i] = score > 0.2 ? 1 : 0;
  }
  const trainRows = Math.floor(rows * 0.75);
  const slice = (from: number, to: number): DenseMatrix => ({ kind: 'dense', rows: to - from, cols, data: data.slice(from * cols, to * cols) });
  return {
    name: `generated ${rows}×${cols}`,
    train: { X: slice(0, trainRows), y: y.slice(0, trainRows), task: 'classification', classes: 2, seed: 42 },
    XTest: slice(trainRows, rows),
  };
}

function sklearnTimes(c: Case): Record<string, { fit: Timing; predict: Timing }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mlp-bench-'));
  const file = path.join(dir, 'case.json');
  const X = c.train.X as DenseMatrix;
  writeFileSync(file, JSON.stringify({ cols: X.cols, Xtr: Array.from(X.data), ytr: Array.from(c.train.y), Xte: Array.from(c.XTest.data) }));
  try {
    return JSON.parse(execFileSync('/usr/bin/python3', ['-c', PYTHON, file], { encoding: 'utf8', maxBuffer: 1 << 26 }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const treeParams: Params = { criterion: 'gini', max_depth: null, min_samples_split: 2, min_samples_leaf: 1, max_features: null, class_weight: 'none' };
const forestParams: Params = { trees: 100, max_depth: null, min_samples_split: 2, min_samples_leaf: 1, max_features: 'sqrt', bootstrap: true, oob_score: false, class_weight: 'none' };
const boostParams: Params = { iterations: 100, learning_rate: 0.1, max_depth: null, max_leaf_nodes: 31, min_samples_leaf: 20, l2_regularization: 0, max_bins: 255, early_stopping: 'auto', validation_fraction: 0.1, n_iter_no_change: 10 };

const threads = forestThreads();
await startForestWorkers();
const cell = (ours: number, theirs: number) => `${ours.toFixed(1)} / ${theirs.toFixed(1)} = ${(ours / theirs).toFixed(2)}×`;
console.log('dataset | model | fit wall ms (ours / sklearn = ratio) | fit CPU ms | predict wall ms | predict CPU ms');
console.log('---|---|---|---|---|---');
for (const c of [harnessCase('breast_cancer'), harnessCase('digits'), generatedCase()]) {
  const sk = sklearnTimes(c);
  const rows: [string, ModelKernel<any>, Params, number, string][] = [
    ['decision_tree', tree, treeParams, 1, 'decision_tree'],
    ['random_forest (1 thread vs n_jobs=1)', forest, forestParams, 1, 'random_forest'],
    [`random_forest (${threads} threads vs n_jobs=-1)`, forest, forestParams, threads, 'random_forest_jobs'],
    ['gradient_boosting (vs 1 OpenMP thread)', boosting, boostParams, 1, 'gradient_boosting'],
  ];
  for (const [label, kernel, params, forestThreadCount, reference] of rows) {
    setForestThreads(forestThreadCount);
    // Warm-up fits: V8 compiles the hot loops during the first ones (its compiler threads count as CPU).
    let state = await kernel.fit(c.train, params);
    for (let w = 0; w < 2; w++) state = await kernel.fit(c.train, params);
    const fitMs = await median(() => kernel.fit(c.train, params));
    const predictMs = await median(() => kernel.predict(state, c.XTest));
    const theirs = sk[reference];
    console.log(`${c.name} | ${label} | ${cell(fitMs.wall, theirs.fit.wall)} | ${cell(fitMs.cpu, theirs.fit.cpu)} | ` +
      `${cell(predictMs.wall, theirs.predict.wall)} | ${cell(predictMs.cpu, theirs.predict.cpu)}`);
  }
}
setForestThreads(undefined);
