import { describe, expect, it } from 'vitest';
import type { CategoryColumn, Column, Frame, NumericColumn } from '../../src/runtime/data/frame.ts';
import { applyImpute, fitImpute, PrepareError } from '../../src/runtime/prepare/impute.ts';
import { clipOutliers, fitOutliers, outlierKeep } from '../../src/runtime/prepare/outliers.ts';
import { dedupeMask, maskToIndices, selectRows } from '../../src/runtime/prepare/rows.ts';

const num = (xs: number[], type: NumericColumn['type'] = 'numeric'): NumericColumn => ({ kind: 'numeric', type, values: Float64Array.from(xs) });
const cat = (codes: number[], levels: string[]): CategoryColumn => ({ kind: 'category', type: 'category', codes: Int32Array.from(codes), levels });
const roundTrip = <T>(s: T): T => JSON.parse(JSON.stringify(s));

describe('impute', () => {
  const x = num([1, NaN, 2, 2, 10, NaN]);
  it('mean, median, mode, constant', () => {
    // present: 1,2,2,10 → mean 15/4 = 3.75; median (2+2)/2 = 2; mode 2
    expect(fitImpute(x, 'mean')).toEqual({ kind: 'numeric', fill: 3.75 });
    expect(fitImpute(x, 'median')).toEqual({ kind: 'numeric', fill: 2 });
    expect(fitImpute(x, 'mode')).toEqual({ kind: 'numeric', fill: 2 });
    expect(fitImpute(num([3, 1, 3, 1]), 'mode').fill).toBe(1); // tie → smallest
    expect(fitImpute(num([4, NaN, 1, 3]), 'median').fill).toBe(3); // odd count 1,3,4 → 3
    const s = fitImpute(x, 'constant', 'x', -1);
    expect(Array.from((applyImpute(s, x) as NumericColumn).values)).toEqual([1, -1, 2, 2, 10, -1]);
  });
  it('applies learned state to other rows, through JSON', () => {
    const s = roundTrip(fitImpute(x, 'mean'));
    expect(Array.from((applyImpute(s, num([NaN, 5])) as NumericColumn).values)).toEqual([3.75, 5]);
  });
  it('integer column filled with a fraction becomes numeric', () => {
    const c = applyImpute(fitImpute(num([1, 2, NaN], 'integer'), 'mean'), num([1, 2, NaN], 'integer'));
    expect(c.type).toBe('numeric');
  });
  it('category mode with ties → first in sorted order; constant adds a level', () => {
    const c = cat([0, 1, -1, 1, 0, 2], ['b', 'a', 'c']); // b×2, a×2, c×1
    const s = fitImpute(c, 'mode');
    expect(s).toEqual({ kind: 'category', fill: 'a' });
    const out = applyImpute(roundTrip(s), c) as CategoryColumn;
    expect(Array.from(out.codes)).toEqual([0, 1, 1, 1, 0, 2]);
    const k = applyImpute(fitImpute(c, 'constant', 'c', 'missing'), c) as CategoryColumn;
    expect(k.levels).toEqual(['b', 'a', 'c', 'missing']);
    expect(k.codes[2]).toBe(3);
  });
  it('clear errors', () => {
    expect(() => fitImpute(num([NaN, NaN]), 'mean', 'x')).toThrow(/impute mean of x: no non-missing/);
    expect(() => fitImpute(cat([0], ['a']), 'mean', 'c')).toThrow(PrepareError);
    expect(() => fitImpute(num([1]), 'constant', 'x', 'a')).toThrow(/finite number/);
  });
});

describe('outliers', () => {
  // 1..8 and 100: n=9, Q1 at pos 2 → 3, Q3 at pos 6 → 7, IQR 4 → [3-6, 7+6] = [-3, 13]
  const v = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 100, NaN]);
  it('iqr thresholds, clip and drop', () => {
    const s = roundTrip(fitOutliers(v, 'iqr', 1.5));
    expect(s).toEqual({ low: -3, high: 13 });
    const clipped = clipOutliers(s, v);
    expect(clipped[8]).toBe(13);
    expect(Number.isNaN(clipped[9])).toBe(true);
    expect(Array.from(outlierKeep(s, v))).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0, 1]);
  });
  it('numpy linear quantiles between points', () => {
    // [1,2,3,4]: Q1 pos 0.75 → 1.75, Q3 pos 2.25 → 3.25, IQR 1.5 → k=1: [0.25, 4.75]
    expect(fitOutliers(Float64Array.from([4, 1, 3, 2]), 'iqr', 1)).toEqual({ low: 0.25, high: 4.75 });
  });
  it('zscore with population std', () => {
    // [2,4,4,4,5,5,7,9]: mean 5, population std 2 → k=2: [1, 9]
    expect(fitOutliers(Float64Array.from([2, 4, 4, 4, 5, 5, 7, 9]), 'zscore', 2)).toEqual({ low: 1, high: 9 });
  });
  it('validates k', () => {
    expect(() => fitOutliers(v, 'iqr', 0)).toThrow(PrepareError);
  });
});

describe('rows', () => {
  const frame: Frame = {
    rows: 5,
    names: ['x', 'c', 't'],
    columns: new Map<string, Column>([
      ['x', num([1, NaN, 1, NaN, 1])],
      ['c', cat([0, -1, 0, -1, 1], ['a', 'b'])],
      ['t', { kind: 'text', type: 'text', values: ['u', null, 'u', null, 'u'] }],
    ]),
  };
  it('drops duplicates keeping the first; missing equals missing', () => {
    expect(Array.from(dedupeMask(frame))).toEqual([1, 1, 0, 0, 1]);
    expect(Array.from(dedupeMask(frame, ['x', 't']))).toEqual([1, 1, 0, 0, 0]);
    expect(() => dedupeMask(frame, ['nope'])).toThrow(/unknown column "nope"/);
  });
  it('selects rows', () => {
    const idx = maskToIndices(Uint8Array.from([0, 1, 0, 0, 1]));
    expect(Array.from(idx)).toEqual([1, 4]);
    const f = selectRows(frame, idx);
    expect(f.rows).toBe(2);
    expect(Array.from((f.columns.get('c') as CategoryColumn).codes)).toEqual([-1, 1]);
    expect((f.columns.get('t') as { values: unknown[] }).values).toEqual([null, 'u']);
    expect(() => selectRows(frame, Int32Array.from([5]))).toThrow(PrepareError);
  });
});
