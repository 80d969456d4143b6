/**
 * Multinomial naive Bayes like scikit-learn's MultinomialNB, sparse-first:
 * CSR rows are read in place (a text matrix is never densified).
 */
import { type Matrix, type ModelKernel, KernelError } from './contract.ts';
import { argmax, checkFitInput, checkPredictInput } from './linear.ts';
import { softmaxRows } from './gaussian_nb.ts';

export interface MultinomialNbState {
  cols: number;
  classes: number;
  /** cols × classes, row-major: log P(feature | class) */
  featureLogProb: number[];
  /** per class; null stands for −Infinity (a class without training rows) */
  classLogPrior: (number | null)[];
}

/** Throws a KernelError if any stored value is negative (counts and tf-idf are never negative). */
function assertNonNegative(X: Matrix, what: string): void {
  for (let q = 0; q < X.data.length; q++)
    if (X.data[q] < 0) throw new KernelError(`multinomial_nb: the ${what} contains the negative value ${X.data[q]}; this model needs counts or frequencies`);
}

/** Adds Σ_j X[i][j] · table[j][·] (table row-major cols × width) into out[i][·] for every row i. */
function addProducts(X: Matrix, table: Float64Array, width: number, out: Float64Array): void {
  const { rows, cols, data } = X;
  const add = (i: number, j: number, v: number) => { for (let c = 0, o = i * width, f = j * width; c < width; c++) out[o + c] += v * table[f + c]; };
  if (X.kind === 'csr') {
    for (let i = 0; i < rows; i++) for (let q = X.indptr[i]; q < X.indptr[i + 1]; q++) add(i, X.indices[q], data[q]);
  } else {
    for (let i = 0; i < rows; i++) for (let j = 0, o = i * cols; j < cols; j++) if (data[o + j] !== 0) add(i, j, data[o + j]);
  }
}

/** Row-major rows × classes joint log-likelihoods. */
function jointLogLikelihood(state: MultinomialNbState, X: Matrix): Float64Array {
  checkPredictInput(X, state.cols, 'multinomial_nb');
  assertNonNegative(X, 'prediction matrix');
  const k = state.classes, J = new Float64Array(X.rows * k);
  for (let i = 0; i < X.rows; i++) for (let c = 0; c < k; c++) J[i * k + c] = state.classLogPrior[c] ?? -Infinity;
  addProducts(X, Float64Array.from(state.featureLogProb), k, J);
  return J;
}

export const kernel: ModelKernel<MultinomialNbState> = {
  name: 'multinomial_nb',
  fit(input, params) {
    checkFitInput(input, 'multinomial_nb');
    if (input.task !== 'classification') throw new KernelError('multinomial_nb is a classification model');
    const { X, y, classes: k } = input;
    assertNonNegative(X, 'training matrix');
    const alphaParam = Number(params.alpha);
    if (!(alphaParam >= 0)) throw new KernelError(`multinomial_nb: alpha must be ≥ 0, got ${alphaParam}`);
    const alpha = Math.max(alphaParam, 1e-10); // sklearn 1.2 clips alpha to 1e-10
    const p = X.cols;
    const counts = new Float64Array(p * k), total = new Float64Array(k), rowsPerClass = new Float64Array(k);
    const { data } = X;
    for (let i = 0; i < X.rows; i++) {
      const c = y[i];
      rowsPerClass[c]++;
      if (X.kind === 'csr') for (let q = X.indptr[i]; q < X.indptr[i + 1]; q++) counts[X.indices[q] * k + c] += data[q];
      else for (let j = 0, o = i * p; j < p; j++) counts[j * k + c] += data[o + j];
    }
    for (let j = 0; j < p; j++) for (let c = 0; c < k; c++) total[c] += counts[j * k + c];
    const featureLogProb = new Array<number>(p * k);
    for (let c = 0; c < k; c++) {
      const logTotal = Math.log(total[c] + alpha * p);
      for (let j = 0; j < p; j++) featureLogProb[j * k + c] = Math.log(counts[j * k + c] + alpha) - logTotal;
    }
    const classLogPrior = Array.from(rowsPerClass, (r) => {
      if (params.fit_prior === false) return -Math.log(k);
      return r > 0 ? Math.log(r / X.rows) : null;
    });
    return { cols: p, classes: k, featureLogProb, classLogPrior };
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
