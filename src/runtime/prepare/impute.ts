/** Missing-value imputation (like sklearn's SimpleImputer), fitted on training rows. */
import type { Column } from '../data/frame.ts';
import { byCodePoint } from '../features/contract.ts';
import { medianSorted, meanVar, sortedPresent } from '../features/scale.ts';

export type ImputeStrategy = 'mean' | 'median' | 'mode' | 'constant';

/** A data-preparation failure caused by the data or the options. */
export class PrepareError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrepareError';
  }
}

/** The learned fill value: a number for numeric columns, a level (or text) otherwise. */
export type ImputeState = { kind: 'numeric'; fill: number } | { kind: 'category' | 'text'; fill: string };

/** Learns the fill value from training rows; `value` is required for 'constant'. */
export function fitImpute(col: Column, strategy: ImputeStrategy, column = 'column', value?: number | string): ImputeState {
  const fail = (msg: string) => new PrepareError(`impute ${strategy} of ${column}: ${msg}`);
  if (strategy === 'constant') {
    if (col.kind === 'numeric') {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw fail(`needs a finite number, got ${JSON.stringify(value)}`);
      return { kind: 'numeric', fill: value };
    }
    if (typeof value !== 'string') throw fail(`needs a string for a ${col.type} column, got ${JSON.stringify(value)}`);
    return { kind: col.kind, fill: value };
  }
  if (col.kind === 'text') throw fail('text columns can only be imputed with a constant');
  if (col.kind === 'category') {
    if (strategy !== 'mode') throw fail('category columns can only be imputed with mode or constant');
    const counts = new Int32Array(col.levels.length);
    for (let i = 0; i < col.codes.length; i++) if (col.codes[i] >= 0) counts[col.codes[i]]++;
    let best: string | null = null, bestCount = 0;
    for (let k = 0; k < counts.length; k++) {
      const l = col.levels[k];
      if (counts[k] > bestCount || (counts[k] === bestCount && counts[k] > 0 && byCodePoint(l, best!) < 0)) { best = l; bestCount = counts[k]; }
    }
    if (best === null) throw fail('no non-missing training values');
    return { kind: 'category', fill: best };
  }
  if (strategy === 'mean') {
    const { n, mean } = meanVar(col.values);
    if (n === 0) throw fail('no non-missing training values');
    return { kind: 'numeric', fill: mean };
  }
  const sorted = sortedPresent(col.values);
  if (sorted.length === 0) throw fail('no non-missing training values');
  if (strategy === 'median') return { kind: 'numeric', fill: medianSorted(sorted) };
  if (strategy !== 'mode') throw fail('unknown strategy');
  let best = sorted[0], bestCount = 0; // sorted ascending, so ties keep the smallest value
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    if (j - i > bestCount) { best = sorted[i]; bestCount = j - i; }
    i = j;
  }
  return { kind: 'numeric', fill: best };
}

/** Replaces missing values with the fill value (adding it as a level when needed); returns a new column. */
export function applyImpute(state: ImputeState, col: Column): Column {
  if (state.kind === 'numeric') {
    if (col.kind !== 'numeric') throw new PrepareError(`impute: expected a numeric column, got ${col.type}`);
    const values = col.values.map((v) => (v === v ? v : state.fill));
    const type = col.type !== 'numeric' && !Number.isInteger(state.fill) ? 'numeric' : col.type;
    return { kind: 'numeric', type, values };
  }
  if (col.kind === 'text') return { kind: 'text', type: 'text', values: col.values.map((v) => v ?? state.fill) };
  if (col.kind !== 'category') throw new PrepareError(`impute: expected a ${state.kind} column, got ${col.type}`);
  let code = col.levels.indexOf(state.fill);
  const levels = code >= 0 ? col.levels : [...col.levels, state.fill];
  if (code < 0) code = col.levels.length;
  return { kind: 'category', type: 'category', codes: col.codes.map((c) => (c < 0 ? code : c)), levels };
}
