/**
 * Histogram gradient boosting like scikit-learn's HistGradientBoosting*:
 * quantile-binned features, leaf-wise trees on gradient/hessian histograms;
 * least squares for regression, binary log loss, or multinomial log loss
 * with one tree per class per iteration.
 */
import { KernelError, type FitInput, type Matrix, type ModelKernel, type Params } from './contract.ts';
import { deriveSeed, rng, shuffle } from '../random.ts';
import { binRows, fitBinEdges } from './tree/binning.ts';
import { toTyped, leafOf, type FlatTree, type TypedTree } from './tree/flat_tree.ts';
import { GrowerWorkspace, growTree, type GrowerOptions } from './tree/hist_grower.ts';
import { checkedPredictionMatrix, checkedTrainingMatrix } from './tree/input.ts';
import { argmaxRows } from './tree/predict.ts';

export interface GradientBoostingState {
  task: FitInput['task'];
  classes: number;
  cols: number;
  /** raw predictions per output before any tree */
  baseline: number[];
  /** bin edges per feature (fitted on the training rows) */
  binEdges: number[][];
  /** iteration-major: trees[iteration × outputs + output] */
  trees: FlatTree[];
  iterations: number;
}

const EPS = 2.220446049250313e-16;
const TOL = 1e-7;

/** Raw outputs per row: 1 for regression and binary classification, else one per class. */
function outputCount(task: FitInput['task'], classes: number): number {
  return task === 'classification' && classes > 2 ? classes : 1;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Baseline raw prediction like scikit-learn's: mean, log-odds, or log class priors. */
function baseline(y: Float64Array, rows: Int32Array, task: FitInput['task'], K: number): number[] {
  if (task === 'regression') {
    let s = 0;
    for (const i of rows) s += y[i];
    return [s / rows.length];
  }
  const counts = new Float64Array(Math.max(K, 2));
  for (const i of rows) counts[y[i]]++;
  const prior = (k: number) => Math.min(Math.max(counts[k] / rows.length, EPS), 1 - EPS);
  if (K === 1) { const p = prior(1); return [Math.log(p / (1 - p))]; }
  return Array.from({ length: K }, (_, k) => Math.log(prior(k)));
}

/** Gradients and hessians of the loss at the raw predictions (k-major for multiclass); hess null = all 1. */
function gradients(task: FitInput['task'], K: number, y: Float64Array, raw: Float64Array, rows: Int32Array, grad: Float64Array, hess: Float64Array | null, n: number): void {
  if (task === 'regression') {
    for (const i of rows) grad[i] = raw[i] - y[i];
  } else if (K === 1) {
    for (const i of rows) { const p = sigmoid(raw[i]); grad[i] = p - y[i]; hess![i] = p * (1 - p); }
  } else {
    for (const i of rows) {
      let max = -Infinity, sum = 0;
      for (let k = 0; k < K; k++) max = Math.max(max, raw[i * K + k]);
      for (let k = 0; k < K; k++) sum += Math.exp(raw[i * K + k] - max);
      for (let k = 0; k < K; k++) {
        const p = Math.exp(raw[i * K + k] - max) / sum;
        grad[k * n + i] = p - (y[i] === k ? 1 : 0);
        hess![k * n + i] = p * (1 - p);
      }
    }
  }
}

/** Mean loss (half squared error, log loss or multinomial log loss) over the given rows. */
function meanLoss(task: FitInput['task'], K: number, y: Float64Array, raw: Float64Array, rows: Int32Array): number {
  let total = 0;
  for (const i of rows) {
    if (task === 'regression') total += 0.5 * (raw[i] - y[i]) ** 2;
    else if (K === 1) { const z = raw[i]; total += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y[i] * z; }
    else {
      let max = -Infinity, sum = 0;
      for (let k = 0; k < K; k++) max = Math.max(max, raw[i * K + k]);
      for (let k = 0; k < K; k++) sum += Math.exp(raw[i * K + k] - max);
      total += max + Math.log(sum) - raw[i * K + y[i]];
    }
  }
  return total / rows.length;
}

/** Training and validation rows; validation is a seeded (stratified for classification) share when early stopping. */
function splitRows(y: Float64Array, task: FitInput['task'], fraction: number, seed: number): [Int32Array, Int32Array] {
  const random = rng(deriveSeed(seed, 'validation'));
  const groups = new Map<number, number[]>();
  for (let i = 0; i < y.length; i++) {
    const key = task === 'classification' ? y[i] : 0;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(i);
  }
  const train: number[] = [], validation: number[] = [];
  for (const key of [...groups.keys()].sort((a, b) => a - b)) {
    const members = shuffle(groups.get(key)!, random);
    const take = Math.round(members.length * fraction);
    for (let i = 0; i < members.length; i++) (i < take ? validation : train).push(members[i]);
  }
  if (train.length === 0 || validation.length === 0) throw new KernelError('gradient_boosting: too few rows for early stopping; set early_stopping: false');
  return [Int32Array.from(train.sort((a, b) => a - b)), Int32Array.from(validation.sort((a, b) => a - b))];
}

/** Adds tree predictions (raw thresholds) for the given rows into raw[i × K + k]. */
function addTree(tree: TypedTree, data: Float64Array, cols: number, rows: Int32Array, raw: Float64Array, K: number, k: number): void {
  for (const i of rows) raw[i * K + k] += tree.value[leafOf(tree, data, cols, i)];
}

function intParam(params: Params, name: string, fallback: number): number {
  const v = params[name];
  return v == null ? fallback : Number(v);
}

export const kernel: ModelKernel<GradientBoostingState> = {
  name: 'gradient_boosting',
  fit(input, params) {
    const X = checkedTrainingMatrix(input, 'gradient_boosting');
    const { task, y } = input;
    const n = X.rows;
    const classes = task === 'classification' ? Math.max(input.classes, 1) : 0;
    const K = outputCount(task, classes);
    const maxBins = intParam(params, 'max_bins', 255);
    if (!(maxBins >= 2 && maxBins <= 255)) throw new KernelError(`gradient_boosting: max_bins must be between 2 and 255, not ${maxBins}`);
    const earlyStopping = params.early_stopping === true || ((params.early_stopping ?? 'auto') === 'auto' && n > 10000);
    const [trainRows, validationRows] = earlyStopping
      ? splitRows(y, task, Number(params.validation_fraction ?? 0.1), input.seed)
      : [Int32Array.from({ length: n }, (_, i) => i), new Int32Array(0)];
    const binEdges = fitBinEdges(X.data, X.cols, trainRows, maxBins);
    const bins = binRows(X.data, X.cols, trainRows, binEdges);
    const m = trainRows.length;
    const yTrain = Float64Array.from(trainRows, (i) => y[i]);
    const base = baseline(y, trainRows, task, K);
    const state: GradientBoostingState = { task, classes, cols: X.cols, baseline: base, binEdges, trees: [], iterations: 0 };
    if (task === 'classification' && classes <= 1) return state;

    const options: GrowerOptions = {
      maxLeafNodes: params.max_leaf_nodes == null ? Infinity : Number(params.max_leaf_nodes),
      maxDepth: params.max_depth == null ? Infinity : Number(params.max_depth),
      minSamplesLeaf: intParam(params, 'min_samples_leaf', 20),
      l2: Number(params.l2_regularization ?? 0),
      learningRate: Number(params.learning_rate ?? 0.1),
    };
    const iterations = intParam(params, 'iterations', 100);
    const patience = intParam(params, 'n_iter_no_change', 10);
    const ws = new GrowerWorkspace({ rows: m, cols: X.cols, bins, edges: binEdges });
    const raw = new Float64Array(m * K);
    for (let i = 0; i < m; i++) for (let k = 0; k < K; k++) raw[i * K + k] = base[k];
    const validationRaw = new Float64Array(n * K);
    for (const i of validationRows) for (let k = 0; k < K; k++) validationRaw[i * K + k] = base[k];
    const grad = new Float64Array(m * K);
    const hess = task === 'regression' ? null : new Float64Array(m * K);
    const all = Int32Array.from({ length: m }, (_, i) => i);
    const rows = new Int32Array(m);
    const scores = earlyStopping ? [-meanLoss(task, K, y, validationRaw, validationRows)] : [];

    for (let it = 0; it < iterations; it++) {
      gradients(task, K, yTrain, raw, all, grad, hess, m);
      for (let k = 0; k < K; k++) {
        rows.set(all);
        const g = grad.subarray(k * m, (k + 1) * m), h = hess ? hess.subarray(k * m, (k + 1) * m) : null;
        const grown = growTree(ws, rows, g, h, options);
        for (let leaf = 0; leaf < grown.leafValue.length; leaf++) {
          const value = grown.leafValue[leaf];
          for (let p = grown.leafStart[leaf]; p < grown.leafEnd[leaf]; p++) raw[rows[p] * K + k] += value;
        }
        state.trees.push(grown.tree);
        if (earlyStopping) addTree(toTyped(grown.tree), X.data, X.cols, validationRows, validationRaw, K, k);
      }
      state.iterations = it + 1;
      if (earlyStopping) {
        scores.push(-meanLoss(task, K, y, validationRaw, validationRows));
        if (scores.length > patience) {
          const reference = scores[scores.length - patience - 1] + TOL;
          if (!scores.slice(-patience).some((s) => s > reference)) break;
        }
      }
    }
    return state;
  },
  predict(state, X: Matrix) {
    const raw = rawPredictions(state, X);
    if (state.task === 'regression') return raw;
    const rows = raw.length / outputCount(state.task, state.classes);
    return argmaxRows(probabilities(state, raw), rows, Math.max(state.classes, 1));
  },
  predictProba(state, X: Matrix) {
    return probabilities(state, rawPredictions(state, X));
  },
};

function rawPredictions(state: GradientBoostingState, X: Matrix): Float64Array {
  const dense = checkedPredictionMatrix(X, state.cols, 'gradient_boosting');
  const K = outputCount(state.task, state.classes);
  const raw = new Float64Array(dense.rows * K);
  for (let i = 0; i < dense.rows; i++) for (let k = 0; k < K; k++) raw[i * K + k] = state.baseline[k];
  const all = Int32Array.from({ length: dense.rows }, (_, i) => i);
  state.trees.forEach((tree, t) => addTree(toTyped(tree), dense.data, dense.cols, all, raw, K, t % K));
  return raw;
}

/** Class probabilities (rows × classes) from raw predictions. */
function probabilities(state: GradientBoostingState, raw: Float64Array): Float64Array {
  const classes = Math.max(state.classes, 1);
  const K = outputCount(state.task, state.classes);
  const rows = raw.length / K;
  const proba = new Float64Array(rows * classes);
  for (let i = 0; i < rows; i++) {
    if (classes === 1) proba[i] = 1;
    else if (K === 1) { const p = sigmoid(raw[i]); proba[i * 2] = 1 - p; proba[i * 2 + 1] = p; }
    else {
      let max = -Infinity, sum = 0;
      for (let k = 0; k < K; k++) max = Math.max(max, raw[i * K + k]);
      for (let k = 0; k < K; k++) sum += proba[i * K + k] = Math.exp(raw[i * K + k] - max);
      for (let k = 0; k < K; k++) proba[i * K + k] /= sum;
    }
  }
  return proba;
}
