/** Outlier thresholds (IQR or z-score) fitted on training rows, used to clip values or drop rows. */
import { meanVar, quantileSorted, sortedPresent } from '../features/scale.ts';
import { PrepareError } from './impute.ts';

export type OutlierMethod = 'iqr' | 'zscore';

/** Values below low or above high are outliers. */
export interface OutlierState {
  low: number;
  high: number;
}

/** iqr: [Q1 − k·IQR, Q3 + k·IQR] (numpy linear quantiles); zscore: mean ± k·std (population std). */
export function fitOutliers(values: Float64Array, method: OutlierMethod, k: number, column = 'column'): OutlierState {
  if (!(k > 0) || !Number.isFinite(k)) throw new PrepareError(`outliers of ${column}: k must be a positive number, got ${k}`);
  if (method === 'iqr') {
    const sorted = sortedPresent(values);
    if (sorted.length === 0) throw new PrepareError(`outliers of ${column}: no non-missing training values`);
    const q1 = quantileSorted(sorted, 0.25), q3 = quantileSorted(sorted, 0.75);
    return { low: q1 - k * (q3 - q1), high: q3 + k * (q3 - q1) };
  }
  if (method !== 'zscore') throw new PrepareError(`outliers of ${column}: unknown method "${method}"`);
  const { n, mean, variance } = meanVar(values);
  if (n === 0) throw new PrepareError(`outliers of ${column}: no non-missing training values`);
  const sd = Math.sqrt(variance);
  return { low: mean - k * sd, high: mean + k * sd };
}

/** Values outside the thresholds set to the nearest threshold; NaN stays NaN. */
export function clipOutliers(state: OutlierState, values: Float64Array): Float64Array {
  const { low, high } = state;
  return values.map((v) => (v < low ? low : v > high ? high : v));
}

/** Row mask (1 = keep) of rows within the thresholds; missing values are kept. ANDs into `keep` if given. */
export function outlierKeep(state: OutlierState, values: Float64Array, keep: Uint8Array = new Uint8Array(values.length).fill(1)): Uint8Array {
  const { low, high } = state;
  for (let i = 0; i < values.length; i++) if (values[i] < low || values[i] > high) keep[i] = 0;
  return keep;
}
