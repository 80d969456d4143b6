import type { ModelEntry } from '../types.ts';
import { fitIntercept, iterations, tol } from '../params.ts';

export const lasso: ModelEntry = {
  kind: 'model', name: 'lasso', kernel: 'lasso', tasks: ['regression'], probabilities: false, sparseInput: true, cost: 2,
  doc: 'Linear regression with an L1 penalty, fitted by coordinate descent; drives some coefficients exactly to zero (built-in feature selection).',
  example: 'lasso(alpha: [0.01, 0.1, 1])',
  params: [
    { name: 'alpha', doc: 'Strength of the L1 penalty.', type: 'number', min: 0, minExclusive: true, default: 1.0, positional: true },
    iterations(1000), tol(1e-4), fitIntercept,
  ],
};
