/** Element-wise math transforms. NaN (missing) stays NaN; a value outside the domain is a FeatureError. */
import { FeatureError } from './contract.ts';

export type MathFn = 'log' | 'log1p' | 'sqrt' | 'abs' | 'exp' | 'square' | 'power';

const FNS: Record<Exclude<MathFn, 'power'>, { f: (x: number) => number; domain?: (x: number) => boolean; needs?: string }> = {
  log: { f: Math.log, domain: (x) => x > 0, needs: 'values > 0' },
  log1p: { f: Math.log1p, domain: (x) => x > -1, needs: 'values > -1' },
  sqrt: { f: Math.sqrt, domain: (x) => x >= 0, needs: 'values >= 0' },
  abs: { f: Math.abs },
  exp: { f: Math.exp },
  square: { f: (x) => x * x },
};

/** Applies fn to every value (p is the exponent for 'power'); throws FeatureError naming the value and row. */
export function applyMath(fn: MathFn, values: Float64Array, p = 1, column = 'column'): Float64Array {
  const out = new Float64Array(values.length);
  const spec = fn === 'power' ? { f: (x: number) => Math.pow(x, p) } : FNS[fn];
  if (!spec) throw new FeatureError(`unknown math function "${fn}"`);
  const label = fn === 'power' ? `power(${p})` : fn;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (x !== x) { out[i] = NaN; continue; }
    if ('domain' in spec && spec.domain && !spec.domain(x))
      throw new FeatureError(`${label} of ${column}: value ${x} at row ${i} is outside the domain (needs ${spec.needs})`);
    const y = spec.f(x);
    if (!Number.isFinite(y))
      throw new FeatureError(`${label} of ${column}: value ${x} at row ${i} gives ${y}`);
    out[i] = y;
  }
  return out;
}
