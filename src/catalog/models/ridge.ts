import type { ModelEntry } from '../types.ts';
import { fitIntercept } from '../params.ts';

export const ridge: ModelEntry = {
  kind: 'model', name: 'ridge', kernel: 'ridge', tasks: ['regression', 'classification'], probabilities: false, sparseInput: true, cost: 1,
  doc: 'Linear least squares with an L2 penalty (alpha · ‖w‖²). For classification it fits one ±1 regression per class and predicts the largest score (like scikit-learn\'s RidgeClassifier).',
  example: 'ridge(alpha: logspace(-3, 3, 7))',
  params: [
    { name: 'alpha', doc: 'Strength of the L2 penalty.', type: 'number', min: 0, default: 1.0, positional: true },
    fitIntercept,
  ],
};
