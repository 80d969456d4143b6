/**
 * CSV reading front end: the synchronous sample reader used by the checker
 * and the language server, plus header validation shared with the loader.
 *
 * Format: RFC 4180 (comma by default, configurable single-byte delimiter),
 * quoted fields with embedded delimiters, doubled quotes and newlines, LF,
 * CRLF or CR line ends, optional UTF-8 BOM, UTF-8 text (validated), gzip by
 * `.gz` suffix or magic bytes. A quote inside an unquoted field is literal.
 * Empty lines are skipped unless the file has a single column (where an
 * empty line is a missing value).
 *
 * Error style: file-level and header-level problems (missing or unreadable
 * file, broken gzip, empty file or header, empty or duplicate column names)
 * are thrown as CsvError; problems inside the sampled records (ragged rows,
 * bad quoting, invalid UTF-8) do not stop the sample and are returned in
 * `CsvSample.problems`, also as CsvErrors.
 */
import { CsvError } from './csv-error.ts';
import { CsvScanner, decodeField, END, NEED_MORE, RECORD } from './scanner.ts';
import { openSync } from './source.ts';

export { CsvError } from './csv-error.ts';

/** Missing-value markers used when none are configured (the empty field is always missing). */
export const DEFAULT_MISSING: readonly string[] = ['', 'NA', 'N/A', 'NaN', 'null', '?'];

export interface CsvOptions {
  /** single ASCII character; default ',' */
  delimiter?: string;
}

export interface SampleOptions extends CsvOptions {
  /** a record longer than this stops the sample (default 4 MiB) */
  maxRecordBytes?: number;
}

export interface CsvSample {
  header: string[];
  /** the first records, as decoded strings (ragged rows kept as they are) */
  rows: string[][];
  /** physical line where each row starts */
  lines: number[];
  /** true if the file has more records than were sampled */
  truncated: boolean;
  /** bytes read from disk (compressed bytes for gzip) */
  bytesRead: number;
  /** problems found in the sampled records (at most 100) */
  problems: CsvError[];
}

const MAX_PROBLEMS = 100;

/** Validates a delimiter option and returns its byte. */
export function delimiterByte(file: string, delimiter = ','): number {
  const b = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || b > 0x7f || b === 0x22 || b === 0x0a || b === 0x0d) {
    throw new CsvError({ file }, `invalid delimiter ${JSON.stringify(delimiter)}: must be one ASCII character other than quote or newline`);
  }
  return b;
}

/** Name of column i for messages: its header name, or #k when it has none. */
export function columnLabel(header: readonly string[], i: number): string {
  return header[i] ? header[i] : `#${i + 1}`;
}

/** Decodes and validates the header record the scanner just returned. */
export function readHeader(file: string, sc: CsvScanner, result: number): string[] {
  if (result !== RECORD) throw new CsvError({ file }, 'file is empty: expected a header line');
  const at = { file, line: sc.line };
  if (sc.blank) throw new CsvError(at, 'header line is empty');
  if (sc.malformed) throw new CsvError({ ...at, column: `#${sc.malformedField + 1}` }, `header: ${sc.malformed}`);
  if (sc.badUtf8Field >= 0) throw new CsvError({ ...at, column: `#${sc.badUtf8Field + 1}` }, 'header: invalid UTF-8');
  const names: string[] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < sc.fieldCount; i++) {
    const name = decodeField(sc.buf, sc.fieldStart[i], sc.fieldEnd[i], sc.fieldFlags[i]);
    if (name.trim() === '') throw new CsvError({ ...at, column: `#${i + 1}` }, `column ${i + 1} has an empty name in the header`);
    const prev = seen.get(name);
    if (prev !== undefined) {
      throw new CsvError({ ...at, column: name }, `duplicate column name '${name}' (columns ${prev + 1} and ${i + 1})`);
    }
    seen.set(name, i);
    names.push(name);
  }
  return names;
}

/** Describes what is wrong with the shape of the scanner's current record (data row `row`), or null. */
export function recordProblem(file: string, sc: CsvScanner, header: readonly string[], row: number): CsvError | null {
  const at = { file, row, line: sc.line };
  if (sc.malformed) return new CsvError({ ...at, column: columnLabel(header, sc.malformedField) }, sc.malformed);
  if (sc.badUtf8Field >= 0) return new CsvError({ ...at, column: columnLabel(header, sc.badUtf8Field) }, 'invalid UTF-8');
  if (sc.fieldCount !== header.length) {
    const k = Math.min(sc.fieldCount, header.length);
    return new CsvError({ ...at, column: columnLabel(header, k) },
      `record has ${sc.fieldCount} field${sc.fieldCount === 1 ? '' : 's'} but the header has ${header.length}`);
  }
  return null;
}

/**
 * Reads the header and the first maxRows records of a CSV file synchronously,
 * reading only as many bytes as needed (64 KiB chunks). Throws CsvError for
 * file- and header-level problems; see CsvSample.problems for the rest.
 */
export function readCsvSample(path: string, maxRows = 1000, options: SampleOptions = {}): CsvSample {
  const sc = new CsvScanner(delimiterByte(path, options.delimiter), 64 << 10);
  const maxRecordBytes = options.maxRecordBytes ?? 4 << 20;
  const src = openSync(path);
  let eof = false;
  const next = (): number => {
    for (;;) {
      const r = sc.next(eof);
      if (r !== NEED_MORE || sc.pending() > maxRecordBytes) return r;
      sc.reserve();
      const n = src.read(sc.buf, sc.end, sc.buf.length - sc.end);
      if (n === 0) eof = true; else sc.commit(n);
    }
  };
  try {
    const first = next();
    if (first === NEED_MORE) throw new CsvError({ file: path, line: 1 }, `header line is longer than ${maxRecordBytes} bytes`);
    const header = readHeader(path, sc, first);
    const rows: string[][] = [], lines: number[] = [], problems: CsvError[] = [];
    let truncated = false;
    for (;;) {
      const r = next();
      if (r === END) break;
      if (r === NEED_MORE) {
        problems.push(new CsvError({ file: path, row: rows.length + 1, line: sc.pendingLine() },
          `record is longer than ${maxRecordBytes} bytes (an unterminated quote?); sampling stopped here`));
        truncated = true;
        break;
      }
      if (sc.blank && header.length > 1) continue;
      if (rows.length === maxRows) { truncated = true; break; }
      const problem = recordProblem(path, sc, header, rows.length + 1);
      if (problem && problems.length < MAX_PROBLEMS) problems.push(problem);
      const row: string[] = new Array(sc.fieldCount);
      for (let i = 0; i < sc.fieldCount; i++) row[i] = decodeField(sc.buf, sc.fieldStart[i], sc.fieldEnd[i], sc.fieldFlags[i]);
      rows.push(row);
      lines.push(sc.line);
    }
    return { header, rows, lines, truncated, bytesRead: src.bytesRead, problems };
  } finally {
    src.close();
  }
}
