/** Built-in functions used outside the features block: sources, validation, outliers, imputers, search spaces, column types, selectors. */
import type { FunctionEntry } from './types.ts';

const f = (e: Omit<FunctionEntry, 'kind'>): FunctionEntry => ({ kind: 'function', ...e });
const k = { name: 'k', doc: 'Number of folds.', type: 'integer', min: 2, default: 5, positional: true } as const;
const levels = { name: 'levels', doc: 'The allowed levels, in order.', type: 'strings' } as const;

export const functions: readonly FunctionEntry[] = [
  f({ name: 'csv', role: 'source', doc: 'A CSV file (RFC 4180, UTF-8, header row), path relative to the .mlp file; `.gz` files are decompressed while reading.', example: 'csv("data/penguins.csv")', params: [{ name: 'path', doc: 'Path of the file.', type: 'string', positional: true, required: true }] }),

  f({ name: 'holdout', role: 'validation', doc: 'No cross-validation: candidates are compared on one validation slice of the training split.', example: 'holdout(20%)', params: [{ name: 'fraction', doc: 'Share of training rows held out.', type: 'number', min: 0, max: 1, minExclusive: true, maxExclusive: true, default: 0.2, positional: true }] }),
  f({ name: 'kfold', role: 'validation', doc: 'k-fold cross-validation on shuffled training rows.', example: 'kfold(5)', params: [k] }),
  f({ name: 'stratified_kfold', role: 'validation', doc: 'k-fold cross-validation keeping each class\'s share in every fold (classification).', example: 'stratified_kfold(5)', params: [k] }),
  f({ name: 'repeated_kfold', role: 'validation', doc: 'k-fold cross-validation repeated with different shuffles; scores averaged over all folds.', example: 'repeated_kfold(5, repeats: 3)', params: [k, { name: 'repeats', doc: 'How many times to repeat.', type: 'integer', min: 1, default: 3 }] }),
  f({ name: 'group_kfold', role: 'validation', doc: 'k-fold cross-validation where all rows of a group (e.g. a patient) fall in the same fold.', example: 'group_kfold(5, groups: patient_id)', params: [k, { name: 'groups', doc: 'Column holding the group of each row.', type: 'column', required: true }] }),
  f({ name: 'time_split', role: 'validation', doc: 'Expanding-window validation for time-ordered rows: each fold trains on earlier rows and validates on the next block.', example: 'time_split(5, by: date)', params: [k, { name: 'by', doc: 'Column that orders the rows in time (else file order).', type: 'column' }] }),

  f({ name: 'iqr', role: 'outlier', doc: 'Outside [Q1 − factor·IQR, Q3 + factor·IQR], quartiles from the training rows.', example: 'iqr(1.5)', params: [{ name: 'factor', doc: 'Multiple of the interquartile range.', type: 'number', min: 0, minExclusive: true, default: 1.5, positional: true }] }),
  f({ name: 'zscore', role: 'outlier', doc: 'More than `threshold` standard deviations from the training mean.', example: 'zscore(3)', params: [{ name: 'threshold', doc: 'Number of standard deviations.', type: 'number', min: 0, minExclusive: true, default: 3, positional: true }] }),
  f({ name: 'range', role: 'outlier', doc: 'Outside fixed bounds.', example: 'range(0, 120)', params: [{ name: 'min', doc: 'Lower bound.', type: 'number', positional: true, required: true }, { name: 'max', doc: 'Upper bound.', type: 'number', positional: true, required: true }] }),

  f({ name: 'mean', role: 'imputer', doc: 'The training mean (numeric columns).', example: 'mean', params: [] }),
  f({ name: 'median', role: 'imputer', doc: 'The training median (numeric columns).', example: 'median', params: [] }),
  f({ name: 'mode', role: 'imputer', doc: 'The most frequent training value (any column; ties take the smallest).', example: 'mode', params: [] }),
  f({ name: 'constant', role: 'imputer', doc: 'A fixed value.', example: 'constant(0)', params: [{ name: 'value', doc: 'The value to fill in.', type: 'any', positional: true, required: true }] }),

  f({ name: 'linspace', role: 'space', doc: '`num` evenly spaced values from `start` to `stop` inclusive.', example: 'linspace(0.1, 1, 10)', params: [{ name: 'start', doc: 'First value.', type: 'number', positional: true, required: true }, { name: 'stop', doc: 'Last value.', type: 'number', positional: true, required: true }, { name: 'num', doc: 'How many values.', type: 'integer', min: 1, positional: true, default: 5 }] }),
  f({ name: 'logspace', role: 'space', doc: '`num` values 10^start … 10^stop, evenly spaced in the exponent (like numpy.logspace).', example: 'logspace(-3, 3, 7)', params: [{ name: 'start', doc: 'First exponent.', type: 'number', positional: true, required: true }, { name: 'stop', doc: 'Last exponent.', type: 'number', positional: true, required: true }, { name: 'num', doc: 'How many values.', type: 'integer', min: 1, positional: true, default: 5 }] }),
  f({ name: 'uniform', role: 'space', doc: 'Random search: a float drawn uniformly from [low, high].', example: 'uniform(0, 1)', params: [{ name: 'low', doc: 'Lower bound.', type: 'number', positional: true, required: true }, { name: 'high', doc: 'Upper bound.', type: 'number', positional: true, required: true }] }),
  f({ name: 'loguniform', role: 'space', doc: 'Random search: a float whose logarithm is uniform on [log low, log high]; both bounds positive.', example: 'loguniform(1e-3, 1e3)', params: [{ name: 'low', doc: 'Lower bound (> 0).', type: 'number', min: 0, minExclusive: true, positional: true, required: true }, { name: 'high', doc: 'Upper bound.', type: 'number', min: 0, minExclusive: true, positional: true, required: true }] }),
  f({ name: 'randint', role: 'space', doc: 'Random search: an integer drawn uniformly from low..high inclusive.', example: 'randint(1, 20)', params: [{ name: 'low', doc: 'Lower bound.', type: 'integer', positional: true, required: true }, { name: 'high', doc: 'Upper bound (inclusive).', type: 'integer', positional: true, required: true }] }),
  f({ name: 'choice', role: 'space', doc: 'Random search: one of the listed values, equally likely (in a grid, the same as a list).', example: 'choice(uniform, distance)', params: [] }),

  f({ name: 'numeric', role: 'type', doc: 'Real numbers (missing allowed).', example: 'x: numeric', params: [] }),
  f({ name: 'integer', role: 'type', doc: 'Whole numbers.', example: 'count: integer', params: [] }),
  f({ name: 'boolean', role: 'type', doc: 'true/false, yes/no, 1/0.', example: 'smoker: boolean', params: [] }),
  f({ name: 'category', role: 'type', doc: 'A fixed set of levels (strings). `levels` fixes their order and rejects others.', example: 'size: category(levels: ["S", "M", "L"])', params: [levels] }),
  f({ name: 'text', role: 'type', doc: 'Free text (tokenized by `bow` / `tfidf`).', example: 'body: text', params: [] }),
  f({ name: 'date', role: 'type', doc: 'ISO 8601 dates or date-times (YYYY-MM-DD[THH:MM[:SS]]), read as UTC.', example: 'signup: date', params: [] }),

  f({ name: 'k_best', role: 'selector', doc: 'Keeps the `k` features that score best on the training rows: ANOVA F for classification, correlation F for regression.', example: 'select k_best(20)', params: [{ name: 'k', doc: 'How many features to keep.', type: 'integer', min: 1, positional: true, required: true }] }),
  f({ name: 'variance', role: 'selector', doc: 'Drops features whose training variance is at most `threshold`.', example: 'select variance(threshold: 0)', params: [{ name: 'threshold', doc: 'Minimum variance to keep a feature.', type: 'number', min: 0, default: 0, positional: true }] }),
];
