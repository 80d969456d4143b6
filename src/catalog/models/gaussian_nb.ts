import type { ModelEntry } from '../types.ts';

export const gaussian_nb: ModelEntry = {
  kind: 'model', name: 'gaussian_nb', kernel: 'gaussian_nb', tasks: ['classification'], probabilities: true, sparseInput: false, cost: 1,
  doc: 'Gaussian naive Bayes: each feature is modelled as a normal distribution per class, features independent given the class. Fast, needs no scaling, a good baseline for numeric data.',
  example: 'gaussian_nb(var_smoothing: 1e-9)',
  params: [
    { name: 'var_smoothing', doc: 'Share of the largest feature variance added to every variance, for numerical stability.', type: 'number', min: 0, default: 1e-9 },
  ],
};
