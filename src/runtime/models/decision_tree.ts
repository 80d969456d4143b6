/** CART decision tree (classification and regression) like scikit-learn's DecisionTree*. */
import type { FitInput, Matrix, ModelKernel, Params } from './contract.ts';
import { rng } from '../random.ts';
import { buildTree, criterionCode, maxFeaturesCount, presort } from './tree/cart.ts';
import { toTyped, type FlatTree } from './tree/flat_tree.ts';
import { checkedPredictionMatrix, checkedTrainingMatrix, classWeights } from './tree/input.ts';
import { argmaxRows, meanLeafValues } from './tree/predict.ts';

export interface DecisionTreeState {
  task: FitInput['task'];
  classes: number;
  cols: number;
  tree: FlatTree;
}

/** Tree-growing options from the catalog parameters (shared with the forest). */
export function treeOptions(params: Params, classification: boolean, cols: number) {
  const maxDepth = params.max_depth == null ? Infinity : Number(params.max_depth);
  return {
    criterion: criterionCode(params.criterion, classification),
    maxDepth,
    minSamplesSplit: Number(params.min_samples_split ?? 2),
    minSamplesLeaf: Number(params.min_samples_leaf ?? 1),
    maxFeatures: maxFeaturesCount(params.max_features, cols),
  };
}

/** Per-row sample weights from the class weights (all 1 for regression). */
export function sampleWeights(input: FitInput, params: Params): Float64Array {
  const weights = new Float64Array(input.y.length).fill(1);
  if (input.task === 'classification') {
    const byClass = classWeights(input.y, input.classes, params.class_weight);
    for (let i = 0; i < weights.length; i++) weights[i] = byClass[input.y[i]];
  }
  return weights;
}

function outputs(state: { task: FitInput['task']; classes: number }): number {
  return state.task === 'classification' ? Math.max(state.classes, 1) : 1;
}

export const kernel: ModelKernel<DecisionTreeState> = {
  name: 'decision_tree',
  fit(input, params) {
    const X = checkedTrainingMatrix(input, 'decision_tree');
    const classification = input.task === 'classification';
    const classes = classification ? Math.max(input.classes, 1) : 0;
    const data = presort(X.data, X.rows, X.cols, input.y, classes);
    const tree = buildTree(data, sampleWeights(input, params), treeOptions(params, classification, X.cols), rng(input.seed));
    return { task: input.task, classes, cols: X.cols, tree };
  },
  predict(state, X: Matrix) {
    const dense = checkedPredictionMatrix(X, state.cols, 'decision_tree');
    const values = meanLeafValues([toTyped(state.tree)], dense, outputs(state));
    return state.task === 'classification' ? argmaxRows(values, dense.rows, outputs(state)) : values;
  },
  predictProba(state, X: Matrix) {
    const dense = checkedPredictionMatrix(X, state.cols, 'decision_tree');
    return meanLeafValues([toTyped(state.tree)], dense, outputs(state));
  },
};
