import type { TransformEntry } from '../types.ts';

export const interactions: TransformEntry = {
  kind: 'transform', name: 'interactions', inputs: ['numeric', 'integer', 'boolean'], arity: 'many', output: 'numeric', learned: false,
  doc: 'The product of every pair of its inputs (a·b, a·c, b·c).',
  example: 'interactions(age, income, debt)',
  params: [],
};
