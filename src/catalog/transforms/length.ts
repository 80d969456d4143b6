import type { TransformEntry } from '../types.ts';

export const length: TransformEntry = {
  kind: 'transform', name: 'length', inputs: ['text', 'category'], arity: 'many', output: 'numeric', learned: false,
  doc: 'Number of characters of the text (missing text has length 0).',
  example: 'text |> length |> log1p',
  params: [],
};
