import type { TransformEntry } from '../types.ts';

export const standardize: TransformEntry = {
  kind: 'transform', name: 'standardize', inputs: ['numeric', 'integer', 'boolean'], arity: 'many', output: 'numeric', learned: true,
  doc: 'Centres each column on its training mean and divides by its training standard deviation (population std; a constant column is only centred).',
  example: 'standardize(bill_length_mm, bill_depth_mm)',
  params: [],
};
