import type { ModelEntry } from '../types.ts';

export const knn: ModelEntry = {
  kind: 'model', name: 'knn', kernel: 'knn', tasks: ['classification', 'regression'], probabilities: true, sparseInput: false, cost: 4,
  doc: 'k-nearest neighbours: predicts from the k closest training rows (vote for classification, mean for regression). Scale the features first; distances are dominated by large-valued columns.',
  example: 'knn(k: 1..15, weights: [uniform, distance])',
  params: [
    { name: 'k', doc: 'Number of neighbours.', type: 'integer', min: 1, default: 5, positional: true },
    { name: 'weights', doc: '`uniform`: every neighbour counts the same; `distance`: closer neighbours count more (1/distance).', type: 'enum', values: ['uniform', 'distance'], default: 'uniform' },
    { name: 'metric', doc: 'Distance between rows.', type: 'enum', values: ['euclidean', 'manhattan'], default: 'euclidean' },
  ],
};
