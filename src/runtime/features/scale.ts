/**
 * Scalers (standardize, minmax, robust) and the order statistics they share
 * with imputation, outlier thresholds and binning. NaN is missing: ignored
 * when fitting, left NaN when applying.
 */
import { FeatureError } from './contract.ts';

/** The non-missing values, sorted ascending. */
export function sortedPresent(values: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) n++;
  const out = new Float64Array(n);
  n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) out[n++] = values[i];
  return out.sort();
}

/** Quantile q ∈ [0, 1] of sorted values, numpy's default 'linear' method (same lerp). */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const v = (n - 1) * q;
  const lo = Math.min(Math.max(Math.floor(v), 0), n - 1);
  const hi = Math.min(lo + 1, n - 1);
  const t = v - lo, a = sorted[lo], b = sorted[hi];
  const d = b - a;
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

/** Median of sorted values (mean of the two middle values, like numpy.median). */
export function medianSorted(sorted: Float64Array): number {
  const n = sorted.length, m = n >> 1;
  return n % 2 === 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}

/** Mean and population variance of the non-missing values (two-pass, corrected). */
export function meanVar(values: Float64Array): { n: number; mean: number; variance: number } {
  let n = 0, sum = 0;
  for (let i = 0; i < values.length; i++) { const v = values[i]; if (v === v) { n++; sum += v; } }
  if (n === 0) return { n, mean: NaN, variance: NaN };
  const mean = sum / n;
  let ss = 0, corr = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === v) { const d = v - mean; corr += d; ss += d * d; }
  }
  return { n, mean, variance: (ss - (corr * corr) / n) / n };
}

export type ScaleMethod = 'standardize' | 'minmax' | 'robust';

/** Fitted scaler: output = (x - center) / scale. */
export interface ScaleState {
  method: ScaleMethod;
  center: number;
  scale: number;
}

/** Learns center and scale from training values (like sklearn's Standard/MinMax/RobustScaler). */
export function fitScale(method: ScaleMethod, values: Float64Array, column = 'column'): ScaleState {
  if (method === 'standardize') {
    const { n, mean, variance } = meanVar(values);
    if (n === 0) throw new FeatureError(`cannot standardize ${column}: no non-missing training values`);
    // sklearn's _is_constant_feature: variance within rounding error of 0 → scale 1
    const eps = Number.EPSILON;
    const constant = variance <= n * eps * variance + (n * mean * eps) ** 2;
    return { method, center: mean, scale: constant ? 1 : Math.sqrt(variance) };
  }
  const sorted = sortedPresent(values);
  if (sorted.length === 0) throw new FeatureError(`cannot scale ${column} (${method}): no non-missing training values`);
  if (method === 'minmax') {
    const min = sorted[0], range = sorted[sorted.length - 1] - min;
    return { method, center: min, scale: range < 10 * Number.EPSILON ? 1 : range };
  }
  const iqr = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
  return { method, center: medianSorted(sorted), scale: iqr < 10 * Number.EPSILON ? 1 : iqr };
}

/** Applies a fitted scaler to any rows; NaN stays NaN. */
export function applyScale(state: ScaleState, values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  const { center, scale } = state;
  for (let i = 0; i < values.length; i++) out[i] = (values[i] - center) / scale;
  return out;
}
