/** Category encoders: one-hot and ordinal. Levels are learned on training rows. */
import type { Column } from '../data/frame.ts';
import { byCodePoint, FeatureError, type FeatureBlock } from './contract.ts';

export type Unseen = 'ignore' | 'error';

export interface OnehotOptions {
  unseen?: Unseen;
  drop?: 'none' | 'first';
  /** 'zeros': a missing value gives an all-zero row; 'level': it gets its own column */
  missing?: 'zeros' | 'level';
}

export interface OnehotState {
  column: string;
  /** training levels, sorted by code point */
  levels: string[];
  unseen: Unseen;
  drop: 'none' | 'first';
  missing: 'zeros' | 'level';
}

export interface OrdinalState {
  column: string;
  levels: string[];
  unseen: Unseen;
}

function categoryOf(col: Column, column: string, what: string) {
  if (col.kind !== 'category') throw new FeatureError(`${what} needs a category column; ${column} is ${col.type}`);
  return col;
}

/** The sorted distinct levels present in a category column. */
function presentLevels(col: Column, column: string, what: string): string[] {
  const c = categoryOf(col, column, what);
  const seen = new Uint8Array(c.levels.length);
  for (let i = 0; i < c.codes.length; i++) if (c.codes[i] >= 0) seen[c.codes[i]] = 1;
  const levels = c.levels.filter((_, k) => seen[k] === 1);
  if (levels.length === 0) throw new FeatureError(`${what} of ${column}: no non-missing training values`);
  return levels.sort(byCodePoint);
}

/** Maps each code of col to its index in levels (-1 missing, -2 unseen), by level string. */
function codeMap(col: Column, column: string, levels: string[], what: string): Int32Array {
  const c = categoryOf(col, column, what);
  const index = new Map(levels.map((l, k) => [l, k] as const));
  const map = Int32Array.from(c.levels, (l) => index.get(l) ?? -2);
  const out = new Int32Array(c.codes.length);
  for (let i = 0; i < out.length; i++) out[i] = c.codes[i] < 0 ? -1 : map[c.codes[i]];
  return out;
}

function unseenError(col: Column, column: string, row: number, what: string): FeatureError {
  const c = col as { codes: Int32Array; levels: string[] };
  return new FeatureError(`${what} of ${column}: value "${c.levels[c.codes[row]]}" at row ${row} was not seen in training`);
}

/** Learns the one-hot levels of a category column from training rows. */
export function fitOnehot(col: Column, column: string, opts: OnehotOptions = {}): OnehotState {
  return {
    column,
    levels: presentLevels(col, column, 'onehot'),
    unseen: opts.unseen ?? 'ignore',
    drop: opts.drop ?? 'none',
    missing: opts.missing ?? 'zeros',
  };
}

/** One 0/1 column per level, named `column_level` (plus `column_<missing>` when missing is a level). */
export function applyOnehot(state: OnehotState, col: Column): FeatureBlock {
  const codes = codeMap(col, state.column, state.levels, 'onehot');
  const first = state.drop === 'first' ? 1 : 0;
  const names = state.levels.slice(first).map((l) => `${state.column}_${l}`);
  const columns = names.map(() => new Float64Array(codes.length));
  const missingCol = state.missing === 'level' ? new Float64Array(codes.length) : null;
  for (let i = 0; i < codes.length; i++) {
    const k = codes[i];
    if (k >= first) columns[k - first][i] = 1;
    else if (k === -1) { if (missingCol) missingCol[i] = 1; }
    else if (k === -2 && state.unseen === 'error') throw unseenError(col, state.column, i, 'onehot');
  }
  if (missingCol) { names.push(`${state.column}_<missing>`); columns.push(missingCol); }
  return { kind: 'dense', names, columns };
}

/** Learns ordinal levels: the given order (every training value must be in it) or sorted training levels. */
export function fitOrdinal(col: Column, column: string, opts: { order?: string[]; unseen?: Unseen } = {}): OrdinalState {
  const unseen = opts.unseen ?? 'ignore';
  if (!opts.order) return { column, levels: presentLevels(col, column, 'ordinal'), unseen };
  if (new Set(opts.order).size !== opts.order.length) throw new FeatureError(`ordinal of ${column}: the order lists a level twice`);
  const codes = codeMap(col, column, opts.order, 'ordinal');
  const bad = codes.indexOf(-2);
  if (bad >= 0) {
    const c = col as { codes: Int32Array; levels: string[] };
    throw new FeatureError(`ordinal of ${column}: value "${c.levels[c.codes[bad]]}" at row ${bad} is not in the given order`);
  }
  return { column, levels: opts.order.slice(), unseen };
}

/** Level index per row as a number; missing → NaN; unseen → -1 or FeatureError. */
export function applyOrdinal(state: OrdinalState, col: Column): Float64Array {
  const codes = codeMap(col, state.column, state.levels, 'ordinal');
  const out = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const k = codes[i];
    if (k === -2 && state.unseen === 'error') throw unseenError(col, state.column, i, 'ordinal');
    out[i] = k === -1 ? NaN : k === -2 ? -1 : k;
  }
  return out;
}
