/**
 * k-nearest neighbours like scikit-learn's KNeighborsClassifier/Regressor,
 * by brute force on typed arrays: each query keeps its k best rows in a small
 * sorted insertion array (earlier training rows win distance ties).
 */
import { type Matrix, type ModelKernel, KernelError } from './contract.ts';
import { argmax, checkFitInput, denseInput, toNumbers, checkPredictInput } from './linear.ts';

export interface KnnState {
  task: 'classification' | 'regression';
  classes: number;
  k: number;
  weights: 'uniform' | 'distance';
  metric: 'euclidean' | 'manhattan';
  rows: number;
  cols: number;
  /** the training matrix, row-major */
  X: number[];
  y: number[];
}

/**
 * For every query row, calls use(i, index, dist) with its k nearest training rows
 * in increasing distance (dist is the true metric distance).
 */
function neighbours(state: KnnState, Q: Matrix, use: (i: number, index: Int32Array, dist: Float64Array) => void): void {
  checkPredictInput(Q, state.cols, 'knn');
  const D = denseInput(Q, 'knn');
  const { k, rows: n, cols: p } = state, X = Float64Array.from(state.X);
  const manhattan = state.metric === 'manhattan';
  const best = new Float64Array(k), index = new Int32Array(k);
  for (let i = 0; i < D.rows; i++) {
    best.fill(Infinity);
    const qo = i * p;
    for (let r = 0; r < n; r++) {
      const ro = r * p, worst = best[k - 1];
      let d = 0;
      if (manhattan) for (let j = 0; j < p; j++) d += Math.abs(D.data[qo + j] - X[ro + j]);
      else for (let j = 0; j < p; j++) { const t = D.data[qo + j] - X[ro + j]; d += t * t; }
      if (!(d < worst)) continue;
      let pos = k - 1;
      while (pos > 0 && best[pos - 1] > d) { best[pos] = best[pos - 1]; index[pos] = index[pos - 1]; pos--; }
      best[pos] = d; index[pos] = r;
    }
    if (!manhattan) for (let t = 0; t < k; t++) best[t] = Math.sqrt(best[t]);
    use(i, index, best);
  }
}

/** Neighbour weights into w: 1 each, or 1/distance (only the exact matches when any distance is 0, like sklearn). */
function weightsInto(state: KnnState, dist: Float64Array, w: Float64Array): void {
  if (state.weights === 'uniform' || dist[0] !== 0) {
    for (let t = 0; t < state.k; t++) w[t] = state.weights === 'uniform' ? 1 : 1 / dist[t];
  } else {
    for (let t = 0; t < state.k; t++) w[t] = dist[t] === 0 ? 1 : 0;
  }
}

/** Row-major rows × classes neighbour vote shares. */
function votes(state: KnnState, X: Matrix): Float64Array {
  const c = state.classes, V = new Float64Array(X.rows * c), w = new Float64Array(state.k);
  neighbours(state, X, (i, index, dist) => {
    weightsInto(state, dist, w);
    let sum = 0;
    for (let t = 0; t < state.k; t++) { V[i * c + state.y[index[t]]] += w[t]; sum += w[t]; }
    for (let j = 0; j < c; j++) V[i * c + j] /= sum;
  });
  return V;
}

export const kernel: ModelKernel<KnnState> = {
  name: 'knn',
  fit(input, params) {
    checkFitInput(input, 'knn');
    const k = Number(params.k);
    if (!Number.isInteger(k) || k < 1) throw new KernelError(`knn: k must be a whole number ≥ 1, got ${params.k}`);
    if (k > input.X.rows) throw new KernelError(`knn: k = ${k} is more than the ${input.X.rows} training rows`);
    const weights = params.weights === 'distance' ? 'distance' : 'uniform';
    const metric = params.metric === 'manhattan' ? 'manhattan' : 'euclidean';
    const X = denseInput(input.X, 'knn');
    return {
      task: input.task, classes: input.classes, k, weights, metric, rows: X.rows, cols: X.cols,
      X: toNumbers(X.data), y: toNumbers(input.y),
    };
  },
  predict(state, X) {
    if (state.task === 'classification') {
      const V = votes(state, X), out = new Float64Array(X.rows);
      for (let i = 0; i < X.rows; i++) out[i] = argmax(V, i * state.classes, state.classes);
      return out;
    }
    const out = new Float64Array(X.rows), w = new Float64Array(state.k);
    neighbours(state, X, (i, index, dist) => {
      weightsInto(state, dist, w);
      let s = 0, sw = 0;
      for (let t = 0; t < state.k; t++) { s += w[t] * state.y[index[t]]; sw += w[t]; }
      out[i] = s / sw;
    });
    return out;
  },
  predictProba(state, X) {
    if (state.task !== 'classification') throw new KernelError('knn: probabilities exist only for classification');
    return votes(state, X);
  },
};
