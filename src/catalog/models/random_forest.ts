import type { ModelEntry } from '../types.ts';
import { classWeight, maxDepth, maxFeatures, minSamplesLeaf, minSamplesSplit } from '../params.ts';

export const random_forest: ModelEntry = {
  kind: 'model', name: 'random_forest', kernel: 'random_forest', tasks: ['classification', 'regression'], probabilities: true, sparseInput: false, cost: 20,
  doc: 'A random forest: many decision trees, each on a bootstrap sample of the rows and a random subset of features per split; predictions are averaged. Strong default for tabular data; trees train in parallel.',
  example: 'random_forest(trees: [100, 300], max_depth: [null, 8])',
  params: [
    { name: 'trees', doc: 'Number of trees.', type: 'integer', min: 1, default: 100, positional: true },
    maxDepth, minSamplesSplit, minSamplesLeaf(1), maxFeatures({ classification: 'sqrt', regression: 1.0 }),
    { name: 'bootstrap', doc: 'Train each tree on a bootstrap sample of the rows.', type: 'boolean', default: true },
    { name: 'oob_score', doc: 'Score each row with the trees that did not see it (out-of-bag estimate).', type: 'boolean', default: false },
    classWeight,
  ],
};
