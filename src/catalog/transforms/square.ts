import type { TransformEntry } from '../types.ts';

export const square: TransformEntry = {
  kind: 'transform', name: 'square', inputs: ['numeric', 'integer'], arity: 'many', output: 'numeric', learned: false,
  doc: 'x squared.',
  example: 'income |> square',
  params: [],
};
