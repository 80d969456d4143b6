/**
 * Gaussian naive Bayes like scikit-learn's GaussianNB: per-class means and
 * variances plus var_smoothing × the largest feature variance; priors from
 * class frequencies (a class without training rows gets prior 0).
 */
import { type Matrix, type ModelKernel, KernelError } from './contract.ts';
import { argmax, checkFitInput, denseInput, toNumbers, checkPredictInput } from './linear.ts';

export interface GaussianNbState {
  cols: number;
  classes: number;
  /** classes × cols, row-major */
  mean: number[];
  variance: number[];
  prior: number[];
}

/** Row-major rows × classes joint log-likelihoods (−Infinity for prior-0 classes). */
function jointLogLikelihood(state: GaussianNbState, X: Matrix): Float64Array {
  checkPredictInput(X, state.cols, 'gaussian_nb');
  const D = denseInput(X, 'gaussian_nb');
  const { cols: p, classes: k } = state;
  const mean = Float64Array.from(state.mean), inv = new Float64Array(k * p), base = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let s = Math.log(state.prior[c]);
    for (let j = 0; j < p; j++) { const v = state.variance[c * p + j]; s -= 0.5 * Math.log(2 * Math.PI * v); inv[c * p + j] = 0.5 / v; }
    base[c] = s;
  }
  const J = new Float64Array(D.rows * k);
  for (let i = 0; i < D.rows; i++) {
    const o = i * p;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0, m = c * p; j < p; j++) { const d = D.data[o + j] - mean[m + j]; s += d * d * inv[m + j]; }
      J[i * k + c] = base[c] - s;
    }
  }
  return J;
}

export const kernel: ModelKernel<GaussianNbState> = {
  name: 'gaussian_nb',
  fit(input, params) {
    checkFitInput(input, 'gaussian_nb');
    if (input.task !== 'classification') throw new KernelError('gaussian_nb is a classification model');
    const smoothing = Number(params.var_smoothing);
    if (!(smoothing >= 0)) throw new KernelError(`gaussian_nb: var_smoothing must be ≥ 0, got ${smoothing}`);
    const X = denseInput(input.X, 'gaussian_nb');
    const { rows: n, cols: p } = X, k = input.classes;
    const count = new Float64Array(k), mean = new Float64Array(k * p), sq = new Float64Array(k * p);
    const allMean = new Float64Array(p), allSq = new Float64Array(p);
    for (let i = 0; i < n; i++) {
      const c = input.y[i];
      count[c]++;
      for (let j = 0, o = i * p; j < p; j++) { mean[c * p + j] += X.data[o + j]; allMean[j] += X.data[o + j]; }
    }
    for (let c = 0; c < k; c++) for (let j = 0; j < p; j++) if (count[c] > 0) mean[c * p + j] /= count[c];
    for (let j = 0; j < p; j++) allMean[j] /= n;
    // two-pass variances (as numpy does) for accuracy on features with large means
    for (let i = 0; i < n; i++) {
      const m = input.y[i] * p;
      for (let j = 0, o = i * p; j < p; j++) {
        const v = X.data[o + j];
        sq[m + j] += (v - mean[m + j]) ** 2;
        allSq[j] += (v - allMean[j]) ** 2;
      }
    }
    let maxVar = 0;
    for (let j = 0; j < p; j++) maxVar = Math.max(maxVar, allSq[j] / n);
    // all-constant features would make every variance 0: smooth relative to 1 instead, and never
    // let a variance be 0 (var_smoothing = 0) so an exact match gives 0, not 0 × ∞ = NaN
    const epsilon = Math.max(smoothing * (maxVar > 0 ? maxVar : 1), 1e-300);
    const variance = new Float64Array(k * p);
    for (let c = 0; c < k; c++) for (let j = 0; j < p; j++) variance[c * p + j] = (count[c] > 0 ? sq[c * p + j] / count[c] : 1) + epsilon;
    return { cols: p, classes: k, mean: toNumbers(mean), variance: toNumbers(variance), prior: Array.from(count, (c) => c / n) };
  },
  predict(state, X) {
    const J = jointLogLikelihood(state, X), k = state.classes;
    const out = new Float64Array(X.rows);
    for (let i = 0; i < X.rows; i++) out[i] = argmax(J, i * k, k);
    return out;
  },
  predictProba(state, X) {
    return softmaxRows(jointLogLikelihood(state, X), X.rows, state.classes);
  },
};

/** Normalizes each row of log-scores into probabilities in place (log-sum-exp; −Infinity → 0). */
export function softmaxRows(J: Float64Array, rows: number, k: number): Float64Array {
  for (let i = 0; i < rows; i++) {
    const o = i * k;
    const max = J[o + argmax(J, o, k)];
    let sum = 0;
    for (let c = 0; c < k; c++) { J[o + c] = Math.exp(J[o + c] - max); sum += J[o + c]; }
    for (let c = 0; c < k; c++) J[o + c] /= sum;
  }
  return J;
}
