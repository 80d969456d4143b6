import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvError, readCsvSample } from '../../src/runtime/data/csv.ts';
import { inferColumns } from '../../src/runtime/data/infer.ts';
import { loadFrame, type ColumnSpec } from '../../src/runtime/data/load.ts';
import { parseNumberBytes } from '../../src/runtime/data/parse.ts';
import { CsvScanner, decodeField, END, NEED_MORE, firstInvalidUtf8 } from '../../src/runtime/data/scanner.ts';
import type { Frame } from '../../src/runtime/data/frame.ts';

const DATA = path.resolve(fileURLToPath(new URL('../..', import.meta.url)), '../shared/datasets');
const data = (name: string): string => path.join(DATA, name);
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'mlp-csv-test-'));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

let fileNo = 0;
function tmpFile(content: string | Buffer, ext = '.csv'): string {
  const f = path.join(TMP, `t${fileNo++}${ext}`);
  fs.writeFileSync(f, content);
  return f;
}

/** Loads every column with its inferred type. */
async function loadAll(file: string): Promise<Frame> {
  const schema: ColumnSpec[] = inferColumns(readCsvSample(file)).map((p) => ({ name: p.name, type: p.type }));
  return (await loadFrame(file, schema)).frame;
}

function texts(frame: Frame, name: string): (string | null)[] {
  const col = frame.columns.get(name)!;
  if (col.kind !== 'text') throw new Error('not text');
  return col.values;
}

async function loadError(file: string, schema: ColumnSpec[]): Promise<CsvError> {
  const err = await loadFrame(file, schema).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(CsvError);
  return err as CsvError;
}

const SPAM_SHA256 = '28358c6b0836c853c135162fd1890f911d914b03c19febfb5cded4bda993780a';
const spamSchema: ColumnSpec[] = [{ name: 'text', type: 'text' }, { name: 'label', type: 'category' }];

describe('real datasets', () => {
  it.each([
    ['iris.csv', 150, 5], ['breast_cancer.csv', 569, 31], ['digits.csv', 1797, 65], ['diabetes.csv', 442, 11],
    ['penguins.csv', 344, 8], ['credit.csv', 4454, 14], ['spam.csv', 6046, 2],
  ])('%s loads %i rows × %i columns', async (name, rows, cols) => {
    const frame = await loadAll(data(name));
    expect(frame.rows).toBe(rows);
    expect(frame.names.length).toBe(cols);
  });

  it('keeps iris header names with spaces and brackets', async () => {
    const s = readCsvSample(data('iris.csv'));
    expect(s.header).toEqual(['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)', 'species']);
    const { frame } = await loadFrame(data('iris.csv'), [{ name: 'petal width (cm)', type: 'numeric' }, { name: 'species', type: 'category' }]);
    expect(frame.names).toEqual(['petal width (cm)', 'species']);
    const species = frame.columns.get('species')!;
    expect(species.kind === 'category' && species.levels).toEqual(['setosa', 'versicolor', 'virginica']);
    const pw = frame.columns.get('petal width (cm)')!;
    expect(pw.kind === 'numeric' && [pw.values[0], pw.values[149]]).toEqual([0.2, 1.8]);
  });

  it('round-trips the multi-line, non-ASCII spam texts exactly', async () => {
    const { frame } = await loadFrame(data('spam.csv'), spamSchema);
    const t = texts(frame, 'text') as string[];
    expect(t.length).toBe(6046);
    expect(createHash('sha256').update(t.join('\x00'), 'utf8').digest('hex')).toBe(SPAM_SHA256);
    expect(t[0].startsWith('Re: New Sequences Window\n\nDate: Wed, 21 Aug 2002 10:54:46 -0500 From: Chris Garrigues')).toBe(true);
    expect(t[0].length).toBe(1579);
    expect(t[3938].startsWith('日本語の件名（サブジェクト） スパムメールではありません！\n\nOpenText社')).toBe(true);
    expect(t[3938].length).toBe(524);
    expect(t[6045].startsWith('[ILUG] WILSON KAMELA\n\nATTN:SIR/MADAN STRICTLY CONFIDENTIAL.')).toBe(true);
    const label = frame.columns.get('label')!;
    expect(label.kind === 'category' && [label.levels, label.codes[0], label.codes[6045]]).toEqual([['ham', 'spam'], 0, 1]);
  });

  it('marks missing cells: penguins categoricals and numbers', async () => {
    const { frame } = await loadFrame(data('penguins.csv'), [{ name: 'sex', type: 'category' }, { name: 'bill_length_mm', type: 'numeric' }]);
    const sex = frame.columns.get('sex')!, bill = frame.columns.get('bill_length_mm')!;
    expect(sex.kind === 'category' && sex.codes.filter((c) => c === -1).length).toBe(11);
    expect(bill.kind === 'numeric' && bill.values.filter((v) => Number.isNaN(v)).length).toBe(2);
  });
});

describe('readCsvSample', () => {
  it('reads only what it needs', () => {
    const s = readCsvSample(data('spam.csv'), 10);
    expect(s.rows.length).toBe(10);
    expect(s.truncated).toBe(true);
    expect(s.bytesRead).toBeLessThan(fs.statSync(data('spam.csv')).size / 50);
    expect(s.lines.slice(0, 3)).toEqual([2, 5, 8]);
    expect(s.problems).toEqual([]);
  });

  it('reports truncation only when rows remain', () => {
    expect(readCsvSample(data('iris.csv'), 150).truncated).toBe(false);
    expect(readCsvSample(data('iris.csv'), 149).truncated).toBe(true);
  });

  it('throws CsvErrors for file and header problems', () => {
    const cases: [string, RegExp, string | undefined][] = [
      [path.join(TMP, 'nope.csv'), /file not found/, undefined],
      [tmpFile(''), /file is empty/, undefined],
      [tmpFile('\na,b\n'), /header line is empty/, undefined],
      [tmpFile('a,b,a\n1,2,3\n'), /duplicate column name 'a' \(columns 1 and 3\)/, 'a'],
      [tmpFile('a,,c\n1,2,3\n'), /column 2 has an empty name/, '#2'],
      [TMP, /directory/, undefined],
    ];
    for (const [file, re, column] of cases) {
      let err: unknown;
      try { readCsvSample(file); } catch (e) { err = e; }
      expect(err, file).toBeInstanceOf(CsvError);
      expect((err as CsvError).file).toBe(file);
      expect((err as CsvError).reason).toMatch(re);
      expect((err as CsvError).column).toBe(column);
    }
  });

  it('returns record problems without stopping', () => {
    const s = readCsvSample(tmpFile('a,b\n1,2\n3\n4,5\n'));
    expect(s.rows).toEqual([['1', '2'], ['3'], ['4', '5']]);
    expect(s.problems.map((p) => [p.row, p.line, p.column])).toEqual([[2, 3, 'b']]);
  });

  it('stops at a runaway quote within its byte budget', () => {
    const f = tmpFile('a,b\n1,"x\n' + 'y,z\n'.repeat(100_000));
    const s = readCsvSample(f, 1000, { maxRecordBytes: 10_000 });
    expect(s.bytesRead).toBeLessThan(100_000);
    expect(s.truncated).toBe(true);
    expect(s.problems[0].reason).toMatch(/unterminated quote/);
  });
});

describe('format details', () => {
  it('handles CRLF, a BOM, quotes, embedded newlines and a missing final newline', () => {
    const f = tmpFile('\ufeffname,"note, with comma"\r\n"a ""q""","line1\r\nline2"\r\nb,\r\n"c",x');
    const s = readCsvSample(f);
    expect(s.header).toEqual(['name', 'note, with comma']);
    expect(s.rows).toEqual([['a "q"', 'line1\r\nline2'], ['b', ''], ['c', 'x']]);
    expect(s.lines).toEqual([2, 4, 5]);
  });

  it('supports another delimiter and skips empty lines', async () => {
    const f = tmpFile('x;y\n1;a\n\n2;"b;c"\n');
    const { frame } = await loadFrame(f, [{ name: 'x', type: 'integer' }, { name: 'y', type: 'text' }], { delimiter: ';' });
    expect(frame.rows).toBe(2);
    expect(texts(frame, 'y')).toEqual(['a', 'b;c']);
  });

  it('keeps empty lines of a one-column file as missing values', async () => {
    const { frame } = await loadFrame(tmpFile('x\n1\n\n3\n'), [{ name: 'x', type: 'numeric' }]);
    const x = frame.columns.get('x')!;
    expect(x.kind === 'numeric' && Array.from(x.values)).toEqual([1, NaN, 3]);
  });

  it('loads every column type', async () => {
    const f = tmpFile('n,i,b,d,c,t\n1.5,2,yes,2024-02-29,"b",hello\nNA,-3,F,2024-03-01T12:30:00Z,a,\n1e-5,4.0,1,2024-03-01 00:00:00+01:00,b,"x ""y"""\n');
    const schema: ColumnSpec[] = [
      { name: 'n', type: 'numeric' }, { name: 'i', type: 'integer' }, { name: 'b', type: 'boolean' },
      { name: 'd', type: 'date' }, { name: 'c', type: 'category' }, { name: 't', type: 'text' },
    ];
    const { frame } = await loadFrame(f, schema);
    const get = (name: string): unknown => {
      const col = frame.columns.get(name)!;
      return col.kind === 'category' ? [col.levels, Array.from(col.codes)] : col.kind === 'text' ? col.values : Array.from(col.values);
    };
    expect(get('n')).toEqual([1.5, NaN, 1e-5]);
    expect(get('i')).toEqual([2, -3, 4]);
    expect(get('b')).toEqual([1, 0, 1]);
    expect(get('d')).toEqual([Date.UTC(2024, 1, 29), Date.UTC(2024, 2, 1, 12, 30), Date.UTC(2024, 1, 29, 23)]);
    expect(get('c')).toEqual([['a', 'b'], [1, 0, 1]]);
    expect(get('t')).toEqual(['hello', null, 'x "y"']);
  });

  it('uses declared category levels in their order', async () => {
    const f = tmpFile('c\nlow\nhigh\n\nmid\n');
    const { frame } = await loadFrame(f, [{ name: 'c', type: 'category', levels: ['low', 'mid', 'high'] }]);
    const c = frame.columns.get('c')!;
    expect(c.kind === 'category' && [c.levels, Array.from(c.codes)]).toEqual([['low', 'mid', 'high'], [0, 2, -1, 1]]);
  });

  it('sorts numeric-looking category levels numerically', async () => {
    const { frame } = await loadFrame(tmpFile('c\n10\n2\n1\n'), [{ name: 'c', type: 'category' }]);
    const c = frame.columns.get('c')!;
    expect(c.kind === 'category' && [c.levels, Array.from(c.codes)]).toEqual([['1', '2', '10'], [2, 1, 0]]);
  });

  it('reads gzip by suffix and by magic bytes, streaming and sampled', async () => {
    const gz = zlib.gzipSync(fs.readFileSync(data('spam.csv')));
    for (const f of [tmpFile(gz, '.csv.gz'), tmpFile(gz, '.csv')]) {
      const { frame } = await loadFrame(f, spamSchema);
      expect(frame.rows).toBe(6046);
      expect(createHash('sha256').update((texts(frame, 'text') as string[]).join('\x00'), 'utf8').digest('hex')).toBe(SPAM_SHA256);
      const s = readCsvSample(f, 10);
      expect(s.rows.length).toBe(10);
      expect(s.bytesRead).toBeLessThan(gz.length / 10);
      expect(s.rows[0][0]).toBe(readCsvSample(data('spam.csv'), 1).rows[0][0]);
    }
  });

  it('reports broken gzip as a CsvError', async () => {
    const gz = zlib.gzipSync(fs.readFileSync(data('iris.csv')));
    gz[gz.length >> 1] ^= 0xff;
    gz[(gz.length >> 1) + 1] ^= 0xff;
    const f = tmpFile(gz, '.csv.gz');
    const err = await loadError(f, [{ name: 'species', type: 'category' }]);
    expect(err.reason).toMatch(/gzip/);
    expect(() => readCsvSample(f)).toThrow(CsvError);
  });
});

describe('malformed input', () => {
  const schema: ColumnSpec[] = [{ name: 'a', type: 'numeric' }, { name: 'b', type: 'text' }, { name: 'c', type: 'numeric' }];
  const cases: [string, string | Buffer, number, number, string, RegExp][] = [
    ['ragged row (short)', 'a,b,c\n1,x,2\n3,y\n', 2, 3, 'c', /2 fields but the header has 3/],
    ['ragged row (long)', 'a,b,c\n1,x,2\n3,y,4,5\n', 2, 3, '#4', /4 fields but the header has 3/],
    ['unterminated quote', 'a,b,c\n1,x,2\n3,"y\n4,z,5\n', 2, 3, 'b', /unterminated quoted field/],
    ['text after a closing quote', 'a,b,c\n1,"x"y,2\n', 1, 2, 'b', /after a closing quote/],
    ['bad number', 'a,b,c\n1,"multi\nline",2\n3,y,abc\n', 2, 4, 'c', /value 'abc' does not parse as numeric/],
    ['invalid UTF-8', Buffer.concat([Buffer.from('a,b,c\n1,x,2\n3,'), Buffer.from([0x66, 0xc3, 0x28]), Buffer.from(',4\n')]), 2, 3, 'b', /invalid UTF-8/],
    ['lone continuation byte', Buffer.concat([Buffer.from('a,b,c\n1,x,2\n3,y,4\n5,"'), Buffer.from([0x80]), Buffer.from('",6\n')]), 3, 4, 'b', /invalid UTF-8/],
  ];
  it.each(cases)('%s: names file, row, line and column', async (_, content, row, line, column, re) => {
    const f = tmpFile(content);
    const err = await loadError(f, schema);
    expect([err.file, err.row, err.line, err.column]).toEqual([f, row, line, column]);
    expect(err.reason).toMatch(re);
    expect(err.message).toContain(`${f}:${line}: row ${row}, column '${column}': `);
  });

  it('skips and counts bad rows in skip mode', async () => {
    const f = tmpFile('a,b,c\n1,x,2\n3,y\nbad,z,4\n5,w,6\n7,"v"!,8\n9,u,10\n');
    const { frame, badRows } = await loadFrame(f, schema, { onBadRows: 'skip' });
    expect(frame.rows).toBe(3);
    expect(texts(frame, 'b')).toEqual(['x', 'w', 'u']);
    expect(badRows.count).toBe(3);
    expect(badRows.first.map((e) => [e.row, e.column])).toEqual([[2, 'c'], [3, 'a'], [5, 'b']]);
  });

  it('does not keep category levels from skipped rows', async () => {
    const f = tmpFile('k,v\nA,1\nB,oops\nC,2\n');
    const { frame, badRows } = await loadFrame(f, [{ name: 'k', type: 'category' }, { name: 'v', type: 'integer' }], { onBadRows: 'skip' });
    const k = frame.columns.get('k')!;
    expect(k.kind === 'category' && k.levels).toEqual(['A', 'C']);
    expect(badRows.count).toBe(1);
  });

  it('rejects values outside declared levels, non-integers, bad booleans and dates', async () => {
    const f = tmpFile('c,i,b,d\nx,1,yes,2020-01-01\nz,1.5,maybe,2020-02-30\n');
    const one = async (spec: ColumnSpec): Promise<string> => (await loadError(f, [spec])).reason;
    expect(await one({ name: 'c', type: 'category', levels: ['x', 'y'] })).toMatch(/'z' is not one of the declared levels/);
    expect(await one({ name: 'i', type: 'integer' })).toMatch(/'1.5' does not parse as integer/);
    expect(await one({ name: 'b', type: 'boolean' })).toMatch(/'maybe' does not parse as boolean/);
    expect(await one({ name: 'd', type: 'date' })).toMatch(/'2020-02-30' does not parse as date/);
  });

  it('names a schema column missing from the file', async () => {
    const err = await loadError(data('iris.csv'), [{ name: 'sepal length', type: 'numeric' }]);
    expect(err.column).toBe('sepal length');
    expect(err.reason).toMatch(/not in the file/);
  });

  it('honours custom missing markers', async () => {
    const f = tmpFile('a\n1\n-999\nNA\n');
    await expect(loadFrame(f, [{ name: 'a', type: 'integer' }], { missing: ['-999'] })).rejects.toThrow(/'NA' does not parse/);
    const { frame } = await loadFrame(f, [{ name: 'a', type: 'integer' }], { missing: ['-999', 'NA'] });
    const a = frame.columns.get('a')!;
    expect(a.kind === 'numeric' && Array.from(a.values)).toEqual([1, NaN, NaN]);
  });
});

/** Reference writer: quotes fields containing a delimiter, quote, CR or LF. */
function writeCsv(table: string[][], eol: string): string {
  const q = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  return table.map((r) => r.map(q).join(',') + eol).join('');
}

/** Scans a buffer fed in pieces of `chunk` bytes; returns all records as strings. */
function scanInChunks(bytes: Buffer, chunk: number): string[][] {
  const sc = new CsvScanner(0x2c, chunk);
  const out: string[][] = [];
  let pos = 0;
  for (;;) {
    const r = sc.next(pos >= bytes.length);
    if (r === END) return out;
    if (r === NEED_MORE) {
      sc.reserve();
      const n = bytes.copy(sc.buf, sc.end, pos, Math.min(bytes.length, pos + chunk, pos + sc.buf.length - sc.end));
      pos += n;
      sc.commit(n);
      continue;
    }
    const rec: string[] = [];
    for (let i = 0; i < sc.fieldCount; i++) rec.push(decodeField(sc.buf, sc.fieldStart[i], sc.fieldEnd[i], sc.fieldFlags[i]));
    out.push(rec);
  }
}

describe('properties', () => {
  const cell = fc.oneof(
    fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', 'é', '日', '😀') }),
    fc.string({ unit: 'grapheme' }),
  );
  const table = fc.integer({ min: 1, max: 5 }).chain((cols) => fc.tuple(
    fc.uniqueArray(fc.string({ minLength: 1, unit: fc.constantFrom('x', 'y', ' ', ',', '"', '(') }).filter((s) => s.trim() !== ''),
      { minLength: cols, maxLength: cols }),
    fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { maxLength: 20 }),
  ));

  it('reads back what a reference writer wrote', () => {
    fc.assert(fc.property(table, fc.constantFrom('\n', '\r\n'), ([header, rows], eol) => {
      const f = tmpFile(writeCsv([header, ...rows], eol));
      const s = readCsvSample(f, 1000);
      expect(s.header).toEqual(header);
      expect(s.rows).toEqual(rows);
      expect(s.problems).toEqual([]);
    }), { numRuns: 300 });
  });

  it('gives the same records whatever the chunk size', () => {
    fc.assert(fc.property(table, fc.integer({ min: 1, max: 16 }), ([header, rows], chunk) => {
      const bytes = Buffer.from('\ufeff' + writeCsv([header, ...rows], '\r\n'));
      expect(scanInChunks(bytes, chunk)).toEqual(scanInChunks(bytes, 1 << 16));
    }), { numRuns: 300 });
  });

  it('parses numbers exactly like Number()', () => {
    const decimal = fc.tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^\d{0,12}$/), fc.boolean(), fc.stringMatching(/^\d{0,12}$/))
      .map(([s, i, dot, f]) => `${s}${i}${dot ? '.' : ''}${dot ? f : ''}`);
    const text = fc.oneof(fc.double().map(String), fc.double().map((x) => x.toExponential()), decimal);
    fc.assert(fc.property(text, (t) => {
      const expected = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : t.includes('Infinity') ? Number(t) : NaN;
      expect(Object.is(parseNumberBytes(Buffer.from(t), 0, t.length), expected)).toBe(true);
    }), { numRuns: 20_000 });
  });

  it('finds the first invalid UTF-8 byte exactly when the native check fails', () => {
    const bytes = fc.uint8Array({ maxLength: 24 }).map((a) => Buffer.from(a));
    fc.assert(fc.property(bytes, (b) => {
      const at = firstInvalidUtf8(b, 0, b.length);
      expect(at === -1).toBe(isUtf8(b));
      if (at >= 0) expect(isUtf8(b.subarray(0, at))).toBe(true);
    }), { numRuns: 20_000 });
  });
});
