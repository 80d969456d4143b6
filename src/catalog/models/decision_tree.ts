import type { ModelEntry } from '../types.ts';
import { classWeight, maxDepth, maxFeatures, minSamplesLeaf, minSamplesSplit } from '../params.ts';

export const decision_tree: ModelEntry = {
  kind: 'model', name: 'decision_tree', kernel: 'decision_tree', tasks: ['classification', 'regression'], probabilities: true, sparseInput: false, cost: 3,
  doc: 'A CART decision tree: greedy binary splits that most reduce impurity (Gini or entropy for classification, squared error for regression). Needs no scaling; limit its depth to avoid overfitting.',
  example: 'decision_tree(max_depth: 2..8)',
  params: [
    { name: 'criterion', doc: 'Split quality: `gini` or `entropy` (classification), `squared_error` (regression).', type: 'enum', values: ['gini', 'entropy', 'squared_error'], default: { classification: 'gini', regression: 'squared_error' } },
    maxDepth, minSamplesSplit, minSamplesLeaf(1), maxFeatures(null), classWeight,
  ],
};
