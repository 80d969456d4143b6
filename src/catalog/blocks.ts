/** The settings each block accepts. */
import type { BlockEntry, ParamSpec } from './types.ts';

const seed: ParamSpec = { name: 'seed', doc: 'Root random seed; every other seed (splits, folds, random search, forests) is derived from it.', type: 'integer', min: 0, default: 42 };

export const blocks: readonly BlockEntry[] = [
  { kind: 'block', name: 'data', doc: 'Options of a data source.', settings: [
    { name: 'missing_values', doc: 'Strings read as missing (the empty field always is).', type: 'strings', default: ['', 'NA', 'N/A', 'NaN', 'null', '?'] },
    { name: 'ignore', doc: 'Columns never read (ids, free-form notes).', type: 'columns' },
    { name: 'on_bad_rows', doc: '`error` stops at the first malformed row; `skip` skips and counts them.', type: 'enum', values: ['error', 'skip'], default: 'error' },
    { name: 'delimiter', doc: 'Field separator (one character).', type: 'string', default: ',' },
  ] },
  { kind: 'block', name: 'problem', doc: 'What to predict and how to judge it.', settings: [
    { name: 'target', doc: 'The column to predict.', type: 'column', required: true },
    { name: 'positive', doc: 'The positive class for binary metrics (precision, recall, F1, ROC AUC).', type: 'string' },
    { name: 'metric', doc: 'The metric the search optimises.', type: 'metric' },
    { name: 'class_weight', doc: 'Default class weighting for models that support it: `none` or `balanced`.', type: 'enum', values: ['none', 'balanced'], default: 'none' },
  ] },
  { kind: 'block', name: 'split', doc: 'How the held-out test rows are chosen.', settings: [
    { name: 'test', doc: 'Share of rows held out for the final test, e.g. `20%` or `0.2`.', type: 'number', min: 0, max: 1, minExclusive: true, maxExclusive: true, default: 0.2 },
    { name: 'stratify', doc: 'Keep class shares equal in train and test: a column, or `true` for the target.', type: 'column', values: ['true', 'false'] },
    { name: 'by', doc: 'Time-ordered split: the latest rows by this column become the test rows.', type: 'column' },
    { name: 'shuffle', doc: 'Shuffle rows before splitting (ignored with `by`).', type: 'boolean', default: true },
    seed,
  ] },
  { kind: 'block', name: 'search', doc: 'How hyperparameters are searched.', settings: [
    { name: 'trials', doc: 'Random search: number of candidates drawn (per model).', type: 'integer', min: 1, default: 20 },
    { name: 'time', doc: 'Stop starting new fits after this long (e.g. `10m`).', type: 'duration', min: 0, minExclusive: true },
    { name: 'max_fits', doc: 'Warn when the search needs more fits than this.', type: 'integer', min: 1, default: 500 },
    { name: 'factor', doc: 'Successive halving: keep 1/factor of the candidates each round.', type: 'number', min: 1, minExclusive: true, default: 3 },
    seed,
  ] },
  { kind: 'block', name: 'export', doc: 'Where results are written.', settings: [
    { name: 'report', doc: 'Directory for report.json and summary.md (default: beside the model).', type: 'string' },
  ] },
  { kind: 'block', name: 'explore', doc: 'Exploratory analysis of the data, printed by `mlp explore file.mlp`.', settings: [
    { name: 'columns', doc: 'Columns to summarise (default: all).', type: 'columns' },
    { name: 'correlations', doc: 'Compute pairwise correlations of numeric columns.', type: 'boolean', default: true },
    { name: 'histograms', doc: 'Include histograms of numeric columns.', type: 'boolean', default: true },
    { name: 'bins', doc: 'Histogram bins.', type: 'integer', min: 2, default: 20 },
  ] },
  { kind: 'block', name: 'serve', doc: 'Serving predictions over HTTP. Checked, but no command runs it yet (a planned `mlp serve`; `mlp predict` serves batch predictions today).', settings: [
    { name: 'port', doc: 'TCP port.', type: 'integer', min: 1, max: 65535, default: 8080 },
    { name: 'host', doc: 'Interface to listen on.', type: 'string', default: '127.0.0.1' },
  ] },
  { kind: 'block', name: 'monitor', doc: 'Drift monitoring and retraining policy, applied by `mlp monitor model.json new.csv`.', settings: [
    { name: 'drift', doc: 'Drift statistic per column: `psi` (population stability index) or `ks` (Kolmogorov–Smirnov).', type: 'enum', values: ['psi', 'ks'], default: 'psi' },
    { name: 'threshold', doc: 'Drift above this flags a column (PSI 0.2 is a common alarm level).', type: 'number', min: 0, minExclusive: true, default: 0.2 },
    { name: 'retrain', doc: 'When to retrain: `never`, `on_drift`, or `always`.', type: 'enum', values: ['never', 'on_drift', 'always'], default: 'on_drift' },
    { name: 'min_rows', doc: 'Minimum new rows before drift is judged.', type: 'integer', min: 1, default: 100 },
  ] },
];
