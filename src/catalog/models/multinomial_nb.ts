import type { ModelEntry } from '../types.ts';

export const multinomial_nb: ModelEntry = {
  kind: 'model', name: 'multinomial_nb', kernel: 'multinomial_nb', tasks: ['classification'], probabilities: true, sparseInput: true, cost: 1,
  doc: 'Multinomial naive Bayes for counts and tf-idf weights (text). Works directly on sparse word matrices; the classic spam-filter model. Inputs must be non-negative.',
  example: 'multinomial_nb(alpha: [0.01, 0.1, 1.0])',
  params: [
    { name: 'alpha', doc: 'Additive (Laplace/Lidstone) smoothing; 0 for none.', type: 'number', min: 0, default: 1.0 },
    { name: 'fit_prior', doc: 'Learn class priors from the training rows (otherwise uniform).', type: 'boolean', default: true },
  ],
};
