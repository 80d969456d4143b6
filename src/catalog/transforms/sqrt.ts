import type { TransformEntry } from '../types.ts';

export const sqrt: TransformEntry = {
  kind: 'transform', name: 'sqrt', inputs: ['numeric', 'integer'], arity: 'many', output: 'numeric', learned: false,
  doc: 'Square root; values must be non-negative.',
  example: 'income |> sqrt',
  params: [],
};
