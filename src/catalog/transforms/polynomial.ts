import type { TransformEntry } from '../types.ts';

export const polynomial: TransformEntry = {
  kind: 'transform', name: 'polynomial', inputs: ['numeric', 'integer', 'boolean'], arity: 'many', output: 'numeric', learned: false,
  doc: 'Degree-2 polynomial features: every square and pairwise product of its inputs.',
  example: 'polynomial(bmi, bp)',
  params: [{ name: 'degree', doc: 'Polynomial degree (2 is supported).', type: 'integer', min: 2, max: 2, default: 2 }],
};
