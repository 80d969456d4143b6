import type { TransformEntry } from '../types.ts';

export const log: TransformEntry = {
  kind: 'transform', name: 'log', inputs: ['numeric', 'integer'], arity: 'many', output: 'numeric', learned: false,
  doc: 'Natural logarithm; every value must be positive.',
  example: 'income |> log',
  params: [],
};
