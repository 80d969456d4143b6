import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Column } from '../../src/runtime/data/frame.ts';
import { columnDrift, ks, profileColumn, psi } from '../../src/runtime/monitor/drift.ts';

const numeric = (values: number[]): Column => ({ kind: 'numeric', type: 'numeric', values: Float64Array.from(values) });
const category = (values: (string | null)[]): Column => {
  const levels = [...new Set(values.filter((v): v is string => v !== null))];
  return { kind: 'category', type: 'category', levels, codes: Int32Array.from(values, (v) => (v === null ? -1 : levels.indexOf(v))) };
};
const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

/** KS by its definition: the largest |F_a(x) − F_b(x)| over every observed x. */
function ksReference(a: number[], b: number[]): number {
  const F = (xs: number[], x: number) => xs.filter((v) => v <= x).length / xs.length;
  return Math.max(0, ...[...a, ...b].map((x) => Math.abs(F(a, x) - F(b, x))));
}

describe('psi', () => {
  it('is Σ (a − e) · ln(a / e) over bin shares', () => {
    // shares e = [0.5, 0.5], a = [0.25, 0.75]
    expect(psi([50, 50], [25, 75])).toBeCloseTo((0.25 - 0.5) * Math.log(0.25 / 0.5) + (0.75 - 0.5) * Math.log(0.75 / 0.5), 12);
    expect(psi([10, 20, 30], [1, 2, 3])).toBeCloseTo(0, 12);
  });

  it('stays finite when a bin is empty on one side', () => {
    expect(Number.isFinite(psi([100, 0], [50, 50]))).toBe(true);
    expect(psi([100, 0], [50, 50])).toBeGreaterThan(1);
  });
});

describe('ks', () => {
  it('equals the definition on random samples, ties included', () => {
    const sample = fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 40 });
    fc.assert(fc.property(sample, sample, (a, b) => {
      const sa = [...a].sort((x, y) => x - y), sb = [...b].sort((x, y) => x - y);
      return Math.abs(ks(sa, sb) - ksReference(sa, sb)) < 1e-12;
    }), { numRuns: 500 });
  });
});

describe('profiles and column drift', () => {
  const train = Array.from({ length: 1000 }, (_, i) => i % 100);

  it('bins numeric training values by their deciles and keeps a quantile summary', () => {
    const p = profileColumn(numeric([...train, NaN]), all(1001));
    if (p.kind !== 'numeric') throw new Error('expected a numeric profile');
    expect(p.missing).toBe(1);
    expect(p.edges).toHaveLength(9);
    expect(p.counts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(Math.max(...p.counts) - Math.min(...p.counts)).toBeLessThanOrEqual(20); // deciles: about 100 values each
    expect(p.quantiles[0]).toBe(0);
    expect(p.quantiles.at(-1)).toBe(99);
  });

  it('finds no drift in the same distribution and large drift in a shifted one', () => {
    const p = profileColumn(numeric(train), all(1000));
    for (const method of ['psi', 'ks'] as const) {
      expect(columnDrift('x', p, numeric(train.map((v) => (v * 7) % 100)), method)!.value, method).toBeLessThan(0.02);
      expect(columnDrift('x', p, numeric(train.map((v) => v + 50)), method)!.value, method).toBeGreaterThan(0.4);
    }
  });

  it('counts unseen levels and missing values of a category as their own bins', () => {
    const p = profileColumn(category(['a', 'b', 'a', 'b']), all(4));
    expect(p).toEqual({ kind: 'category', rows: 4, missing: 0, counts: { a: 2, b: 2 } });
    const same = columnDrift('c', p, category(['b', 'a', 'b', 'a']), 'ks')!;
    expect(same).toEqual({ column: 'c', method: 'psi', value: 0 }); // categories always use PSI
    const unseen = columnDrift('c', p, category(['a', 'c', 'c', null]), 'psi')!;
    expect(unseen.value).toBeGreaterThan(1);
  });
});
