import { describe, expect, it } from 'vitest';
import type { CategoryColumn } from '../../src/runtime/data/frame.ts';
import { toDense } from '../../src/runtime/models/contract.ts';
import { applyBins, fitBins } from '../../src/runtime/features/bin.ts';
import { assemble, byCodePoint, FeatureError, type FeatureBlock } from '../../src/runtime/features/contract.ts';
import { datePart } from '../../src/runtime/features/dates.ts';
import { applyOnehot, applyOrdinal, fitOnehot, fitOrdinal } from '../../src/runtime/features/encode.ts';
import { applyMath } from '../../src/runtime/features/mathfn.ts';
import { interactions, polynomial } from '../../src/runtime/features/poly.ts';
import { applyScale, fitScale } from '../../src/runtime/features/scale.ts';

const f = (xs: number[]) => Float64Array.from(xs);
const cat = (codes: number[], levels: string[]): CategoryColumn => ({ kind: 'category', type: 'category', codes: Int32Array.from(codes), levels });
const roundTrip = <T>(s: T): T => JSON.parse(JSON.stringify(s));
const arr = (x: Float64Array) => Array.from(x);

describe('scale', () => {
  const x = f([1, 2, NaN, 3, 6]);
  it('standardize: mean and population std, NaN ignored and kept', () => {
    // present 1,2,3,6: mean 3; deviations -2,-1,0,3 → var (4+1+0+9)/4 = 3.5
    const s = fitScale('standardize', x);
    expect(s.center).toBe(3);
    expect(s.scale).toBeCloseTo(Math.sqrt(3.5), 15);
    const out = applyScale(roundTrip(s), x);
    expect(out[0]).toBeCloseTo(-2 / Math.sqrt(3.5), 15);
    expect(Number.isNaN(out[2])).toBe(true);
  });
  it('minmax: range [0,1], constant → 0', () => {
    expect(arr(applyScale(fitScale('minmax', x), f([1, 6, 3.5])))).toEqual([0, 1, 0.5]);
    expect(arr(applyScale(fitScale('minmax', f([4, 4])), f([4, 4])))).toEqual([0, 0]);
  });
  it('robust: median and IQR', () => {
    // 1,2,3,6: median 2.5; Q1 pos .75 → 1.75; Q3 pos 2.25 → 3.75; IQR 2
    const s = fitScale('robust', x);
    expect(s).toEqual({ method: 'robust', center: 2.5, scale: 2 });
  });
  it('constant standardize → scale 1', () => {
    expect(fitScale('standardize', f([0.1, 0.1, 0.1])).scale).toBe(1);
  });
  it('all missing is an error', () => {
    expect(() => fitScale('standardize', f([NaN]), 'x')).toThrow(FeatureError);
  });
});

describe('math', () => {
  it('element-wise', () => {
    expect(arr(applyMath('log', f([1, Math.E])))).toEqual([0, 1]);
    expect(arr(applyMath('sqrt', f([4, NaN]))).map(String)).toEqual(['2', 'NaN']);
    expect(arr(applyMath('square', f([-3])))).toEqual([9]);
    expect(arr(applyMath('power', f([2, 3]), 3))).toEqual([8, 27]);
    expect(arr(applyMath('abs', f([-2])))).toEqual([2]);
    expect(arr(applyMath('log1p', f([0])))).toEqual([0]);
  });
  it('domain errors name the value and row', () => {
    expect(() => applyMath('log', f([1, 0]), 1, 'price')).toThrow(/log of price: value 0 at row 1/);
    expect(() => applyMath('power', f([-8]), 0.5)).toThrow(FeatureError);
    expect(() => applyMath('exp', f([1000]))).toThrow(/gives Infinity/);
  });
});

describe('onehot', () => {
  const train = cat([1, 0, 2, 0], ['b', 'a', 'c']);
  it('sorted training levels, missing → zeros', () => {
    const s = roundTrip(fitOnehot(train, 'k'));
    expect(s.levels).toEqual(['a', 'b', 'c']);
    const b = applyOnehot(s, cat([0, 1, -1], ['a', 'b'])) as Extract<FeatureBlock, { kind: 'dense' }>;
    expect(b.names).toEqual(['k_a', 'k_b', 'k_c']);
    expect(b.columns.map(arr)).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 0]]);
  });
  it('unseen ignore → zeros; error → FeatureError naming the value', () => {
    const test = cat([0, 1], ['z', 'a']);
    const ign = applyOnehot(fitOnehot(train, 'k'), test) as Extract<FeatureBlock, { kind: 'dense' }>;
    expect(ign.columns.map(arr)).toEqual([[0, 1], [0, 0], [0, 0]]);
    expect(() => applyOnehot(fitOnehot(train, 'k', { unseen: 'error' }), test)).toThrow(/value "z" at row 0 was not seen/);
  });
  it('drop first and missing as a level', () => {
    const b = applyOnehot(fitOnehot(train, 'k', { drop: 'first', missing: 'level' }), cat([0, 1, -1], ['a', 'c'])) as Extract<FeatureBlock, { kind: 'dense' }>;
    expect(b.names).toEqual(['k_b', 'k_c', 'k_<missing>']);
    expect(b.columns.map(arr)).toEqual([[0, 0, 0], [0, 1, 0], [0, 0, 1]]);
  });
  it('rejects non-category columns', () => {
    expect(() => fitOnehot({ kind: 'numeric', type: 'numeric', values: f([1]) }, 'x')).toThrow(/needs a category column/);
  });
});

describe('ordinal', () => {
  const train = cat([0, 1, 2], ['lo', 'hi', 'mid']);
  it('sorted or given order; unseen → -1 or error; missing NaN', () => {
    const sorted = fitOrdinal(train, 'k');
    expect(sorted.levels).toEqual(['hi', 'lo', 'mid']);
    const given = roundTrip(fitOrdinal(train, 'k', { order: ['lo', 'mid', 'hi'] }));
    expect(arr(applyOrdinal(given, cat([1, 0, -1, 3], ['hi', 'lo', 'x', 'new']))).map(String)).toEqual(['0', '2', 'NaN', '-1']);
    expect(() => applyOrdinal({ ...given, unseen: 'error' }, cat([0], ['new']))).toThrow(/"new"/);
    expect(() => fitOrdinal(train, 'k', { order: ['lo', 'hi'] })).toThrow(/"mid" at row 2 is not in the given order/);
  });
});

describe('bins', () => {
  it('uniform edges like numpy.linspace', () => {
    const s = roundTrip(fitBins(f([0, 1, 2, 10, NaN]), 4, 'uniform'));
    expect(s.edges).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(arr(applyBins(s, f([-5, 2.5, 9.9, 10, 50, NaN]))).map(String)).toEqual(['0', '1', '3', '3', '3', 'NaN']);
  });
  it('quantile edges; narrow bins merged', () => {
    // 1..9, k=4: percentiles 0,25,50,75,100 → positions 0,2,4,6,8 → 1,3,5,7,9
    expect(fitBins(f([1, 2, 3, 4, 5, 6, 7, 8, 9]), 4, 'quantile').edges).toEqual([1, 3, 5, 7, 9]);
    // mostly zeros: 0,0,0,0,0,0,1,2 k=4 → 0,0,0,0.25,2 → [0, 0.25, 2]
    const s = fitBins(f([0, 0, 0, 0, 0, 0, 1, 2]), 4, 'quantile');
    expect(s.edges).toEqual([0, 0.25, 2]);
    expect(arr(applyBins(s, f([0, 0.25, 1, 3])))).toEqual([0, 1, 1, 1]);
  });
  it('constant column → one bin', () => {
    expect(arr(applyBins(fitBins(f([3, 3]), 3, 'uniform'), f([1, 3, 5])))).toEqual([0, 0, 0]);
  });
  it('validates k', () => {
    expect(() => fitBins(f([1, 2]), 1, 'uniform')).toThrow(FeatureError);
  });
});

describe('dates', () => {
  // 2024-03-04T05:06:07Z is a Monday; day of year 31+29+4 = 64
  const t = f([Date.UTC(2024, 2, 4, 5, 6, 7), NaN, Date.UTC(2023, 11, 31, 23)]);
  it('parts', () => {
    const p = (part: Parameters<typeof datePart>[1]) => arr(datePart(t, part)).map(String);
    expect(p('year')).toEqual(['2024', 'NaN', '2023']);
    expect(p('month')).toEqual(['3', 'NaN', '12']);
    expect(p('day')).toEqual(['4', 'NaN', '31']);
    expect(p('weekday')).toEqual(['0', 'NaN', '6']); // 2023-12-31 was a Sunday
    expect(p('hour')).toEqual(['5', 'NaN', '23']);
    expect(p('dayofyear')).toEqual(['64', 'NaN', '365']);
  });
  it('invalid date', () => {
    expect(() => datePart(f([1e20]), 'year')).toThrow(FeatureError);
  });
});

describe('poly', () => {
  const a = f([1, 2]), b = f([3, 4]), c = f([5, 6]);
  it('interactions', () => {
    const p = interactions([a, b, c], ['a', 'b', 'c']) as Extract<FeatureBlock, { kind: 'dense' }>;
    expect(p.names).toEqual(['a*b', 'a*c', 'b*c']);
    expect(p.columns.map(arr)).toEqual([[3, 8], [5, 12], [15, 24]]);
  });
  it('polynomial degree 2 in sklearn order', () => {
    const p = polynomial([a, b], ['a', 'b']);
    expect(p.names).toEqual(['a', 'b', 'a^2', 'a*b', 'b^2']);
    expect(polynomial([a, b], ['a', 'b'], false).names).toEqual(['a', 'b', 'a*b']);
  });
});

describe('assemble', () => {
  const dense: FeatureBlock = { kind: 'dense', names: ['d'], columns: [f([1, 0])] };
  const sparse: FeatureBlock = {
    kind: 'sparse', names: ['s0', 's1'],
    matrix: { kind: 'csr', rows: 2, cols: 2, indptr: Int32Array.from([0, 1, 2]), indices: Int32Array.from([1, 0]), data: f([7, 8]) },
  };
  it('dense only', () => {
    const { matrix, names } = assemble([dense, { kind: 'dense', names: ['e'], columns: [f([2, 3])] }], 2);
    expect(names).toEqual(['d', 'e']);
    expect(matrix.kind).toBe('dense');
    expect(arr(matrix.data)).toEqual([1, 2, 0, 3]);
  });
  it('mixed → CSR when the sparse part dominates, same values as dense', () => {
    const { matrix, names } = assemble([dense, sparse], 2);
    expect(names).toEqual(['d', 's0', 's1']);
    expect(matrix.kind).toBe('csr');
    expect(arr(toDense(matrix).data)).toEqual([1, 0, 7, 0, 8, 0]);
    if (matrix.kind === 'csr') expect(Array.from(matrix.indices)).toEqual([0, 2, 1]);
    const d = assemble([dense, dense, dense, sparse], 2).matrix;
    expect(d.kind).toBe('dense');
    expect(arr(d.data)).toEqual([1, 1, 1, 0, 7, 0, 0, 0, 8, 0]);
  });
  it('row mismatch is an error', () => {
    expect(() => assemble([dense], 3)).toThrow(FeatureError);
  });
});

describe('byCodePoint', () => {
  it('orders astral characters after high BMP ones, like Python', () => {
    const xs = ['\u{1F600}', '\uFF21', 'b', 'a'];
    expect(xs.sort(byCodePoint)).toEqual(['a', 'b', '\uFF21', '\u{1F600}']);
  });
});

describe('json round trip of every fitted state', () => {
  const x = f([3, NaN, 1, 4, 1, 5, 9, 2, 6]);
  const c = cat([0, 1, -1, 2, 0, 1], ['x', 'y', 'z']);
  const same = <S, O>(state: S, apply: (s: S) => O) => expect(apply(roundTrip(state))).toEqual(apply(state));
  it('gives identical output', () => {
    for (const m of ['standardize', 'minmax', 'robust'] as const) same(fitScale(m, x), (s) => applyScale(s, x));
    for (const st of ['uniform', 'quantile'] as const) same(fitBins(x, 3, st), (s) => applyBins(s, x));
    same(fitOnehot(c, 'c', { drop: 'first', missing: 'level' }), (s) => applyOnehot(s, c));
    same(fitOrdinal(c, 'c'), (s) => applyOrdinal(s, c));
  });
});
