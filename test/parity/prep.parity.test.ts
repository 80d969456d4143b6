/**
 * Parity of the preparation and feature kernels with scikit-learn on the real
 * datasets: penguins numeric columns (with missing values) and categories, and
 * spam.csv texts. The reference side is test/reference/prep_stats.py.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CategoryColumn, NumericColumn } from '../../src/runtime/data/frame.ts';
import { applyBins, fitBins } from '../../src/runtime/features/bin.ts';
import { fitOnehot } from '../../src/runtime/features/encode.ts';
import { applyScale, fitScale } from '../../src/runtime/features/scale.ts';
import { applyText, fitText, type TextOptions } from '../../src/runtime/features/text.ts';
import type { SparseMatrix } from '../../src/runtime/models/contract.ts';
import { fitImpute } from '../../src/runtime/prepare/impute.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const datasets = path.resolve(here, '../../../shared/datasets');
const script = path.resolve(here, '../reference/prep_stats.py');

/** Minimal RFC 4180 reader: quoted fields may hold commas, quotes ("") and newlines. */
function readCsv(file: string): { header: string[]; rows: string[][]; quoted: boolean[][] } {
  const s = readFileSync(file, 'utf8');
  const records: string[][] = [], quotes: boolean[][] = [];
  let row: string[] = [], q: boolean[] = [], i = 0;
  while (i < s.length) {
    let field = '', wasQuoted = false;
    if (s[i] === '"') {
      wasQuoted = true;
      i++;
      for (;;) {
        const j = s.indexOf('"', i);
        field += s.slice(i, j);
        i = j + 1;
        if (s[i] === '"') { field += '"'; i++; } else break;
      }
    } else {
      let j = i;
      while (j < s.length && s[j] !== ',' && s[j] !== '\n') j++;
      field = s.slice(i, j);
      i = j;
    }
    row.push(field); q.push(wasQuoted);
    if (s[i] === ',') { i++; continue; }
    records.push(row); quotes.push(q);
    row = []; q = [];
    i++; // newline or end
  }
  return { header: records[0], rows: records.slice(1), quoted: quotes.slice(1) };
}

function reference(spec: unknown): any {
  const out = execFileSync('/usr/bin/python3', [script], { input: JSON.stringify(spec), maxBuffer: 1 << 30, encoding: 'utf8' });
  return JSON.parse(out);
}

function expectRel(actual: number, expected: number, what: string, index?: number): void {
  const err = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
  if (!(err <= 1e-9) && actual !== expected)
    throw new Error(`${what}${index === undefined ? '' : `[${index}]`}: ${actual} vs sklearn ${expected} (relative error ${err})`);
}

/** Vector agreement relative to the vector's largest magnitude (for outputs near zero); null = NaN. */
function expectVec(actual: ArrayLike<number>, expected: (number | null)[], what: string, tol = 1e-9): void {
  expect(actual.length, what).toBe(expected.length);
  let scale = 0;
  for (const e of expected) if (e !== null) scale = Math.max(scale, Math.abs(e));
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    if (e === null) { expect(Number.isNaN(actual[i]), `${what}[${i}] should be NaN`).toBe(true); continue; }
    if (Math.abs(actual[i] - e) > tol * (scale || 1)) throw new Error(`${what}[${i}]: ${actual[i]} vs sklearn ${e}`);
  }
}

/** Exact equality of two long integer arrays, reporting the first difference. */
function expectSame(actual: ArrayLike<number>, expected: number[], what: string): void {
  expect(actual.length, `${what} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) if (actual[i] !== expected[i]) throw new Error(`${what}[${i}]: ${actual[i]} vs sklearn ${expected[i]}`);
}

describe('penguins: scalers, imputers, bins, categories', () => {
  const csv = readCsv(path.join(datasets, 'penguins.csv'));
  const numericNames = ['bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'body_mass_g', 'year'];
  const categoryNames = ['species', 'island', 'sex'];
  const col = (name: string) => csv.rows.map((r) => r[csv.header.indexOf(name)]);
  const numeric = Object.fromEntries(numericNames.map((n) => [n, col(n).map((v) => (v === '' ? null : Number(v)))]));
  const category = Object.fromEntries(categoryNames.map((n) => [n, col(n).map((v) => (v === '' ? null : v))]));
  const bins = [3, 5, 10];
  const ref = reference({ numeric, category, bins });

  it('has missing values to ignore', () => {
    expect(numeric.bill_length_mm.filter((v) => v === null).length).toBe(2);
    expect(category.sex.filter((v) => v === null).length).toBe(11);
  });

  for (const name of numericNames) {
    it(`numeric ${name}`, () => {
      const values = Float64Array.from(numeric[name], (v) => v ?? NaN);
      const column: NumericColumn = { kind: 'numeric', type: 'numeric', values };
      const r = ref.numeric[name];
      const st = fitScale('standardize', values);
      expectRel(st.center, r.standard.mean[0], `${name} mean`);
      expectRel(st.scale, r.standard.scale[0], `${name} std`);
      expectVec(applyScale(JSON.parse(JSON.stringify(st)), values), r.standard.transform, `${name} standardized`);
      const mm = fitScale('minmax', values);
      expectRel(mm.center, r.minmax.min[0], `${name} min`);
      expectRel(mm.scale, r.minmax.range[0], `${name} range`);
      const rb = fitScale('robust', values);
      expectRel(rb.center, r.robust.center[0], `${name} median`);
      expectRel(rb.scale, r.robust.scale[0], `${name} IQR`);
      expectRel(fitImpute(column, 'mean').fill as number, r.impute.mean[0], `${name} impute mean`);
      expectRel(fitImpute(column, 'median').fill as number, r.impute.median[0], `${name} impute median`);
      expectRel(fitImpute(column, 'mode').fill as number, r.impute.most_frequent[0], `${name} impute mode`);
      const present = values.filter((v) => !Number.isNaN(v));
      for (const k of bins) {
        for (const strategy of ['uniform', 'quantile'] as const) {
          const b = fitBins(values, k, strategy);
          const rbins = r.bins[`${strategy}${k}`];
          expectVec(b.edges, rbins.edges, `${name} ${strategy}${k} edges`);
          expect(Array.from(applyBins(b, present)), `${name} ${strategy}${k} bins`).toEqual(rbins.transform);
        }
      }
    });
  }

  for (const name of categoryNames) {
    it(`category ${name}`, () => {
      const raw = category[name];
      const levels = [...new Set(raw.filter((v): v is string => v !== null))]; // first-appearance order
      const column: CategoryColumn = { kind: 'category', type: 'category', levels, codes: Int32Array.from(raw, (v) => (v === null ? -1 : levels.indexOf(v))) };
      expect(fitImpute(column, 'mode').fill).toBe(ref.category[name].mode);
      expect(fitOnehot(column, name).levels).toEqual(ref.category[name].categories);
    });
  }
});

describe('spam: tf-idf', () => {
  const csv = readCsv(path.join(datasets, 'spam.csv'));
  const docs = csv.rows.map((r) => r[0]);
  const configs: { sk: Record<string, unknown>; mlp: TextOptions }[] = [
    { sk: {}, mlp: { mode: 'tfidf' } },
    {
      sk: { stop_words: 'english', ngram_range: [1, 2], min_df: 2, max_df: 0.5, sublinear_tf: true },
      mlp: { mode: 'tfidf', stopWords: 'english', ngram: [1, 2], minDf: { count: 2 }, maxDf: { fraction: 0.5 }, sublinearTf: true },
    },
    { sk: { binary: true, smooth_idf: false, norm: 'l1', min_df: 0.01 }, mlp: { mode: 'tfidf', binary: true, smoothIdf: false, norm: 'l1', minDf: { fraction: 0.01 } } },
  ];
  const ref = reference({ text: { docs, configs: configs.map((c) => c.sk) } });

  it('reads every document', () => {
    expect(docs.length).toBe(6046);
  });

  configs.forEach((cfg, c) => {
    it(`config ${JSON.stringify(cfg.sk)}`, () => {
      const r = ref.text[c];
      const state = fitText(docs, 'text', cfg.mlp);
      expect(state.vocabulary.length).toBe(r.vocabulary.length);
      expect(state.vocabulary).toEqual(r.vocabulary);
      state.idf!.forEach((v, k) => expectRel(v, r.idf[k], 'idf', k));
      const m = (applyText(JSON.parse(JSON.stringify(state)), docs) as { matrix: SparseMatrix }).matrix;
      expectSame(m.indptr, r.indptr, 'indptr');
      expectSame(m.indices, r.indices, 'indices');
      m.data.forEach((v, p) => expectRel(v, r.data[p], 'weight', p));
    }, 120_000);
  });
});
