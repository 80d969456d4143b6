import { describe, expect, it } from 'vitest';
import { groupKfold, holdout, kfold, repeatedKfold, SplitError, stratifiedKfold, timeSplit, type Split } from '../../src/runtime/eval/splits.ts';

const sorted = (a: Int32Array) => a.every((v, i) => i === 0 || a[i - 1] < v);

function checkPartition(s: Split, n: number): void {
  expect(sorted(s.train) && sorted(s.test)).toBe(true);
  const seen = new Uint8Array(n);
  for (const i of s.train) seen[i]++;
  for (const i of s.test) seen[i]++;
  expect(seen.every((c) => c === 1)).toBe(true); // disjoint and covering
}

function checkFolds(splits: Split[], n: number): void {
  const inTest = new Uint8Array(n);
  for (const s of splits) {
    checkPartition(s, n);
    for (const i of s.test) inTest[i]++;
  }
  expect(inTest.every((c) => c === 1)).toBe(true); // each row tested exactly once
}

// 60 rows: class 0 ×30, class 1 ×20, class 2 ×10
const codes = Int32Array.from({ length: 60 }, (_, i) => (i < 30 ? 0 : i < 50 ? 1 : 2));
const countOf = (idx: Int32Array, c: number) => idx.filter((i) => codes[i] === c).length;

describe('holdout', () => {
  it('sizes, partition, determinism', () => {
    const a = holdout(10, { test: 0.25, seed: 1 });
    expect(a.test.length).toBe(3); // ceil(2.5)
    checkPartition(a, 10);
    expect(holdout(10, { test: 0.25, seed: 1 })).toEqual(a);
    const others = [2, 3, 4, 5].map((seed) => holdout(10, { test: 0.25, seed }).test.join());
    expect(others.some((t) => t !== a.test.join())).toBe(true);
  });
  it('stratified keeps proportions', () => {
    const s = holdout(60, { test: 0.2, seed: 7, stratify: codes });
    checkPartition(s, 60);
    expect([0, 1, 2].map((c) => countOf(s.test, c))).toEqual([6, 4, 2]);
  });
  it('validates', () => {
    expect(() => holdout(10, { test: 1.5, seed: 1 })).toThrow(SplitError);
    expect(() => holdout(3, { test: 0.5, seed: 1, stratify: Int32Array.from([0, 0, 1]) })).toThrow(/only 1 row/);
  });
});

describe('kfold', () => {
  it('unshuffled is consecutive with sklearn fold sizes', () => {
    const s = kfold(10, { k: 3 });
    checkFolds(s, 10);
    expect(s.map((x) => Array.from(x.test))).toEqual([[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]);
  });
  it('shuffled: seed determinism', () => {
    const a = kfold(20, { k: 4, shuffle: true, seed: 3 });
    checkFolds(a, 20);
    expect(kfold(20, { k: 4, shuffle: true, seed: 3 })).toEqual(a);
    expect(kfold(20, { k: 4, shuffle: true, seed: 4 })).not.toEqual(a);
  });
  it('validates k', () => {
    expect(() => kfold(10, { k: 1 })).toThrow(SplitError);
    expect(() => kfold(3, { k: 4 })).toThrow(/only 3 rows/);
  });
});

describe('stratified kfold', () => {
  it('each fold has the class proportions', () => {
    for (const shuffle of [false, true]) {
      const s = stratifiedKfold(codes, { k: 5, shuffle, seed: 11 });
      checkFolds(s, 60);
      for (const x of s) expect([0, 1, 2].map((c) => countOf(x.test, c))).toEqual([6, 4, 2]);
    }
  });
  it('uneven classes stay within one of the ideal count', () => {
    const y = Int32Array.from({ length: 23 }, (_, i) => (i % 3 === 0 ? 1 : 0)); // 8 ones, 15 zeros
    const s = stratifiedKfold(y, { k: 3, shuffle: true, seed: 2 });
    checkFolds(s, 23);
    for (const x of s) {
      const ones = x.test.filter((i) => y[i] === 1).length;
      expect(Math.abs(ones - 8 / 3)).toBeLessThan(1);
    }
  });
  it('determinism and seed sensitivity', () => {
    const a = stratifiedKfold(codes, { k: 5, shuffle: true, seed: 1 });
    expect(stratifiedKfold(codes, { k: 5, shuffle: true, seed: 1 })).toEqual(a);
    expect(stratifiedKfold(codes, { k: 5, shuffle: true, seed: 2 })).not.toEqual(a);
  });
  it('a class smaller than k is an error', () => {
    expect(() => stratifiedKfold(codes, { k: 11 })).toThrow(/class 2 has only 10 rows/);
  });
});

describe('repeated kfold', () => {
  it('k·repeats splits, each repeat a full partition, repeats differ', () => {
    const s = repeatedKfold(30, { k: 3, repeats: 2, seed: 5 });
    expect(s.length).toBe(6);
    checkFolds(s.slice(0, 3), 30);
    checkFolds(s.slice(3), 30);
    expect(s[0].test).not.toEqual(s[3].test);
    expect(repeatedKfold(30, { k: 3, repeats: 2, seed: 5 })).toEqual(s);
  });
  it('stratified repeats', () => {
    const s = repeatedKfold(60, { k: 5, repeats: 2, seed: 5, stratify: codes });
    for (const x of s) expect(countOf(x.test, 2)).toBe(2);
  });
});

describe('group kfold', () => {
  it('no group in two folds', () => {
    const groups = Int32Array.from([0, 0, 0, 1, 1, 2, 3, 3, 3, 3, 4, 5]);
    const s = groupKfold(groups, 3);
    checkFolds(s, groups.length);
    const foldOf = new Map<number, number>();
    s.forEach((x, f) => x.test.forEach((i) => {
      expect(foldOf.get(groups[i]) ?? f).toBe(f);
      foldOf.set(groups[i], f);
    }));
    // greedy: sizes 4(g3),3(g0),2(g1),1,1,1 → loads [4,3+1,2+1+1] = [4,4,4]
    expect(s.map((x) => x.test.length)).toEqual([4, 4, 4]);
  });
  it('fewer groups than folds is an error', () => {
    expect(() => groupKfold(Int32Array.from([0, 0, 1, 1]), 3)).toThrow(/only 2 groups/);
  });
});

describe('time split', () => {
  it('expanding window like TimeSeriesSplit', () => {
    // n=10, 3 folds: test size 10//4 = 2, starts 4, 6, 8
    const s = timeSplit(10, 3);
    expect(s.map((x) => [Array.from(x.train), Array.from(x.test)])).toEqual([
      [[0, 1, 2, 3], [4, 5]],
      [[0, 1, 2, 3, 4, 5], [6, 7]],
      [[0, 1, 2, 3, 4, 5, 6, 7], [8, 9]],
    ]);
  });
  it('validates', () => {
    expect(() => timeSplit(3, 3)).toThrow(SplitError);
    expect(() => timeSplit(10, 1)).toThrow(SplitError);
  });
});
