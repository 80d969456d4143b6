/** Parameter specs shared by several catalog entries. */
import type { ParamSpec } from './types.ts';

export const fitIntercept: ParamSpec = { name: 'fit_intercept', doc: 'Learn an intercept (bias) term.', type: 'boolean', default: true };
export const classWeight: ParamSpec = { name: 'class_weight', doc: '`balanced` weights classes inversely to their frequency in the training rows; `none` weights every row equally.', type: 'enum', values: ['none', 'balanced'], default: 'none' };
export const iterations = (n: number, doc = 'Maximum number of solver iterations.'): ParamSpec => ({ name: 'iterations', doc, type: 'integer', min: 1, default: n });
export const tol = (t: number): ParamSpec => ({ name: 'tol', doc: 'Stopping tolerance of the solver.', type: 'number', min: 0, minExclusive: true, default: t });
export const maxDepth: ParamSpec = { name: 'max_depth', doc: 'Maximum depth of a tree; `null` grows until leaves are pure or too small.', type: 'integer', min: 1, nullable: true, default: null };
export const minSamplesSplit: ParamSpec = { name: 'min_samples_split', doc: 'Minimum number of rows a node needs to be split.', type: 'integer', min: 2, default: 2 };
export const minSamplesLeaf = (n: number): ParamSpec => ({ name: 'min_samples_leaf', doc: 'Minimum number of rows in a leaf.', type: 'integer', min: 1, default: n });
export const maxFeatures = (fallback: ParamSpec['default']): ParamSpec => ({ name: 'max_features', doc: 'Features considered per split: `sqrt`, `log2`, a fraction in (0, 1], or `null` for all.', type: 'number', values: ['sqrt', 'log2'], min: 0, max: 1, minExclusive: true, nullable: true, default: fallback });
export const earlyStopping: ParamSpec = { name: 'early_stopping', doc: 'Hold out `validation_fraction` of the training rows and stop when the score stops improving.', type: 'boolean', default: false };
export const validationFraction: ParamSpec = { name: 'validation_fraction', doc: 'Share of training rows held out for early stopping.', type: 'number', min: 0, max: 1, minExclusive: true, maxExclusive: true, default: 0.1 };
export const nIterNoChange: ParamSpec = { name: 'n_iter_no_change', doc: 'Iterations without improvement before early stopping.', type: 'integer', min: 1, default: 10 };
