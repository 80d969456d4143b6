import type { TransformEntry } from '../types.ts';

export const abs: TransformEntry = {
  kind: 'transform', name: 'abs', inputs: ['numeric', 'integer'], arity: 'many', output: 'numeric', learned: false,
  doc: 'Absolute value.',
  example: 'income |> abs',
  params: [],
};
