import type { ModelEntry } from '../types.ts';
import { fitIntercept, iterations, tol } from '../params.ts';

export const elastic_net: ModelEntry = {
  kind: 'model', name: 'elastic_net', kernel: 'elastic_net', tasks: ['regression'], probabilities: false, sparseInput: true, cost: 2,
  doc: 'Linear regression with a mix of L1 and L2 penalties (coordinate descent). `l1_ratio` 1 is the lasso, 0 is ridge.',
  example: 'elastic_net(alpha: 0.1, l1_ratio: [0.2, 0.5, 0.8])',
  params: [
    { name: 'alpha', doc: 'Overall penalty strength.', type: 'number', min: 0, minExclusive: true, default: 1.0, positional: true },
    { name: 'l1_ratio', doc: 'Share of the penalty that is L1, in [0, 1].', type: 'number', min: 0, max: 1, default: 0.5 },
    iterations(1000), tol(1e-4), fitIntercept,
  ],
};
