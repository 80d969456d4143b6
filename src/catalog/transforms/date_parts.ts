import type { TransformEntry } from '../types.ts';

export const date_parts: TransformEntry = {
  kind: 'transform', name: 'date_parts', inputs: ['date'], arity: 'many', output: 'numeric', learned: false,
  doc: 'Extracts numeric parts of a date (UTC): year, month (1–12), day, weekday (Monday = 0), hour, dayofyear.',
  example: 'date_parts(signup, parts: [year, month, weekday])',
  params: [{ name: 'parts', doc: 'Which parts to extract.', type: 'strings', values: ['year', 'month', 'day', 'weekday', 'hour', 'dayofyear'], default: null }],
};
