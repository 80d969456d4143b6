/**
 * Elastic net like scikit-learn's ElasticNet: cyclic coordinate descent on
 * (1/2n)||y − Xw||² + α·ρ·||w||₁ + ½·α·(1−ρ)·||w||² over centered data, stopped
 * by sklearn's duality-gap rule. Lasso is this with ρ = 1.
 */
import { type FitInput, type ModelKernel, type Params, KernelError, toDense } from './contract.ts';
import { type LinearState, checkFitInput, columnMeans, predictLinear, requireRegression, vectorMean } from './linear.ts';

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

/** Fits by coordinate descent (sklearn's cd_fast.enet_coordinate_descent on a column-major copy). */
export function fitElasticNet(input: FitInput, s: ElasticNetSettings, model: string): LinearState {
  checkFitInput(input, model);
  requireRegression(input, model);
  if (!(s.alpha >= 0)) throw new KernelError(`${model}: alpha must be ≥ 0, got ${s.alpha}`);
  if (!(s.l1Ratio >= 0 && s.l1Ratio <= 1)) throw new KernelError(`${model}: l1_ratio must be in [0, 1], got ${s.l1Ratio}`);
  const X = toDense(input.X);
  const { rows: n, cols: p } = X;
  const mean = columnMeans(X, s.fitIntercept);
  const yMean = vectorMean(input.y, s.fitIntercept);
  const cols = new Float64Array(n * p);
  const norms = new Float64Array(p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) cols[j * n + i] = X.data[i * p + j] - mean[j];
  for (let j = 0; j < p; j++) { let s2 = 0; for (let i = 0, o = j * n; i < n; i++) s2 += cols[o + i] ** 2; norms[j] = s2; }
  const y = new Float64Array(n), R = new Float64Array(n);
  let yy = 0;
  for (let i = 0; i < n; i++) { y[i] = input.y[i] - yMean; R[i] = y[i]; yy += y[i] * y[i]; }
  const l1 = s.alpha * s.l1Ratio * n, l2 = s.alpha * (1 - s.l1Ratio) * n;
  const gapTol = s.tol * yy;
  const w = new Float64Array(p);
  for (let iter = 0; iter < s.iterations; iter++) {
    let wMax = 0, dwMax = 0;
    for (let j = 0; j < p; j++) {
      if (norms[j] === 0) continue;
      const o = j * n, old = w[j];
      let dot = 0;
      for (let i = 0; i < n; i++) dot += cols[o + i] * R[i];
      dot += old * norms[j];
      const next = Math.sign(dot) * Math.max(Math.abs(dot) - l1, 0) / (norms[j] + l2);
      const delta = next - old;
      if (delta !== 0) for (let i = 0; i < n; i++) R[i] -= delta * cols[o + i];
      w[j] = next;
      dwMax = Math.max(dwMax, Math.abs(delta));
      wMax = Math.max(wMax, Math.abs(next));
    }
    if (wMax === 0 || dwMax / wMax < s.tol || iter === s.iterations - 1) {
      if (dualityGap(cols, n, p, R, y, w, l1, l2) < gapTol) break;
    }
  }
  let b = yMean;
  for (let j = 0; j < p; j++) b -= mean[j] * w[j];
  return { cols: p, targets: 1, coef: Array.from(w), intercept: [b] };
}

/** sklearn's duality gap for the scaled problem ½||R||² + l1·||w||₁ + ½·l2·||w||². */
function dualityGap(cols: Float64Array, n: number, p: number, R: Float64Array, y: Float64Array, w: Float64Array, l1: number, l2: number): number {
  let dualNorm = 0, wNorm2 = 0, l1Norm = 0, rNorm2 = 0, ry = 0;
  for (let j = 0; j < p; j++) {
    let dot = 0;
    for (let i = 0, o = j * n; i < n; i++) dot += cols[o + i] * R[i];
    dualNorm = Math.max(dualNorm, Math.abs(dot - l2 * w[j]));
    wNorm2 += w[j] * w[j];
    l1Norm += Math.abs(w[j]);
  }
  for (let i = 0; i < n; i++) { rNorm2 += R[i] * R[i]; ry += R[i] * y[i]; }
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
