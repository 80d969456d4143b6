import type { ModelEntry } from '../types.ts';
import { classWeight, fitIntercept, iterations, tol } from '../params.ts';

export const logistic: ModelEntry = {
  kind: 'model', name: 'logistic', kernel: 'logistic', tasks: ['classification'], probabilities: true, sparseInput: true, cost: 3,
  doc: 'Logistic regression (binary, or multinomial softmax for more classes) fitted by L-BFGS. `C` is the inverse regularisation strength, as in scikit-learn: smaller C, stronger penalty.',
  example: 'logistic(C: logspace(-2, 2, 5))',
  params: [
    { name: 'C', doc: 'Inverse of the regularisation strength; must be positive.', type: 'number', min: 0, minExclusive: true, default: 1.0, positional: true },
    { name: 'penalty', doc: 'Regularisation: `l2` (ridge-like), `l1` (sparse coefficients, fitted with OWL-QN) or `none`.', type: 'enum', values: ['l2', 'l1', 'none'], default: 'l2' },
    iterations(100), tol(1e-4), fitIntercept, classWeight,
  ],
};
