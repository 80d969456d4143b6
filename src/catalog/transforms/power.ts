import type { TransformEntry } from '../types.ts';

export const power: TransformEntry = {
  kind: 'transform', name: 'power', inputs: ['numeric', 'integer'], arity: 'many', output: 'numeric', learned: false,
  doc: 'Raises each value to the power `p` (e.g. 0.5 for a square root, 2 for a square).',
  example: 'power(area, p: 0.5)',
  params: [{ name: 'p', doc: 'The exponent.', type: 'number', required: true }],
};
