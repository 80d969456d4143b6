/**
 * The one error type of the data layer. Bad user data (missing file, broken
 * gzip, malformed CSV, a value that does not parse) is always reported as a
 * CsvError, never as a raw Node exception.
 *
 * Locations: `row` is the 1-based data record number (the first record after
 * the header is row 1, skipped empty lines do not count; absent for file- and
 * header-level errors), `line` the
 * 1-based physical line where that record starts (records may span lines),
 * `column` the column name (or `#k`, 1-based, when the column has no name).
 * `reason` is the bare message; `message` prefixes it with the location.
 */
export class CsvError extends Error {
  override name = 'CsvError';
  readonly file: string;
  readonly row?: number;
  readonly line?: number;
  readonly column?: string;
  readonly reason: string;

  constructor(at: { file: string; row?: number; line?: number; column?: string }, reason: string) {
    super(formatLocation(at) + reason);
    this.file = at.file;
    if (at.row !== undefined) this.row = at.row;
    if (at.line !== undefined) this.line = at.line;
    if (at.column !== undefined) this.column = at.column;
    this.reason = reason;
  }
}

function formatLocation(at: { file: string; row?: number; line?: number; column?: string }): string {
  let s = at.file;
  if (at.line !== undefined) s += `:${at.line}`;
  const parts: string[] = [];
  if (at.row !== undefined) parts.push(`row ${at.row}`);
  if (at.column !== undefined) parts.push(`column '${at.column}'`);
  return parts.length ? `${s}: ${parts.join(', ')}: ` : `${s}: `;
}

/** Turns a Node file-system or zlib error into a CsvError for `file`. */
export function ioError(file: string, err: unknown): CsvError {
  if (err instanceof CsvError) return err;
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT': return new CsvError({ file }, 'file not found');
    case 'EACCES': case 'EPERM': return new CsvError({ file }, 'permission denied');
    case 'EISDIR': return new CsvError({ file }, 'is a directory, not a file');
    case 'Z_DATA_ERROR': case 'Z_BUF_ERROR': case 'Z_STREAM_ERROR':
      return new CsvError({ file }, `invalid gzip data (${e.message})`);
    default: return new CsvError({ file }, `cannot read file (${e?.message ?? String(err)})`);
  }
}
