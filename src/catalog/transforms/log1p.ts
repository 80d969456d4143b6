import type { TransformEntry } from '../types.ts';

export const log1p: TransformEntry = {
  kind: 'transform', name: 'log1p', inputs: ['numeric', 'integer'], arity: 'many', output: 'numeric', learned: false,
  doc: 'log(1 + x); values must be greater than -1. Good for counts and skewed amounts with zeros.',
  example: 'income |> log1p',
  params: [],
};
