/** Binning like sklearn's KBinsDiscretizer (encode='ordinal'): edges learned on training rows. */
import { FeatureError } from './contract.ts';
import { quantileSorted, sortedPresent } from './scale.ts';

export type BinStrategy = 'uniform' | 'quantile';

/** Bin edges, ascending, first = training min and last = training max ([v, v] for a constant column). */
export interface BinState {
  edges: number[];
}

/** Learns k bins: equal widths (uniform) or equal counts (quantile; bins narrower than 1e-8 are merged). */
export function fitBins(values: Float64Array, k: number, strategy: BinStrategy, column = 'column'): BinState {
  if (!Number.isInteger(k) || k < 2) throw new FeatureError(`bins of ${column}: k must be an integer >= 2, got ${k}`);
  const sorted = sortedPresent(values);
  if (sorted.length === 0) throw new FeatureError(`bins of ${column}: no non-missing training values`);
  const min = sorted[0], max = sorted[sorted.length - 1];
  if (min === max) return { edges: [min, max] };
  const edges: number[] = [];
  if (strategy === 'uniform') {
    const step = (max - min) / k; // numpy.linspace
    for (let i = 0; i < k; i++) edges.push(i * step + min);
    edges.push(max);
    return { edges };
  }
  if (strategy !== 'quantile') throw new FeatureError(`bins of ${column}: unknown strategy "${strategy}"`);
  const pstep = 100 / k; // numpy.percentile(column, linspace(0, 100, k + 1))
  let prev = -Infinity;
  for (let i = 0; i <= k; i++) {
    const e = quantileSorted(sorted, (i === k ? 100 : i * pstep) / 100);
    if (e - prev > 1e-8) edges.push(e); // compared with the previous raw edge, like sklearn
    prev = e;
  }
  return { edges };
}

/** Bin index per row (0..bins-1): the number of inner edges ≤ x. NaN stays NaN. */
export function applyBins(state: BinState, values: Float64Array): Float64Array {
  const inner = state.edges.slice(1, -1);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x !== x) { out[i] = NaN; continue; }
    let lo = 0, hi = inner.length; // searchsorted side='right'
    while (lo < hi) { const m = (lo + hi) >> 1; if (inner[m] <= x) lo = m + 1; else hi = m; }
    out[i] = lo;
  }
  return out;
}
