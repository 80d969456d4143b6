/**
 * Random forest like scikit-learn's RandomForest*: bagged CART trees with
 * per-split feature subsampling; tree t is seeded by deriveSeed(seed, t) and
 * trees are grown on worker threads when the forest is big enough.
 */
import type { FitInput, Matrix, ModelKernel } from './contract.ts';
import { presort } from './tree/cart.ts';
import { toTyped, leafOf, type FlatTree } from './tree/flat_tree.ts';
import { bootstrapCounts, treeRandom } from './tree/forest_job.ts';
import { forestThreads, growForest } from './tree/forest_pool.ts';
import { checkedPredictionMatrix, checkedTrainingMatrix } from './tree/input.ts';
import { argmaxRows, meanLeafValues } from './tree/predict.ts';
import { sampleWeights, treeOptions } from './decision_tree.ts';

export { setForestThreads } from './tree/forest_pool.ts';

export interface RandomForestState {
  task: FitInput['task'];
  classes: number;
  cols: number;
  trees: FlatTree[];
  /** out-of-bag accuracy or R² when oob_score is true */
  oobScore?: number;
}

/** Below this many rows × trees, starting work on other threads costs more than it saves. */
const PARALLEL_WORK = 20_000;

function outputs(state: { task: FitInput['task']; classes: number }): number {
  return state.task === 'classification' ? Math.max(state.classes, 1) : 1;
}

/** Out-of-bag accuracy (classification) or R² (regression), over rows left out by at least one tree. */
function oobScore(trees: FlatTree[], X: Float64Array, cols: number, y: Float64Array, seed: number, width: number, classification: boolean): number {
  const n = y.length;
  const sums = new Float64Array(n * width);
  const votes = new Float64Array(n);
  trees.forEach((flat, t) => {
    const counts = bootstrapCounts(n, treeRandom(seed, t));
    const tree = toTyped(flat);
    for (let i = 0; i < n; i++) {
      if (counts[i] > 0) continue;
      const v = leafOf(tree, X, cols, i) * width;
      for (let k = 0; k < width; k++) sums[i * width + k] += tree.value[v + k];
      votes[i]++;
    }
  });
  let used = 0, correct = 0, mean = 0;
  for (let i = 0; i < n; i++) if (votes[i] > 0) { used++; mean += y[i]; }
  if (used === 0) return NaN;
  mean /= used;
  let ssRes = 0, ssTot = 0;
  const predicted = argmaxRows(sums, n, width);
  for (let i = 0; i < n; i++) {
    if (votes[i] === 0) continue;
    if (classification) { if (predicted[i] === y[i]) correct++; }
    else { ssRes += (y[i] - sums[i] / votes[i]) ** 2; ssTot += (y[i] - mean) ** 2; }
  }
  return classification ? correct / used : 1 - ssRes / ssTot;
}

export const kernel: ModelKernel<RandomForestState> = {
  name: 'random_forest',
  async fit(input, params) {
    const X = checkedTrainingMatrix(input, 'random_forest');
    const classification = input.task === 'classification';
    const classes = classification ? Math.max(input.classes, 1) : 0;
    const count = Math.max(1, Math.floor(Number(params.trees ?? 100)));
    const bootstrap = params.bootstrap !== false;
    const job = {
      data: presort(X.data, X.rows, X.cols, input.y, classes),
      rowWeights: sampleWeights(input, params),
      options: treeOptions(params, classification, X.cols),
      seed: input.seed,
      trees: count,
      bootstrap,
    };
    const threads = X.rows * count >= PARALLEL_WORK ? Math.min(forestThreads(), count) : 1;
    const trees = await growForest(job, threads);
    const state: RandomForestState = { task: input.task, classes, cols: X.cols, trees };
    if (params.oob_score === true && bootstrap) {
      state.oobScore = oobScore(trees, X.data, X.cols, input.y, input.seed, classification ? classes : 1, classification);
    }
    return state;
  },
  predict(state, X: Matrix) {
    const dense = checkedPredictionMatrix(X, state.cols, 'random_forest');
    const values = meanLeafValues(state.trees.map(toTyped), dense, outputs(state));
    return state.task === 'classification' ? argmaxRows(values, dense.rows, outputs(state)) : values;
  },
  predictProba(state, X: Matrix) {
    const dense = checkedPredictionMatrix(X, state.cols, 'random_forest');
    return meanLeafValues(state.trees.map(toTyped), dense, outputs(state));
  },
};
