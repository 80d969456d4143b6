import type { TransformEntry } from '../types.ts';

export const robust: TransformEntry = {
  kind: 'transform', name: 'robust', inputs: ['numeric', 'integer'], arity: 'many', output: 'numeric', learned: true,
  doc: 'Centres each column on its training median and divides by its interquartile range; little affected by outliers.',
  example: 'robust(income)',
  params: [],
};
