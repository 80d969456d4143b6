import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggestions } from '../../src/diagnostics/didYouMean.ts';

/** The textbook full-table optimal-string-alignment distance, as the reference. */
function reference(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions, ignoring case', () => {
    expect(editDistance('knn', 'knn')).toBe(0);
    expect(editDistance('Ridge', 'ridge')).toBe(0);
    expect(editDistance('ridge', 'ridg')).toBe(1);
    expect(editDistance('lasso', 'lsaso')).toBe(1);
    expect(editDistance('svm', 'tree')).toBe(4);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('agrees with the full-table reference on random strings', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '_'), maxLength: 9 });
    fc.assert(fc.property(word, word, (a, b) => editDistance(a, b) === reference(a, b)), { numRuns: 2000 });
  });

  it('with a limit, is exact up to the limit and limit + 1 beyond it', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 10 });
    fc.assert(fc.property(word, word, fc.integer({ min: 0, max: 5 }), (a, b, limit) => {
      const exact = reference(a, b);
      return editDistance(a, b, limit) === (exact <= limit ? exact : limit + 1);
    }), { numRuns: 2000 });
  });
});

describe('suggestions', () => {
  it('ranks close names first and suggests prefixes of three or more letters', () => {
    expect(suggestions('stanardize', ['standardize', 'normalize', 'stand'])).toEqual(['standardize']);
    expect(suggestions('flip', ['flipper_length_mm', 'bill_length_mm'])).toEqual(['flipper_length_mm']);
    expect(didYouMean('f12x', ['f12', 'f13', 'f120', 'g'])).toBe('Did you mean `f12` or `f120`?');
    expect(didYouMean('zzz', ['knn', 'svm'])).toBeUndefined();
  });
});
