import { describe, expect, it } from 'vitest';
import { toDense, type SparseMatrix } from '../../src/runtime/models/contract.ts';
import { FeatureError } from '../../src/runtime/features/contract.ts';
import { ENGLISH_STOP_WORDS } from '../../src/runtime/features/stopwords.ts';
import { applyText, fitText, textLength, wordCount, type TextOptions } from '../../src/runtime/features/text.ts';
import { analyze, tokenize } from '../../src/runtime/features/tokenize.ts';

const roundTrip = <T>(s: T): T => JSON.parse(JSON.stringify(s));
const matrixOf = (b: ReturnType<typeof applyText>) => (b as { matrix: SparseMatrix }).matrix;
const rowsOf = (m: SparseMatrix) => {
  const d = toDense(m).data;
  return Array.from({ length: m.rows }, (_, i) => Array.from(d.subarray(i * m.cols, (i + 1) * m.cols)));
};

describe('tokenize', () => {
  it('matches (?u)\\b\\w\\w+\\b on lowercased text', () => {
    expect(tokenize("Hello, World! a I'm x_y 42 Ünïcödé straße café-au-lait")).toEqual(
      ['hello', 'world', 'x_y', '42', 'ünïcödé', 'straße', 'café', 'au', 'lait'],
    );
    expect(tokenize('日本語 テキスト')).toEqual(['日本語', 'テキスト']);
  });
  it('n-grams after stop words', () => {
    expect(analyze('the quick brown fox', { stopWords: ENGLISH_STOP_WORDS, ngram: [1, 2] })).toEqual(
      ['quick', 'brown', 'fox', 'quick brown', 'brown fox'],
    );
    expect(analyze('a1 b2 c3', { ngram: [2, 3] })).toEqual(['a1 b2', 'b2 c3', 'a1 b2 c3']);
  });
  it('stop word list is sklearn\'s 318 words', () => {
    expect(ENGLISH_STOP_WORDS.size).toBe(318);
    expect(ENGLISH_STOP_WORDS.has('the')).toBe(true);
  });
});

describe('bag of words', () => {
  const docs = ['apple banana apple', 'banana cherry', null, 'Cherry cherry date'];
  it('counts with a sorted vocabulary', () => {
    const s = fitText(docs, 't', { mode: 'count' });
    expect(s.vocabulary).toEqual(['apple', 'banana', 'cherry', 'date']);
    const b = applyText(roundTrip(s), docs);
    expect(b.names).toEqual(['t_apple', 't_banana', 't_cherry', 't_date']);
    expect(rowsOf(matrixOf(b))).toEqual([[2, 1, 0, 0], [0, 1, 1, 0], [0, 0, 0, 0], [0, 0, 2, 1]]);
  });
  it('binary', () => {
    const s = fitText(docs, 't', { mode: 'count', binary: true });
    expect(rowsOf(matrixOf(applyText(s, docs)))[0]).toEqual([1, 1, 0, 0]);
  });
  it('min_df / max_df as counts and fractions', () => {
    // df: apple 1, banana 2, cherry 2, date 1 (n = 4)
    expect(fitText(docs, 't', { mode: 'count', minDf: { count: 2 } }).vocabulary).toEqual(['banana', 'cherry']);
    expect(fitText(docs, 't', { mode: 'count', maxDf: { fraction: 0.25 } }).vocabulary).toEqual(['apple', 'date']);
    expect(() => fitText(docs, 't', { mode: 'count', minDf: { count: 3 } })).toThrow(/no terms remain/);
    expect(() => fitText(docs, 't', { mode: 'count', minDf: { count: 3 }, maxDf: { count: 2 } })).toThrow(/max_df/);
  });
  it('max_features by corpus frequency, ties alphabetical', () => {
    // tf: apple 2, banana 2, cherry 3, date 1 → top 2: cherry, then apple (tie with banana, alphabetical)
    expect(fitText(docs, 't', { mode: 'count', maxFeatures: 2 }).vocabulary).toEqual(['apple', 'cherry']);
  });
  it('unknown words at apply time are ignored', () => {
    const s = fitText(docs, 't', { mode: 'count' });
    expect(rowsOf(matrixOf(applyText(s, ['zebra apple'])))).toEqual([[1, 0, 0, 0]]);
  });
  it('empty vocabulary is a clear error', () => {
    expect(() => fitText(['the a of', 'x'], 't', { mode: 'count', stopWords: 'english' })).toThrow(FeatureError);
  });
});

describe('tf-idf', () => {
  const docs = ['apple banana apple', 'banana cherry'];
  it('smooth idf and l2 rows', () => {
    // n=2; df apple 1, banana 2, cherry 1
    // idf apple = ln(3/2)+1, banana = ln(3/3)+1 = 1, cherry = ln(3/2)+1
    const s = fitText(docs, 't', { mode: 'tfidf' });
    const ia = Math.log(1.5) + 1;
    expect(s.idf![0]).toBeCloseTo(ia, 15);
    expect(s.idf![1]).toBe(1);
    const rows = rowsOf(matrixOf(applyText(roundTrip(s), docs)));
    // row 0: [2·ia, 1, 0] / sqrt(4ia² + 1)
    const n0 = Math.sqrt(4 * ia * ia + 1);
    expect(rows[0][0]).toBeCloseTo((2 * ia) / n0, 15);
    expect(rows[0][1]).toBeCloseTo(1 / n0, 15);
    // row 1: [0, 1, ia] / sqrt(1 + ia²)
    expect(rows[1][2]).toBeCloseTo(ia / Math.sqrt(1 + ia * ia), 15);
  });
  it('sublinear tf, no smoothing, no norm', () => {
    const o: TextOptions = { mode: 'tfidf', smoothIdf: false, sublinearTf: true, norm: 'none' };
    const rows = rowsOf(matrixOf(applyText(fitText(docs, 't', o), docs)));
    // apple: tf 2 → 1 + ln 2; idf = ln(2/1) + 1
    expect(rows[0][0]).toBeCloseTo((1 + Math.LN2) * (Math.LN2 + 1), 15);
    // banana: idf ln(2/2)+1 = 1
    expect(rows[0][1]).toBe(1);
  });
});

describe('length and words', () => {
  it('characters as code points, tokens by the default tokenizer', () => {
    expect(Array.from(textLength(['abc', '😀x', null])).map(String)).toEqual(['3', '2', 'NaN']);
    expect(Array.from(wordCount(['Hello big world', 'a b', null])).map(String)).toEqual(['3', '0', 'NaN']);
  });
});
