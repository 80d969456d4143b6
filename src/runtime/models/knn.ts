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

/** Training matrices of fitted (or loaded) states as typed arrays, built at most once per state object. */
const trainingRows = new WeakMap<KnnState, Float64Array>();

function trainingMatrix(state: KnnState): Float64Array {
  let X = trainingRows.get(state);
  if (!X) { X = Float64Array.from(state.X); trainingRows.set(state, X); }
  return X;
}

/** Sum of |q−x| or (q−x)² over columns [from, to) added onto d in column order (the same roundings as one plain loop). */
function partial(q: Float64Array, X: Float64Array, ro: number, from: number, to: number, d: number, manhattan: boolean): number {
  if (manhattan) for (let j = from; j < to; j++) d += Math.abs(q[j] - X[ro + j]);
  else for (let j = from; j < to; j++) { const t = q[j] - X[ro + j]; d += t * t; }
  return d;
}

const BLOCK = 16;

/**
 * For every query row, calls use(i, index, dist) with its k nearest training rows
 * in increasing distance (dist is the true metric distance). Distances are summed in
 * column order; a row is abandoned once its partial sum reaches the current k-th best
 * (the terms are non-negative, so the full sum could not get below it): exact, same ties.
 */
function neighbours(state: KnnState, Q: Matrix, use: (i: number, index: Int32Array, dist: Float64Array) => void): void {
  checkPredictInput(Q, state.cols, 'knn');
  const D = denseInput(Q, 'knn');
  const { k, rows: n, cols: p } = state, X = trainingMatrix(state), data = D.data;
  const manhattan = state.metric === 'manhattan';
  const best = new Float64Array(k), index = new Int32Array(k), q = new Float64Array(p);
  for (let i = 0; i < D.rows; i++) {
    best.fill(Infinity);
    const qo = i * p;
    for (let j = 0; j < p; j++) q[j] = data[qo + j];
    for (let r = 0; r < n; r++) {
      const ro = r * p, worst = best[k - 1];
      let d = 0, j = 0;
      for (; j < p && d < worst; j += BLOCK) d = partial(q, X, ro, j, Math.min(j + BLOCK, p), d, manhattan);
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
    const X = denseInput(input.X, 'knn'), data = X.data.slice();
    const state: KnnState = {
      task: input.task, classes: input.classes, k, weights, metric, rows: X.rows, cols: X.cols,
      X: [] as number[], y: toNumbers(input.y),
    };
    // The JSON state needs the training matrix as number[]; build it only when someone reads
    // it (serialisation), once, and predict from the typed copy.
    Object.defineProperty(state, 'X', {
      enumerable: true, configurable: true,
      get() { const v = toNumbers(data); Object.defineProperty(state, 'X', { value: v, enumerable: true, writable: true, configurable: true }); return v; },
      set(v: number[]) { Object.defineProperty(state, 'X', { value: v, enumerable: true, writable: true, configurable: true }); trainingRows.delete(state); },
    });
    trainingRows.set(state, data);
    return state;
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
