/**
 * Fit/predict timings of the svm and mlp_net kernels next to scikit-learn's
 * (medians of 5; sklearn's from the parity harness, one fit per Python run),
 * on breast_cancer and digits (standardized) and a generated 20,000 × 20
 * table for mlp_net. Run: npx tsx bench/models_svm_mlp.ts
 */
import { execFileSync } from 'node:child_process';
import { sklearnCase, type ParityCase } from '../test/parity/harness.ts';
import { kernel as svm } from '../src/runtime/models/svm.ts';
import { kernel as mlp } from '../src/runtime/models/mlp_net.ts';
import type { DenseMatrix, ModelKernel, Params } from '../src/runtime/models/contract.ts';
import { rng } from '../src/runtime/random.ts';

const REPS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows: string[][] = [['case', 'fit ms', 'sklearn', 'ratio', 'predict ms', 'sklearn', 'ratio']];

/** Times fit and predict of a kernel REPS times on the case's matrices. */
function time<S>(k: ModelKernel<S>, c: Pick<ParityCase, 'XTrain' | 'yTrain' | 'XTest' | 'task' | 'classes'>, params: Params): { fit: number; predict: number } {
  const fit: number[] = [], predict: number[] = [];
  for (let r = 0; r < REPS; r++) {
    let t = performance.now();
    const s = k.fit({ X: c.XTrain, y: c.yTrain, task: c.task, classes: c.classes.length, seed: r }, params) as S;
    fit.push(performance.now() - t);
    t = performance.now();
    k.predict(s, c.XTest);
    predict.push(performance.now() - t);
  }
  return { fit: median(fit), predict: median(predict) };
}

function report(name: string, ours: { fit: number; predict: number }, sk: { fit: number; predict: number }): void {
  rows.push([name, ours.fit.toFixed(1), sk.fit.toFixed(1), (ours.fit / sk.fit).toFixed(2), ours.predict.toFixed(2), sk.predict.toFixed(2), (ours.predict / sk.predict).toFixed(2)]);
  console.log(rows[rows.length - 1].join('\t'));
}

/** Median sklearn fit/predict ms over REPS harness runs (one Python process each). */
function sklearnTimes(ds: string, est: string): { c: ParityCase; fit: number; predict: number } {
  const runs = Array.from({ length: REPS }, () => sklearnCase(ds, 'standardize', est));
  return { c: runs[0], fit: median(runs.map((r) => r.sklearn.fitMs)), predict: median(runs.map((r) => r.sklearn.predictMs)) };
}

await svm.init!();
for (const ds of ['breast_cancer', 'digits']) {
  for (const k of ['linear', 'rbf']) {
    const sk = sklearnTimes(ds, `svm.SVC(kernel='${k}', C=1.0, gamma='scale')`);
    report(`svm ${k} ${ds}`, time(svm, sk.c, { kernel: k, C: 1, gamma: 'scale' }), sk);
  }
  const sk = sklearnTimes(ds, 'neural_network.MLPClassifier(hidden_layer_sizes=(100,), max_iter=200, random_state=0)');
  report(`mlp_net ${ds}`, time(mlp, sk.c, { hidden: [100], iterations: 200 }), sk);
}

// generated 20,000 × 20 binary table, 10 epochs on both sides (tol 0: no early stop)
const n = 20000, d = 20, r = rng(1);
const X = new Float64Array(n * d).map(() => r() * 2 - 1);
const y = new Float64Array(n).map((_, i) => (X[i * d] * X[i * d + 1] + Math.sin(2 * X[i * d + 2]) + 0.5 * X[i * d + 3] > 0 ? 1 : 0));
const m: DenseMatrix = { kind: 'dense', rows: n, cols: d, data: X };
const py = `
import json, sys, time, warnings
import numpy as np
from sklearn.neural_network import MLPClassifier
warnings.filterwarnings('ignore')
req = json.load(sys.stdin); X = np.array(req['X']).reshape(-1, ${d}); y = np.array(req['y'])
fit, pred = [], []
for r in range(${REPS}):
    m = MLPClassifier(hidden_layer_sizes=(100,), max_iter=10, tol=0, random_state=r)
    t = time.perf_counter(); m.fit(X, y); fit.append((time.perf_counter() - t) * 1000)
    t = time.perf_counter(); m.predict(X); pred.append((time.perf_counter() - t) * 1000)
print(json.dumps({'fit': sorted(fit)[${REPS} // 2], 'predict': sorted(pred)[${REPS} // 2]}))`;
const sk = JSON.parse(execFileSync('/usr/bin/python3', ['-c', py], { input: JSON.stringify({ X: Array.from(X), y: Array.from(y) }), encoding: 'utf8', maxBuffer: 1 << 28 }));
report('mlp_net 20000×20 (10 epochs)', time(mlp, { XTrain: m, yTrain: y, XTest: m, task: 'classification', classes: ['0', '1'] }, { hidden: [100], iterations: 10, tol: 0 }), sk);

console.log('\n| ' + rows[0].join(' | ') + ' |\n|' + rows[0].map(() => '---').join('|') + '|');
for (const row of rows.slice(1)) console.log('| ' + row.join(' | ') + ' |');
