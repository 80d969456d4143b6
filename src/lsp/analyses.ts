/** Per-document, per-version analyses: requests analyse the current version on demand, once. */
import { fileURLToPath } from 'node:url';
import { analyze, type Analysis } from '../semantics/analyze.ts';
import { SchemaCache } from '../semantics/schema.ts';

/** The file path of a document URI, or undefined for unsaved/remote documents. */
export function uriToFile(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try { return fileURLToPath(uri); } catch { return undefined; }
}

export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; analysis: Analysis }>();

  /** One schema cache for the whole server: CSV samples are read once per (path, size, mtime). */
  constructor(readonly schemas: SchemaCache = new SchemaCache()) {}

  get(uri: string, version: number, text: string): Analysis {
    const hit = this.entries.get(uri);
    if (hit && hit.version === version && hit.analysis.text === text) return hit.analysis;
    const analysis = analyze(text, { file: uriToFile(uri), schemas: this.schemas });
    this.entries.set(uri, { version, analysis });
    return analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
