import type { ModelEntry } from '../types.ts';
import { iterations, minSamplesLeaf, nIterNoChange, validationFraction } from '../params.ts';

export const gradient_boosting: ModelEntry = {
  kind: 'model', name: 'gradient_boosting', kernel: 'gradient_boosting', tasks: ['classification', 'regression'], probabilities: true, sparseInput: false, cost: 15,
  doc: 'Histogram-based gradient-boosted trees (like LightGBM or scikit-learn\'s HistGradientBoosting): trees added one at a time, each fitting the gradient of the loss, on features binned into at most `max_bins` bins.',
  example: 'gradient_boosting(learning_rate: [0.05, 0.1], max_leaf_nodes: [15, 31])',
  params: [
    iterations(100, 'Maximum number of boosting iterations (trees per class).'),
    { name: 'learning_rate', doc: 'Shrinkage applied to each tree.', type: 'number', min: 0, minExclusive: true, default: 0.1 },
    { name: 'max_depth', doc: 'Maximum depth of each tree; `null` for no limit.', type: 'integer', min: 1, nullable: true, default: null },
    { name: 'max_leaf_nodes', doc: 'Maximum leaves per tree.', type: 'integer', min: 2, default: 31 },
    minSamplesLeaf(20),
    { name: 'l2_regularization', doc: 'L2 penalty on leaf values.', type: 'number', min: 0, default: 0 },
    { name: 'max_bins', doc: 'Histogram bins per feature (at most 255).', type: 'integer', min: 2, max: 255, default: 255 },
    { name: 'early_stopping', doc: '`auto` stops early when the training rows exceed 10,000.', type: 'enum', values: ['auto', 'true', 'false'], default: 'auto' },
    validationFraction, nIterNoChange,
  ],
};
