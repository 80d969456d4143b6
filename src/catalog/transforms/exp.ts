import type { TransformEntry } from '../types.ts';

export const exp: TransformEntry = {
  kind: 'transform', name: 'exp', inputs: ['numeric', 'integer'], arity: 'many', output: 'numeric', learned: false,
  doc: 'Exponential e^x.',
  example: 'income |> exp',
  params: [],
};
