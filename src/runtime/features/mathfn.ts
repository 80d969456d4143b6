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

/** One element-wise step: a function and, for 'power', its exponent. */
export interface MathStep {
  fn: MathFn;
  p?: number;
}

/**
 * Applies a chain of element-wise steps in one pass over the values (the
 * optimizer fuses `x |> log1p |> sqrt` into one chain); throws FeatureError
 * naming the step, the value and the row.
 */
export function applyMathChain(steps: readonly MathStep[], values: Float64Array, column = 'column'): Float64Array {
  const specs = steps.map((s) => {
    const spec = s.fn === 'power' ? { f: (x: number) => Math.pow(x, s.p ?? 1) } : FNS[s.fn];
    if (!spec) throw new FeatureError(`unknown math function "${s.fn}"`);
    return { ...spec, label: s.fn === 'power' ? `power(${s.p ?? 1})` : s.fn };
  });
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let x = values[i];
    if (x !== x) { out[i] = NaN; continue; }
    for (const spec of specs) {
      if ('domain' in spec && spec.domain && !spec.domain(x))
        throw new FeatureError(`${spec.label} of ${column}: value ${x} at row ${i} is outside the domain (needs ${spec.needs})`);
      const y = spec.f(x);
      if (!Number.isFinite(y)) throw new FeatureError(`${spec.label} of ${column}: value ${x} at row ${i} gives ${y}`);
      x = y;
    }
    out[i] = x;
  }
  return out;
}

/** Applies fn to every value (p is the exponent for 'power'); throws FeatureError naming the value and row. */
export function applyMath(fn: MathFn, values: Float64Array, p = 1, column = 'column'): Float64Array {
  return applyMathChain([{ fn, p }], values, column);
}
