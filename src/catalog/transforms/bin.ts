import type { TransformEntry } from '../types.ts';

export const bin: TransformEntry = {
  kind: 'transform', name: 'bin', inputs: ['numeric', 'integer'], arity: 'many', output: 'numeric', learned: true,
  doc: 'Discretises a numeric column into `bins` intervals (edges learned on the training rows) and outputs the bin index.',
  example: 'bin(age, bins: 5, strategy: quantile)',
  params: [
    { name: 'bins', doc: 'Number of bins.', type: 'integer', min: 2, default: 5 },
    { name: 'strategy', doc: '`quantile`: equal-count bins; `uniform`: equal-width bins.', type: 'enum', values: ['quantile', 'uniform'], default: 'quantile' },
  ],
};
