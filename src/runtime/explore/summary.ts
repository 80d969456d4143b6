/**
 * Exploratory summaries of loaded columns, as pandas' `describe()` and
 * `corr()` compute them: sample standard deviation (n − 1), quantiles by
 * linear interpolation, Pearson correlation over the rows where both columns
 * are present. Histograms use equal-width bins between the minimum and maximum.
 */
import type { Column, Frame } from '../data/frame.ts';
import { quantileSorted as quantile } from '../features/scale.ts';

export type ColumnSummary =
  | { name: string; kind: 'numeric'; type: string; rows: number; missing: number; mean: number; std: number; min: number; q25: number; median: number; q75: number; max: number; histogram: { edges: number[]; counts: number[] } }
  | { name: string; kind: 'category'; type: string; rows: number; missing: number; levels: number; top: { value: string; count: number }[] }
  | { name: string; kind: 'text'; type: string; rows: number; missing: number; distinct: number; meanLength: number };

function histogram(sorted: Float64Array, bins: number): { edges: number[]; counts: number[] } {
  if (sorted.length === 0) return { edges: [], counts: [] };
  const lo = sorted[0], hi = sorted[sorted.length - 1];
  if (lo === hi) return { edges: [lo, hi], counts: [sorted.length] };
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of sorted) counts[Math.min(bins - 1, Math.floor((v - lo) / width))]++;
  return { edges: Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * width)), counts };
}

export function summarizeColumn(name: string, col: Column, bins: number): ColumnSummary {
  if (col.kind === 'numeric') {
    const present = Float64Array.from(col.values.filter((v) => !Number.isNaN(v))).sort();
    const n = present.length;
    let mean = 0;
    for (const v of present) mean += v;
    mean /= n;
    let ss = 0;
    for (const v of present) ss += (v - mean) ** 2;
    return {
      name, kind: 'numeric', type: col.type, rows: col.values.length, missing: col.values.length - n,
      mean: n ? mean : NaN, std: n > 1 ? Math.sqrt(ss / (n - 1)) : NaN,
      min: n ? present[0] : NaN, q25: n ? quantile(present, 0.25) : NaN, median: n ? quantile(present, 0.5) : NaN, q75: n ? quantile(present, 0.75) : NaN, max: n ? present[n - 1] : NaN,
      histogram: histogram(present, bins),
    };
  }
  if (col.kind === 'category') {
    const counts = valueCounts(col);
    const missing = col.codes.length - counts.reduce((a, l) => a + l.count, 0);
    return { name, kind: 'category', type: col.type, rows: col.codes.length, missing, levels: counts.length, top: counts.slice(0, 10) };
  }
  const present = col.values.filter((v): v is string => v !== null);
  const meanLength = present.length ? present.reduce((a, v) => a + v.length, 0) / present.length : NaN;
  return { name, kind: 'text', type: col.type, rows: col.values.length, missing: col.values.length - present.length, distinct: new Set(present).size, meanLength };
}

/** How often each present value occurs, most frequent first. */
export function valueCounts(col: Column): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  const add = (v: string) => counts.set(v, (counts.get(v) ?? 0) + 1);
  if (col.kind === 'category') { for (const c of col.codes) if (c >= 0) add(col.levels[c]); }
  else if (col.kind === 'numeric') { for (const v of col.values) if (!Number.isNaN(v)) add(String(v)); }
  else for (const v of col.values) if (v !== null) add(v);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** Pearson correlation of every pair of the named numeric columns, over the rows where both are present. */
export function correlations(frame: Frame, names: string[]): number[][] {
  const cols = names.map((n) => (frame.columns.get(n) as Extract<Column, { kind: 'numeric' }>).values);
  return cols.map((a, i) => cols.map((b, j) => {
    if (i === j) return 1;
    let n = 0, ma = 0, mb = 0;
    for (let r = 0; r < a.length; r++) if (!Number.isNaN(a[r]) && !Number.isNaN(b[r])) { n++; ma += a[r]; mb += b[r]; }
    ma /= n; mb /= n;
    let sab = 0, saa = 0, sbb = 0;
    for (let r = 0; r < a.length; r++) {
      if (Number.isNaN(a[r]) || Number.isNaN(b[r])) continue;
      const da = a[r] - ma, db = b[r] - mb;
      sab += da * db; saa += da * da; sbb += db * db;
    }
    return n > 1 && saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
  }));
}
