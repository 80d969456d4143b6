/**
 * Data drift between the rows a model was trained on and new rows, one input
 * column at a time. Training columns are summarised when the model is saved
 * (`profileColumn`, stored in the artifact), so monitoring needs only the
 * artifact and the new file.
 *
 * - PSI (population stability index): Σ (a − e) · ln(a / e) over bins, with
 *   e and a the training and new shares of each bin. Numeric columns use the
 *   training deciles as bin edges, categories use their levels (new levels
 *   share one bin), and missing values are a bin of their own. Shares are
 *   floored at 1e-4 so an empty bin stays finite.
 * - KS (two-sample Kolmogorov–Smirnov statistic): the largest gap between the
 *   two empirical distribution functions, the training one taken from up to
 *   200 stored quantiles (a resolution of 0.005, far below useful thresholds,
 *   and a few kB per column in the artifact); numeric columns only
 *   (categories use PSI).
 */
import type { Column } from '../data/frame.ts';
import { quantileSorted as quantile } from '../features/scale.ts';

export type DriftMethod = 'psi' | 'ks';

export type ColumnProfile =
  | { kind: 'numeric'; rows: number; missing: number; edges: number[]; counts: number[]; quantiles: number[] }
  | { kind: 'category'; rows: number; missing: number; counts: Record<string, number> }
  | { kind: 'text'; rows: number; missing: number };

const QUANTILES = 200;
const FLOOR = 1e-4;

/** Non-missing values of a numeric column over `rows`, sorted. */
function sortedValues(values: Float64Array, rows: ArrayLike<number>): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < rows.length; i++) { const v = values[rows[i]]; if (!Number.isNaN(v)) out.push(v); }
  return Float64Array.from(out).sort();
}

/** Bin index of v among ascending edges: bin i holds edges[i-1] < v ≤ edges[i]; the last bin is above every edge. */
function binOf(edges: readonly number[], v: number): number {
  let lo = 0, hi = edges.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (v <= edges[mid]) hi = mid; else lo = mid + 1; }
  return lo;
}

/** The training summary of one column over the given rows. */
export function profileColumn(col: Column, rows: ArrayLike<number>): ColumnProfile {
  if (col.kind === 'numeric') {
    const sorted = sortedValues(col.values, rows);
    const edges = sorted.length ? [...new Set(Array.from({ length: 9 }, (_, i) => quantile(sorted, (i + 1) / 10)))] : [];
    const counts = new Array<number>(edges.length + 1).fill(0);
    for (const v of sorted) counts[binOf(edges, v)]++;
    const k = Math.min(QUANTILES, sorted.length);
    const quantiles = Array.from({ length: k }, (_, i) => quantile(sorted, k === 1 ? 0 : i / (k - 1)));
    return { kind: 'numeric', rows: rows.length, missing: rows.length - sorted.length, edges, counts, quantiles };
  }
  if (col.kind === 'category') {
    const counts: Record<string, number> = {};
    let missing = 0;
    for (let i = 0; i < rows.length; i++) {
      const c = col.codes[rows[i]];
      if (c < 0) missing++;
      else counts[col.levels[c]] = (counts[col.levels[c]] ?? 0) + 1;
    }
    return { kind: 'category', rows: rows.length, missing, counts };
  }
  let missing = 0;
  for (let i = 0; i < rows.length; i++) if (col.values[rows[i]] === null) missing++;
  return { kind: 'text', rows: rows.length, missing };
}

/** PSI between two count vectors over the same bins. */
export function psi(expected: readonly number[], actual: readonly number[]): number {
  const e = expected.reduce((a, b) => a + b, 0), a = actual.reduce((x, y) => x + y, 0);
  if (e === 0 || a === 0) return 0;
  let sum = 0;
  for (let i = 0; i < expected.length; i++) {
    const pe = Math.max(expected[i] / e, FLOOR), pa = Math.max(actual[i] / a, FLOOR);
    sum += (pa - pe) * Math.log(pa / pe);
  }
  return sum;
}

/** Two-sample KS statistic of two ascending samples. */
export function ks(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0, j = 0, d = 0;
  while (i < a.length && j < b.length) {
    const x = Math.min(a[i], b[j]);
    while (i < a.length && a[i] <= x) i++;
    while (j < b.length && b[j] <= x) j++;
    d = Math.max(d, Math.abs(i / a.length - j / b.length));
  }
  return d;
}

export interface ColumnDrift {
  column: string;
  method: DriftMethod;
  value: number;
}

/** Drift of one column of new data against its training profile (KS falls back to PSI for non-numeric columns). */
export function columnDrift(name: string, profile: ColumnProfile, col: Column, method: DriftMethod): ColumnDrift | undefined {
  const all = Int32Array.from({ length: colRows(col) }, (_, i) => i);
  if (profile.kind === 'numeric' && col.kind === 'numeric') {
    const sorted = sortedValues(col.values, all);
    if (method === 'ks') return { column: name, method, value: ks(profile.quantiles, sorted) };
    const counts = new Array<number>(profile.edges.length + 1).fill(0);
    for (const v of sorted) counts[binOf(profile.edges, v)]++;
    return { column: name, method, value: psi([...profile.counts, profile.missing], [...counts, all.length - sorted.length]) };
  }
  if (profile.kind === 'category' && col.kind === 'category') {
    const levels = Object.keys(profile.counts);
    const index = new Map(levels.map((l, i) => [l, i]));
    const counts = new Array<number>(levels.length + 2).fill(0); // levels, unseen levels, missing
    for (const c of col.codes) counts[c < 0 ? levels.length + 1 : index.get(col.levels[c]) ?? levels.length]++;
    return { column: name, method: 'psi', value: psi([...levels.map((l) => profile.counts[l]), 0, profile.missing], counts) };
  }
  return undefined; // text columns: no drift statistic
}

const colRows = (col: Column) => (col.kind === 'category' ? col.codes.length : col.values.length);
