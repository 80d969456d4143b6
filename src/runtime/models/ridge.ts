/**
 * Ridge regression like scikit-learn's Ridge (Cholesky on centered data; the
 * dual form when features outnumber rows; conjugate gradients on CSR input),
 * and RidgeClassifier for classification (±1 targets per class, argmax).
 */
import { type FitInput, type Matrix, type ModelKernel, type SparseMatrix, KernelError, toDense } from './contract.ts';
import {
  type LinearState, checkFitInput, toNumbers, cholesky, choleskySolve, columnMeans, centerRows, gram, leastSquaresSvd, predictLinear,
} from './linear.ts';

export interface RidgeState extends LinearState {
  task: 'classification' | 'regression';
}

/** Row-major n × targets targets: y itself, or ±1 per class (one column for two classes). */
function ridgeTargets(input: FitInput): { Y: Float64Array; targets: number } {
  const n = input.y.length;
  if (input.task === 'regression') return { Y: Float64Array.from(input.y), targets: 1 };
  const targets = input.classes <= 2 ? 1 : input.classes;
  const Y = new Float64Array(n * targets).fill(-1);
  for (let i = 0; i < n; i++) {
    if (targets === 1) Y[i] = input.y[i] === 1 ? 1 : -1;
    else Y[i * targets + input.y[i]] = 1;
  }
  return { Y, targets };
}

/** Column means of Y (n × t) removed in place; returns the means (zeros without intercept). */
function centerTargets(Y: Float64Array, n: number, t: number, fitIntercept: boolean): Float64Array {
  const mean = new Float64Array(t);
  if (!fitIntercept) return mean;
  for (let i = 0; i < n; i++) for (let k = 0; k < t; k++) mean[k] += Y[i * t + k];
  for (let k = 0; k < t; k++) mean[k] /= n;
  for (let i = 0; i < n; i++) for (let k = 0; k < t; k++) Y[i * t + k] -= mean[k];
  return mean;
}

/** Dense solve: primal (p ≤ n) or dual Cholesky; least squares when alpha = 0 leaves it singular. Returns t × p. */
function solveDense(Xc: Float64Array, n: number, p: number, Yc: Float64Array, t: number, alpha: number): Float64Array {
  const W = new Float64Array(t * p);
  const column = (k: number) => { const c = new Float64Array(n); for (let i = 0; i < n; i++) c[i] = Yc[i * t + k]; return c; };
  if (p <= n) {
    const A = gram(Xc, n, p);
    for (let j = 0; j < p; j++) A[j * p + j] += alpha;
    const ok = cholesky(A, p);
    for (let k = 0; k < t; k++) {
      const yk = column(k);
      if (!ok) { W.set(leastSquaresSvd(Xc, n, p, yk), k * p); continue; }
      const b = new Float64Array(p);
      for (let i = 0; i < n; i++) for (let j = 0, o = i * p; j < p; j++) b[j] += Xc[o + j] * yk[i];
      W.set(choleskySolve(A, p, b), k * p);
    }
    return W;
  }
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let l = i; l < n; l++) {
      let s = 0;
      for (let j = 0, a = i * p, b = l * p; j < p; j++) s += Xc[a + j] * Xc[b + j];
      K[i * n + l] = s; K[l * n + i] = s;
    }
    K[i * n + i] += alpha;
  }
  const ok = cholesky(K, n);
  for (let k = 0; k < t; k++) {
    const yk = column(k);
    if (!ok) { W.set(leastSquaresSvd(Xc, n, p, yk), k * p); continue; }
    const dual = choleskySolve(K, n, yk);
    for (let i = 0; i < n; i++) for (let j = 0, o = i * p; j < p; j++) W[k * p + j] += Xc[o + j] * dual[i];
  }
  return W;
}

/** Sparse solve of (XcᵀXc + αI)w = Xcᵀy by conjugate gradients, centering implicitly (X stays sparse). */
function solveSparse(X: SparseMatrix, mean: Float64Array, Yc: Float64Array, t: number, alpha: number): Float64Array {
  const { rows: n, cols: p, indptr, indices, data } = X;
  const u = new Float64Array(n);
  /** out = Xcᵀ u (u is n-long). */
  const xtu = (v: Float64Array, out: Float64Array) => {
    out.fill(0);
    let su = 0;
    for (let i = 0; i < n; i++) {
      const ui = v[i]; su += ui;
      for (let q = indptr[i]; q < indptr[i + 1]; q++) out[indices[q]] += data[q] * ui;
    }
    for (let j = 0; j < p; j++) out[j] -= mean[j] * su;
  };
  /** u = Xc w. */
  const xw = (w: Float64Array) => {
    let shift = 0;
    for (let j = 0; j < p; j++) shift += mean[j] * w[j];
    for (let i = 0; i < n; i++) {
      let s = -shift;
      for (let q = indptr[i]; q < indptr[i + 1]; q++) s += data[q] * w[indices[q]];
      u[i] = s;
    }
  };
  const W = new Float64Array(t * p);
  const r = new Float64Array(p), d = new Float64Array(p), Ad = new Float64Array(p), yk = new Float64Array(n);
  for (let k = 0; k < t; k++) {
    for (let i = 0; i < n; i++) yk[i] = Yc[i * t + k];
    const w = W.subarray(k * p, (k + 1) * p);
    xtu(yk, r);
    d.set(r);
    let rr = 0;
    for (let j = 0; j < p; j++) rr += r[j] * r[j];
    const stop = rr * 1e-20;
    for (let iter = 0; iter < 10 * p && rr > stop; iter++) {
      xw(d); xtu(u, Ad);
      let dAd = 0;
      for (let j = 0; j < p; j++) { Ad[j] += alpha * d[j]; dAd += d[j] * Ad[j]; }
      if (!(dAd > 0)) break;
      const step = rr / dAd;
      let rrNext = 0;
      for (let j = 0; j < p; j++) { w[j] += step * d[j]; r[j] -= step * Ad[j]; rrNext += r[j] * r[j]; }
      for (let j = 0; j < p; j++) d[j] = r[j] + (rrNext / rr) * d[j];
      rr = rrNext;
    }
  }
  return W;
}

/** Column means of a CSR matrix. */
function sparseMeans(X: SparseMatrix, fitIntercept: boolean): Float64Array {
  const mean = new Float64Array(X.cols);
  if (!fitIntercept) return mean;
  for (let q = 0; q < X.indptr[X.rows]; q++) mean[X.indices[q]] += X.data[q];
  for (let j = 0; j < X.cols; j++) mean[j] /= X.rows;
  return mean;
}

/** Fits ridge (or the ridge classifier's ±1 targets) and returns coefficients and intercepts. */
export function fitRidge(input: FitInput, alpha: number, fitIntercept: boolean): LinearState {
  if (!(alpha >= 0)) throw new KernelError(`ridge: alpha must be ≥ 0, got ${alpha}`);
  const n = input.X.rows, p = input.X.cols;
  const { Y, targets } = ridgeTargets(input);
  const yMean = centerTargets(Y, n, targets, fitIntercept);
  let mean: Float64Array, W: Float64Array;
  if (input.X.kind === 'csr') {
    mean = sparseMeans(input.X, fitIntercept);
    W = solveSparse(input.X, mean, Y, targets, alpha);
  } else {
    const X = toDense(input.X);
    mean = columnMeans(X, fitIntercept);
    W = solveDense(centerRows(X, mean), n, p, Y, targets, alpha);
  }
  const intercept = toNumbers(yMean);
  for (let k = 0; k < targets; k++) for (let j = 0; j < p; j++) intercept[k] -= mean[j] * W[k * p + j];
  return { cols: p, targets, coef: toNumbers(W), intercept };
}

export const kernel: ModelKernel<RidgeState> = {
  name: 'ridge',
  fit(input, params) {
    checkFitInput(input, 'ridge');
    return { ...fitRidge(input, Number(params.alpha), params.fit_intercept !== false), task: input.task };
  },
  predict(state, X: Matrix) {
    return predictLinear(state, X, state.task, 'ridge');
  },
};
