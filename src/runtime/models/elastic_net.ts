/**
 * Elastic net like scikit-learn's ElasticNet: cyclic coordinate descent on
 * (1/2n)||y − Xw||² + α·ρ·||w||₁ + ½·α·(1−ρ)·||w||² over centered data, stopped
 * by sklearn's duality-gap rule; CSR input is never densified. Lasso is this with ρ = 1.
 */
import { type DenseMatrix, type FitInput, type ModelKernel, type Params, type SparseMatrix, KernelError } from './contract.ts';
import { type LinearState, checkFitInput, toNumbers, columnMeans, predictLinear, requireRegression, vectorMean } from './linear.ts';

/** Solver settings shared by lasso and elastic net. */
export interface ElasticNetSettings {
  alpha: number;
  l1Ratio: number;
  iterations: number;
  tol: number;
  fitIntercept: boolean;
}

/** Reads the catalog params of lasso (l1_ratio fixed at 1) or elastic_net. */
export function elasticNetSettings(params: Params, l1Ratio: number): ElasticNetSettings {
  return {
    alpha: Number(params.alpha),
    l1Ratio,
    iterations: Number(params.iterations),
    tol: Number(params.tol),
    fitIntercept: params.fit_intercept !== false,
  };
}

/** The residual y − Xw as stored values plus one lazy shift common to every row (true rᵢ = values[i] + shift). */
interface Residual {
  values: Float64Array;
  shift: number;
  /** Σ values */
  sum: number;
}

/** Centered columns of X as coordinate descent needs them. */
interface Columns {
  /** ||x_j − mean_j||² */
  norms: Float64Array;
  /** (x_j − mean_j)·r */
  dot(j: number, r: Residual): number;
  /** r −= delta·(x_j − mean_j) */
  subtract(j: number, delta: number, r: Residual): void;
}

/** Column-major centered copy of a dense matrix. */
function denseColumns(X: DenseMatrix, mean: Float64Array): Columns {
  const { rows: n, cols: p, data } = X;
  const cols = new Float64Array(n * p), norms = new Float64Array(p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) cols[j * n + i] = data[i * p + j] - mean[j];
  for (let j = 0; j < p; j++) for (let i = 0, o = j * n; i < n; i++) norms[j] += cols[o + i] ** 2;
  return {
    norms,
    dot(j, r) {
      let s = 0;
      for (let i = 0, o = j * n, v = r.values; i < n; i++) s += cols[o + i] * v[i];
      return s;
    },
    subtract(j, delta, r) {
      for (let i = 0, o = j * n, v = r.values; i < n; i++) v[i] -= delta * cols[o + i];
    },
  };
}

/** CSC copy of a CSR matrix, centered implicitly: the mean part of an update goes into the residual's shift. */
function sparseColumns(X: SparseMatrix, fitIntercept: boolean): Columns & { mean: Float64Array } {
  const { rows: n, cols: p } = X, nnz = X.indptr[n];
  const colptr = new Int32Array(p + 1), rowind = new Int32Array(nnz), vals = new Float64Array(nnz);
  for (let q = 0; q < nnz; q++) colptr[X.indices[q] + 1]++;
  for (let j = 0; j < p; j++) colptr[j + 1] += colptr[j];
  const next = colptr.slice(0, p);
  for (let i = 0; i < n; i++) for (let q = X.indptr[i]; q < X.indptr[i + 1]; q++) { const at = next[X.indices[q]]++; rowind[at] = i; vals[at] = X.data[q]; }
  const colsum = new Float64Array(p), mean = new Float64Array(p), norms = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let s = 0, s2 = 0;
    for (let q = colptr[j]; q < colptr[j + 1]; q++) { s += vals[q]; s2 += vals[q] * vals[q]; }
    colsum[j] = s;
    mean[j] = fitIntercept ? s / n : 0;
    const centered = s2 - n * mean[j] * mean[j];
    norms[j] = centered > 1e-12 * s2 ? centered : 0; // a constant column centers to zero
  }
  return {
    norms, mean,
    dot(j, r) {
      let s = 0;
      for (let q = colptr[j], v = r.values; q < colptr[j + 1]; q++) s += vals[q] * v[rowind[q]];
      return s + r.shift * colsum[j] - mean[j] * (r.sum + n * r.shift);
    },
    subtract(j, delta, r) {
      for (let q = colptr[j], v = r.values; q < colptr[j + 1]; q++) v[rowind[q]] -= delta * vals[q];
      r.sum -= delta * colsum[j];
      r.shift += delta * mean[j];
    },
  };
}

/** Folds the lazy shift into the stored values. */
function flush(r: Residual): void {
  if (r.shift === 0) return;
  for (let i = 0; i < r.values.length; i++) r.values[i] += r.shift;
  r.sum += r.values.length * r.shift;
  r.shift = 0;
}

/** Fits by coordinate descent (sklearn's cd_fast.enet_coordinate_descent; CSR input stays sparse). */
export function fitElasticNet(input: FitInput, s: ElasticNetSettings, model: string): LinearState {
  checkFitInput(input, model);
  requireRegression(input, model);
  if (!(s.alpha >= 0)) throw new KernelError(`${model}: alpha must be ≥ 0, got ${s.alpha}`);
  if (!(s.l1Ratio >= 0 && s.l1Ratio <= 1)) throw new KernelError(`${model}: l1_ratio must be in [0, 1], got ${s.l1Ratio}`);
  const { rows: n, cols: p } = input.X;
  let columns: Columns, mean: Float64Array;
  if (input.X.kind === 'csr') {
    const sparse = sparseColumns(input.X, s.fitIntercept);
    columns = sparse; mean = sparse.mean;
  } else {
    mean = columnMeans(input.X, s.fitIntercept);
    columns = denseColumns(input.X, mean);
  }
  const { norms } = columns;
  const yMean = vectorMean(input.y, s.fitIntercept);
  const y = new Float64Array(n), r: Residual = { values: new Float64Array(n), shift: 0, sum: 0 };
  let yy = 0;
  for (let i = 0; i < n; i++) { y[i] = input.y[i] - yMean; r.values[i] = y[i]; r.sum += y[i]; yy += y[i] * y[i]; }
  const l1 = s.alpha * s.l1Ratio * n, l2 = s.alpha * (1 - s.l1Ratio) * n;
  const w = new Float64Array(p);
  for (let iter = 0; iter < s.iterations; iter++) {
    let wMax = 0, dwMax = 0;
    for (let j = 0; j < p; j++) {
      if (norms[j] === 0) continue;
      const old = w[j], dot = columns.dot(j, r) + old * norms[j];
      const next = Math.sign(dot) * Math.max(Math.abs(dot) - l1, 0) / (norms[j] + l2);
      const delta = next - old;
      if (delta !== 0) columns.subtract(j, delta, r);
      w[j] = next;
      dwMax = Math.max(dwMax, Math.abs(delta));
      wMax = Math.max(wMax, Math.abs(next));
    }
    if (wMax === 0 || dwMax / wMax < s.tol || iter === s.iterations - 1) {
      flush(r);
      if (dualityGap(columns, p, r, y, w, l1, l2) < s.tol * yy) break;
    }
  }
  let b = yMean;
  for (let j = 0; j < p; j++) b -= mean[j] * w[j];
  return { cols: p, targets: 1, coef: toNumbers(w), intercept: [b] };
}

/** sklearn's duality gap for the scaled problem ½||r||² + l1·||w||₁ + ½·l2·||w||² (r flushed). */
function dualityGap(columns: Columns, p: number, r: Residual, y: Float64Array, w: Float64Array, l1: number, l2: number): number {
  let dualNorm = 0, wNorm2 = 0, l1Norm = 0, rNorm2 = 0, ry = 0;
  for (let j = 0; j < p; j++) {
    dualNorm = Math.max(dualNorm, Math.abs(columns.dot(j, r) - l2 * w[j]));
    wNorm2 += w[j] * w[j];
    l1Norm += Math.abs(w[j]);
  }
  const R = r.values;
  for (let i = 0; i < R.length; i++) { rNorm2 += R[i] * R[i]; ry += R[i] * y[i]; }
  let scale = 1, gap = rNorm2;
  if (dualNorm > l1) {
    scale = l1 / dualNorm;
    gap = 0.5 * (rNorm2 + rNorm2 * scale * scale);
  }
  return gap + l1 * l1Norm - scale * ry + 0.5 * l2 * (1 + scale * scale) * wNorm2;
}

export const kernel: ModelKernel<LinearState> = {
  name: 'elastic_net',
  fit(input, params) {
    return fitElasticNet(input, elasticNetSettings(params, Number(params.l1_ratio)), 'elastic_net');
  },
  predict(state, X) {
    return predictLinear(state, X, 'regression', 'elastic_net');
  },
};
