/**
 * The checker's view of a data source: the header and column profiles from
 * a bounded sample (never the whole file), cached by path, size and mtime so
 * the language server can re-check on every keystroke.
 */
import fs from 'node:fs';
import { readCsvSample, CsvError, DEFAULT_MISSING } from '../runtime/data/csv.ts';
import { inferColumns, type ColumnProfile } from '../runtime/data/infer.ts';

export const SAMPLE_ROWS = 1000;

export type SourceSchema =
  | { ok: true; path: string; profiles: ColumnProfile[]; sampledRows: number; truncated: boolean }
  | { ok: false; path: string; error: CsvError; notFound: boolean };

export interface SchemaOptions {
  missing?: readonly string[];
  delimiter?: string;
}

/** Reads schemas from disk, memoised on (path, options, size, mtime). */
export class SchemaCache {
  private readonly entries = new Map<string, { stamp: string; schema: SourceSchema }>();

  load(path: string, options: SchemaOptions = {}): SourceSchema {
    let stamp: string;
    try {
      const st = fs.statSync(path);
      stamp = `${st.size}:${st.mtimeMs}`;
    } catch {
      stamp = 'missing';
    }
    const key = `${path}\0${JSON.stringify(options)}`;
    const hit = this.entries.get(key);
    if (hit && hit.stamp === stamp) return hit.schema;
    const schema = readSchema(path, options);
    this.entries.set(key, { stamp, schema });
    return schema;
  }
}

/** Reads one source's header and sample and profiles its columns. */
export function readSchema(path: string, options: SchemaOptions = {}): SourceSchema {
  try {
    const sample = readCsvSample(path, SAMPLE_ROWS, { delimiter: options.delimiter });
    const profiles = inferColumns(sample, { missing: options.missing ?? DEFAULT_MISSING });
    return { ok: true, path, profiles, sampledRows: sample.rows.length, truncated: sample.truncated };
  } catch (err) {
    const error = err instanceof CsvError ? err : new CsvError({ file: path }, String((err as Error)?.message ?? err));
    return { ok: false, path, error, notFound: /not found/.test(error.reason) };
  }
}
