/** Date parts from epoch-millisecond UTC columns. NaN (missing) stays NaN. */
import { FeatureError } from './contract.ts';

export type DatePart = 'year' | 'month' | 'day' | 'weekday' | 'hour' | 'dayofyear';

const DAY = 86_400_000;

const PARTS: Record<DatePart, (d: Date, ms: number) => number> = {
  year: (d) => d.getUTCFullYear(),
  month: (d) => d.getUTCMonth() + 1,
  day: (d) => d.getUTCDate(),
  weekday: (d) => (d.getUTCDay() + 6) % 7, // Monday = 0
  hour: (d) => d.getUTCHours(),
  dayofyear: (d, ms) => Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY) + 1,
};

/** Extracts one part (month 1–12, day 1–31, weekday Monday=0, dayofyear 1–366) from epoch-ms values. */
export function datePart(values: Float64Array, part: DatePart, column = 'column'): Float64Array {
  const f = PARTS[part];
  if (!f) throw new FeatureError(`unknown date part "${part}"`);
  const out = new Float64Array(values.length);
  const d = new Date(0);
  for (let i = 0; i < values.length; i++) {
    const ms = values[i];
    if (ms !== ms) { out[i] = NaN; continue; }
    if (!Number.isFinite(d.setTime(ms))) throw new FeatureError(`${part} of ${column}: value ${ms} at row ${i} is not a valid date`);
    out[i] = f(d, ms);
  }
  return out;
}
