/**
 * Kernel parity harness: asks scikit-learn (Debian's /usr/bin/python3) to
 * prepare a dataset and fit a reference estimator, then returns the exact
 * matrices it used so an mlp kernel can be fitted on the same numbers.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Matrix, Task } from '../../src/runtime/models/contract.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const datasetsDir = path.resolve(here, '../../../shared/datasets');
const script = path.resolve(here, '../reference/kernel_parity.py');

export interface ParityCase {
  task: Task;
  classes: string[];
  XTrain: Matrix;
  yTrain: Float64Array;
  XTest: Matrix;
  yTest: Float64Array;
  sklearn: {
    pred: number[];
    proba?: number[];
    coef?: number[];
    intercept?: number[];
    nSupport?: number;
    fitMs: number;
    predictMs: number;
  };
}

function toMatrix(m: any): Matrix {
  if (m.kind === 'csr') {
    return { kind: 'csr', rows: m.rows, cols: m.cols, indptr: Int32Array.from(m.indptr), indices: Int32Array.from(m.indices), data: Float64Array.from(m.data) };
  }
  return { kind: 'dense', rows: m.rows, cols: m.cols, data: Float64Array.from(m.data) };
}

/** Prepares `dataset` with `prep` and fits `estimator` (a Python expression) in scikit-learn. */
export function sklearnCase(dataset: string, prep: 'standardize' | 'raw' | 'counts' | 'tfidf', estimator: string): ParityCase {
  const request = JSON.stringify({ datasets: datasetsDir, dataset, prep, estimator });
  const out = execFileSync('/usr/bin/python3', [script], { input: request, maxBuffer: 1 << 30, encoding: 'utf8' });
  const r = JSON.parse(out);
  return {
    task: r.task,
    classes: r.classes,
    XTrain: toMatrix(r.X_train),
    yTrain: Float64Array.from(r.y_train),
    XTest: toMatrix(r.X_test),
    yTest: Float64Array.from(r.y_test),
    sklearn: { pred: r.sklearn.pred, proba: r.sklearn.proba, coef: r.sklearn.coef, intercept: r.sklearn.intercept, nSupport: r.sklearn.n_support, fitMs: r.sklearn.fit_ms, predictMs: r.sklearn.predict_ms },
  };
}

/** Share of equal entries (accuracy for class indices). */
export function agreement(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** R² of predictions against truth. */
export function r2(truth: ArrayLike<number>, pred: ArrayLike<number>): number {
  let mean = 0;
  for (let i = 0; i < truth.length; i++) mean += truth[i];
  mean /= truth.length;
  let ssRes = 0, ssTot = 0;
  for (let i = 0; i < truth.length; i++) { ssRes += (truth[i] - pred[i]) ** 2; ssTot += (truth[i] - mean) ** 2; }
  return 1 - ssRes / ssTot;
}

/** Largest relative difference between two vectors, relative to the largest magnitude of b. */
export function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let scale = 0, diff = 0;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]));
  for (let i = 0; i < b.length; i++) diff = Math.max(diff, Math.abs(a[i] - b[i]));
  return diff / (scale || 1);
}
