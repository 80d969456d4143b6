/**
 * Per-document, per-version analyses: requests analyse the current version on
 * demand, once, and only the newest analysis of a document is ever handed out
 * (its syntax trees are shared with, and shifted by, the next one).
 */
import { fileURLToPath } from 'node:url';
import { analyze, type Analysis } from '../semantics/analyze.ts';
import { SchemaCache } from '../semantics/schema.ts';
import { ParseCache } from '../syntax/incremental.ts';

/** The file path of a document URI, or undefined for unsaved/remote documents. */
export function uriToFile(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try { return fileURLToPath(uri); } catch { return undefined; }
}

export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; analysis: Analysis; parses: ParseCache }>();

  /** One schema cache for the whole server: CSV samples are read once per (path, size, mtime). */
  constructor(readonly schemas: SchemaCache = new SchemaCache()) {}

  get(uri: string, version: number, text: string): Analysis {
    const hit = this.entries.get(uri);
    if (hit && hit.version === version && hit.analysis.text === text) return hit.analysis;
    // each document keeps its unchanged declarations' syntax trees between versions
    const parses = hit?.parses ?? new ParseCache();
    const analysis = analyze(text, { file: uriToFile(uri), schemas: this.schemas, parses });
    this.entries.set(uri, { version, analysis, parses });
    return analysis;
  }

  /** Files on disk changed: analyse every document again on its next request (keeping the syntax trees). */
  invalidate(): void {
    for (const entry of this.entries.values()) entry.version = Number.NaN;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
