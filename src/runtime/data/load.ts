/**
 * Streaming CSV → Frame loader. Only the columns named in the schema are
 * stored; input is read in 1 MiB chunks (gzip inflated as it streams), so
 * memory is the output columns plus the longest record.
 *
 * Column storage: numeric/integer/boolean(0/1)/date(epoch ms UTC) in a
 * Float64Array (missing = NaN), category as Int32Array codes (missing = -1)
 * into levels (the schema's levels in their order if given, else the distinct
 * values sorted by sortLevels: numerically if all are numbers), text as
 * string | null. A Float64Array/Int32Array may be a view on a buffer up to
 * 1/16 larger than needed.
 *
 * Integer columns accept any number with an integral value ("3", "3.0", "3e2").
 * A value equal to a missing marker (after undoing CSV quoting) is missing
 * in every column type, and the empty field always is.
 *
 * Bad rows (ragged, malformed quoting, invalid UTF-8, a value that does not
 * parse, a category value outside declared levels) reject with a CsvError
 * naming file, row, line and column, or with onBadRows 'skip' are dropped and
 * counted. File-level problems (unreadable file, broken gzip, bad header, a
 * schema column missing from the file, a record over 256 MiB) always reject.
 */
import { CsvError } from './csv-error.ts';
import { DEFAULT_MISSING, columnLabel, delimiterByte, readHeader, recordProblem, type CsvOptions } from './csv.ts';
import type { Column, ColumnType, Frame } from './frame.ts';
import { parseBoolean, parseDate, parseNumber, parseNumberBytes, sortLevels } from './parse.ts';
import { CsvScanner, decodeField, END, NEED_MORE, QUOTED_ESCAPES } from './scanner.ts';
import { openAsync } from './source.ts';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** category only: the allowed values, in code order */
  levels?: string[];
}

export interface LoadOptions extends CsvOptions {
  /** missing-value markers; default DEFAULT_MISSING (the empty field is always missing) */
  missing?: readonly string[];
  /** default 'error' */
  onBadRows?: 'error' | 'skip';
}

export interface LoadResult {
  frame: Frame;
  /** rows dropped with onBadRows 'skip' and the first 10 reasons */
  badRows: { count: number; first: CsvError[] };
}

const MAX_RECORD_BYTES = 256 << 20;
const FIRST_CAPACITY = 4096;

const K_NUMERIC = 0, K_INTEGER = 1, K_BOOLEAN = 2, K_DATE = 3, K_CATEGORY = 4, K_TEXT = 5;
const KINDS: Record<ColumnType, number> = {
  numeric: K_NUMERIC, integer: K_INTEGER, boolean: K_BOOLEAN, date: K_DATE, category: K_CATEGORY, text: K_TEXT,
};

/** Byte-level matcher for missing-value markers. */
class MissingMarkers {
  private readonly markers: Buffer[];
  private readonly maxLength: number;

  constructor(markers: readonly string[]) {
    this.markers = markers.filter((m) => m !== '').map((m) => Buffer.from(m, 'utf8'));
    this.maxLength = Math.max(0, ...this.markers.map((m) => m.length));
  }

  has(buf: Buffer, s: number, e: number, flags: number): boolean {
    const len = e - s;
    if (len === 0) return true;
    if (len > this.maxLength) return false;
    if (flags & QUOTED_ESCAPES) {
      const text = decodeField(buf, s, e, flags);
      return this.markers.some((m) => m.toString('utf8') === text);
    }
    outer: for (const m of this.markers) {
      if (m.length !== len) continue;
      for (let k = 0; k < len; k++) if (buf[s + k] !== m[k]) continue outer;
      return true;
    }
    return false;
  }
}

/** Streams a CSV file into a Frame holding the schema's columns (see the module comment for the rules). */
export async function loadFrame(path: string, schema: readonly ColumnSpec[], options: LoadOptions = {}): Promise<LoadResult> {
  const sc = new CsvScanner(delimiterByte(path, options.delimiter));
  const missing = new MissingMarkers(options.missing ?? DEFAULT_MISSING);
  const numericMarkers = (options.missing ?? DEFAULT_MISSING).some((m) => !Number.isNaN(parseNumber(m)));
  const skip = options.onBadRows === 'skip';
  const src = await openAsync(path);
  let eof = false;
  const fill = async (): Promise<void> => {
    if (sc.pending() > MAX_RECORD_BYTES) {
      throw new CsvError({ file: path, line: sc.pendingLine() }, `record is longer than ${MAX_RECORD_BYTES >> 20} MiB (an unterminated quote?)`);
    }
    sc.reserve();
    const n = await src.read(sc.buf, sc.end, sc.buf.length - sc.end);
    if (n === 0) eof = true; else sc.commit(n);
  };
  try {
    let r: number;
    while ((r = sc.next(eof)) === NEED_MORE) await fill();
    const header = readHeader(path, sc, r);
    const ncols = header.length;

    // Plan: schema columns in source order.
    const seen = new Set<string>();
    const plan = schema.map((spec) => {
      const index = header.indexOf(spec.name);
      if (index < 0) {
        throw new CsvError({ file: path, line: 1, column: spec.name },
          `column '${spec.name}' is not in the file (its columns: ${header.map((h) => `'${h}'`).join(', ')})`);
      }
      if (seen.has(spec.name)) throw new CsvError({ file: path, column: spec.name }, `column '${spec.name}' is listed twice in the schema`);
      seen.add(spec.name);
      return { spec, index };
    }).sort((a, b) => a.index - b.index);
    const m = plan.length;
    const src_ = Int32Array.from(plan, (p) => p.index);
    const kind = Int32Array.from(plan, (p) => KINDS[p.spec.type]);
    let cap = FIRST_CAPACITY;
    const f64: Float64Array[] = [], i32: Int32Array[] = [], txt: (string | null)[][] = [];
    const catIndex: Map<string, number>[] = [], catLevels: string[][] = [], catFixed: boolean[] = [];
    for (let j = 0; j < m; j++) {
      const k = kind[j];
      if (k <= K_DATE) f64[j] = new Float64Array(cap);
      else if (k === K_CATEGORY) {
        i32[j] = new Int32Array(cap);
        const levels = plan[j].spec.levels;
        catFixed[j] = levels !== undefined;
        catLevels[j] = levels ? [...levels] : [];
        catIndex[j] = new Map(catLevels[j].map((l, c) => [l, c]));
      } else txt[j] = [];
    }

    const badRows = { count: 0, first: [] as CsvError[] };
    const newLevels: number[] = [];
    const dataStart = sc.position();
    const reject = (err: CsvError): void => {
      if (!skip) throw err;
      badRows.count++;
      if (badRows.first.length < 10) badRows.first.push(err);
    };
    // Grow to the row count extrapolated from the bytes per row so far (+2%), by at least 1/8.
    const grow = (n: number): void => {
      const estimate = Math.ceil(((src.estimatedSize() - dataStart) * n * 1.02) / (sc.position() - dataStart)) + 16;
      const next = Math.max(estimate, Math.ceil(cap * 1.125));
      for (let j = 0; j < m; j++) {
        if (f64[j]) { const a = new Float64Array(next); a.set(f64[j]); f64[j] = a; }
        if (i32[j]) { const a = new Int32Array(next); a.set(i32[j]); i32[j] = a; }
      }
      cap = next;
    };

    let n = 0, row = 0;
    for (;;) {
      const res = sc.next(eof);
      if (res === NEED_MORE) { await fill(); continue; }
      if (res === END) break;
      if (sc.blank && ncols > 1) continue;
      row++;
      if (sc.fieldCount !== ncols || sc.malformed !== null || sc.badUtf8Field >= 0) {
        reject(recordProblem(path, sc, header, row)!);
        continue;
      }
      if (n === cap) grow(n);
      const buf = sc.buf, FS = sc.fieldStart, FE = sc.fieldEnd, FF = sc.fieldFlags;
      let bad = -1;
      newLevels.length = 0;
      for (let j = 0; j < m; j++) {
        const i = src_[j], s = FS[i], e = FE[i];
        const k = kind[j];
        if (k === K_NUMERIC || k === K_INTEGER) {
          let v = parseNumberBytes(buf, s, e);
          if (v !== v || numericMarkers) {
            if (missing.has(buf, s, e, FF[i])) v = NaN;
            else if (v !== v) { bad = j; break; }
          }
          if (k === K_INTEGER && v === v && !Number.isInteger(v)) { bad = j; break; }
          f64[j][n] = v;
        } else if (missing.has(buf, s, e, FF[i])) {
          if (k <= K_DATE) f64[j][n] = NaN;
          else if (k === K_CATEGORY) i32[j][n] = -1;
          else txt[j][n] = null;
        } else if (k === K_TEXT) {
          txt[j][n] = decodeField(buf, s, e, FF[i]);
        } else if (k === K_CATEGORY) {
          const text = decodeField(buf, s, e, FF[i]);
          let code = catIndex[j].get(text);
          if (code === undefined) {
            if (catFixed[j]) { bad = j; break; }
            code = catLevels[j].length;
            catLevels[j].push(text);
            catIndex[j].set(text, code);
            newLevels.push(j);
          }
          i32[j][n] = code;
        } else {
          const text = decodeField(buf, s, e, FF[i]);
          const v = k === K_BOOLEAN ? parseBoolean(text) : parseDate(text);
          if (v !== v) { bad = j; break; }
          f64[j][n] = v;
        }
      }
      if (bad < 0) { n++; continue; }
      for (const j of newLevels) catIndex[j].delete(catLevels[j].pop()!);
      const i = src_[bad];
      reject(valueError(path, row, sc.line, columnLabel(header, i), plan[bad].spec, decodeField(sc.buf, FS[i], FE[i], FF[i])));
    }

    const frame: Frame = { rows: n, names: plan.map((p) => p.spec.name), columns: new Map() };
    for (let j = 0; j < m; j++) {
      const spec = plan[j].spec;
      let column: Column;
      if (f64[j]) column = { kind: 'numeric', type: spec.type as 'numeric', values: trim(f64[j], n) };
      else if (i32[j]) column = { kind: 'category', type: 'category', ...finishCategory(trim(i32[j], n), catLevels[j], catFixed[j]) };
      else { txt[j].length = n; column = { kind: 'text', type: 'text', values: txt[j] }; }
      frame.columns.set(spec.name, column);
    }
    return { frame, badRows };
  } finally {
    await src.close();
  }
}

function valueError(file: string, row: number, line: number, column: string, spec: ColumnSpec, text: string): CsvError {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  const reason = spec.type === 'category'
    ? `value '${shown}' is not one of the declared levels (${spec.levels!.map((l) => `'${l}'`).join(', ')})`
    : `value '${shown}' does not parse as ${spec.type}`;
  return new CsvError({ file, row, line, column }, reason);
}

function trim<T extends Float64Array | Int32Array>(a: T, n: number): T {
  if (a.length === n) return a;
  return (a.length - n <= a.length >> 4 ? a.subarray(0, n) : a.slice(0, n)) as T;
}

/** Renumbers first-appearance codes to sorted level order unless the levels were declared. */
function finishCategory(codes: Int32Array, levels: string[], fixed: boolean): { codes: Int32Array; levels: string[] } {
  if (fixed) return { codes, levels };
  const sorted = sortLevels(levels);
  const rank = new Map(sorted.map((l, c) => [l, c]));
  const perm = Int32Array.from(levels, (l) => rank.get(l)!);
  for (let r = 0; r < codes.length; r++) if (codes[r] >= 0) codes[r] = perm[codes[r]];
  return { codes, levels: sorted };
}
