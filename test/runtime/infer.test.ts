import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvSample, type CsvSample } from '../../src/runtime/data/csv.ts';
import { checkDeclaredType, inferColumns, type ColumnProfile } from '../../src/runtime/data/infer.ts';

const DATA = path.resolve(fileURLToPath(new URL('../..', import.meta.url)), '../shared/datasets');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'mlp-infer-test-'));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

function profiles(name: string, maxRows?: number): Map<string, ColumnProfile> {
  const ps = inferColumns(readCsvSample(path.join(DATA, name), maxRows));
  return new Map(ps.map((p) => [p.name, p]));
}

function sample(header: string[], rows: string[][]): CsvSample {
  return { header, rows, lines: rows.map((_, i) => i + 2), truncated: false, bytesRead: 0, problems: [] };
}

describe('inferColumns on the real datasets', () => {
  it('iris: four numeric measurements and a 3-level species', () => {
    const p = profiles('iris.csv');
    expect([...p.values()].map((c) => c.type)).toEqual(['numeric', 'numeric', 'numeric', 'numeric', 'category']);
    const species = p.get('species')!;
    expect(species.levels).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(species.top).toEqual([{ value: 'setosa', count: 50 }, { value: 'versicolor', count: 50 }, { value: 'virginica', count: 50 }]);
    const sl = p.get('sepal length (cm)')!;
    expect([sl.min, sl.max, sl.example]).toEqual([4.3, 7.9, '5.1']);
    expect(sl.mean).toBeCloseTo(5.8433, 4);
  });

  it('digits: integer pixels and an integer label with its levels', () => {
    const digit = profiles('digits.csv').get('digit')!;
    expect(digit.type).toBe('integer');
    expect(digit.levels).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('penguins: missing shares and categoricals', () => {
    const p = profiles('penguins.csv');
    expect(p.get('sex')!.type).toBe('category');
    expect(p.get('sex')!.missing).toBe(11);
    expect(p.get('sex')!.missingShare).toBeCloseTo(11 / 344);
    expect(p.get('bill_length_mm')!.type).toBe('numeric');
    expect(p.get('body_mass_g')!.type).toBe('integer');
    expect(p.get('island')!.levels).toEqual(['Biscoe', 'Dream', 'Torgersen']);
  });

  it('credit: yes/no is boolean, quoted strings are categories', () => {
    const p = profiles('credit.csv');
    expect(p.get('Records')!.type).toBe('boolean');
    expect(p.get('Records')!.levels).toEqual(['no', 'yes']);
    expect(p.get('Home')!.type).toBe('category');
    expect(p.get('Income')!.type).toBe('integer');
    expect(p.get('Income')!.missing).toBeGreaterThan(0);
  });

  it('spam: long texts are text, the label a category', () => {
    const p = profiles('spam.csv', 200);
    expect(p.get('text')!.type).toBe('text');
    expect(p.get('text')!.levels).toEqual([]);
    expect(p.get('label')!.type).toBe('category');
  });
});

describe('inference rules', () => {
  it('recognises dates, booleans, numbers and missing markers', () => {
    const ps = inferColumns(sample(['d', 'b', 'n', 'i', 'm'], [
      ['2024-01-05', 'TRUE', '1e-5', '-3', 'NA'],
      ['2024-01-06T10:00:00Z', 'false', 'N/A', '7', ''],
      ['', 'Yes', '2', '?', 'null'],
    ]));
    expect(ps.map((p) => p.type)).toEqual(['date', 'boolean', 'numeric', 'integer', 'text']);
    expect(ps[0].min).toBe(Date.UTC(2024, 0, 5));
    expect(ps[3].missing).toBe(1);
    expect(ps[4].missingShare).toBe(1);
  });

  it('uses configured missing markers instead of the defaults', () => {
    const [p] = inferColumns(sample(['x'], [['1'], ['-'], ['NA']]), { missing: ['-'] });
    expect(p.type).toBe('category');
    expect(p.counterexamples.numeric).toEqual({ value: 'NA', row: 3 });
  });

  it('treats short rows as missing', () => {
    const ps = inferColumns(sample(['a', 'b'], [['1', '2'], ['3']]));
    expect(ps[1].missing).toBe(1);
  });

  it('separates category from text by distinct count and length', () => {
    const many = Array.from({ length: 100 }, (_, i) => [`name${i % 15}`, `v${i}`, 'x'.repeat(40 + (i % 3))]);
    const ps = inferColumns(sample(['few', 'unique', 'long'], many));
    expect(ps.map((p) => p.type)).toEqual(['category', 'text', 'text']);
    expect(ps[0].distinct).toBe(15);
  });
});

describe('checkDeclaredType', () => {
  const ps = inferColumns(sample(['x', 'c'], [['1', 'a'], ['2', 'b'], ['abc', 'a'], ['2.5', 'c']]));
  it('reports the first value that does not parse', () => {
    expect(checkDeclaredType(ps[0], 'numeric')).toEqual(["value 'abc' at row 3 does not parse as numeric"]);
    expect(checkDeclaredType(ps[0], 'text')).toEqual([]);
    expect(checkDeclaredType(ps[0], 'category')).toEqual([]);
    expect(checkDeclaredType(ps[1], 'boolean')).toEqual(["value 'a' at row 1 does not parse as boolean"]);
  });

  it('reports integers and dates', () => {
    const [p] = inferColumns(sample(['x'], [['1'], ['2.5']]));
    expect(checkDeclaredType(p, 'integer')).toEqual(["value '2.5' at row 2 does not parse as integer"]);
    expect(checkDeclaredType(p, 'date')).toEqual(["value '1' at row 1 does not parse as date"]);
  });

  it('reports values outside declared levels', () => {
    expect(checkDeclaredType(ps[1], 'category', ['a', 'b'])).toEqual(["value 'c' at row 4 is not one of the declared levels"]);
    expect(checkDeclaredType(ps[1], 'category', ['a', 'b', 'c'])).toEqual([]);
  });
});
