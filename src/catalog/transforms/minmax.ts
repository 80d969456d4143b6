import type { TransformEntry } from '../types.ts';

export const minmax: TransformEntry = {
  kind: 'transform', name: 'minmax', inputs: ['numeric', 'integer', 'boolean'], arity: 'many', output: 'numeric', learned: true,
  doc: 'Rescales each column to [0, 1] using its training minimum and maximum (a constant column becomes 0).',
  example: 'minmax(age, income)',
  params: [],
};
