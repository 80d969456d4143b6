/**
 * Rule-test helpers in the style of graphql-js: `expectValid(src)` and
 * `expectErrors(src, [...])` analyse a snippet as if it were a file inside
 * examples/penguins, so `csv("penguins.csv")` resolves. Codes asserted
 * through these helpers are collected in `assertedCodes` (see coverage.test.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { analyze, type Analysis } from '../../src/semantics/analyze.ts';
import { SchemaCache } from '../../src/semantics/schema.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const penguinsDir = path.join(repoRoot, 'examples/penguins');
/** The snippet's pretend path: data paths resolve from examples/penguins. */
export const snippetFile = path.join(penguinsDir, '__snippet__.mlp');

/** A valid data source and problem (2 lines), so rule tests stay tiny: snippet line 3 is the first line after it. */
export const header = 'data penguins = csv("penguins.csv")\nproblem classification { target = species }\n';
/** A feature and a model that use it (2 lines); `header + minimal` is a valid file. */
export const minimal = 'features { size = standardize(bill_length_mm) }\nmodels { knn = knn() }\n';

export interface ExpectedDiagnostic {
  code: string;
  line: number;
  column?: number;
  message?: string;
  severity?: 'error' | 'warning' | 'info';
  hint?: string;
}

export interface SnippetOptions {
  /** analyse as if the file lived in this folder (for tests that write their own CSVs) */
  dir?: string;
}

const schemas = new SchemaCache();
/** Every code some test asserted through `expectErrors` / `expectCode`. */
export const assertedCodes = new Set<string>();

export function analyzeSnippet(src: string, options: SnippetOptions = {}): Analysis {
  return analyze(src, { file: options.dir ? path.join(options.dir, '__snippet__.mlp') : snippetFile, schemas });
}

type Actual = Required<Omit<ExpectedDiagnostic, 'hint'>> & { hint?: string };

function actualDiagnostics(a: Analysis): Actual[] {
  return a.diagnostics.map((d) => {
    const p = a.lines.position1(d.span.start);
    return { code: d.code, line: p.line, column: p.column, message: d.message, severity: d.severity, ...(d.hint ? { hint: d.hint } : {}) };
  });
}

/** The snippet has no diagnostics at all (errors, warnings or infos). */
export function expectValid(src: string, options?: SnippetOptions): Analysis {
  const a = analyzeSnippet(src, options);
  expect(actualDiagnostics(a)).toEqual([]);
  return a;
}

/**
 * The snippet has exactly these diagnostics, in document order. Only the
 * fields given are compared (code and line always; column, message,
 * severity and hint when present).
 */
export function expectErrors(src: string, expected: ExpectedDiagnostic[], options?: SnippetOptions): Analysis {
  for (const e of expected) assertedCodes.add(e.code);
  const a = analyzeSnippet(src, options);
  const actual = actualDiagnostics(a);
  const projected = actual.map((d, i) => {
    const keys = Object.keys(expected[i] ?? { code: 1, line: 1, column: 1, message: 1 }) as (keyof Actual)[];
    return Object.fromEntries(keys.map((k) => [k, d[k]]));
  });
  expect(projected, `all diagnostics:\n${actual.map((d) => `  ${d.line}:${d.column} ${d.code} ${d.message}`).join('\n')}`).toEqual(expected);
  return a;
}

/** The snippet reports `code` at least once (other diagnostics allowed). */
export function expectCode(src: string, code: string, options?: SnippetOptions): Analysis {
  assertedCodes.add(code);
  const a = analyzeSnippet(src, options);
  expect(a.diagnostics.map((d) => d.code)).toContain(code);
  return a;
}

/** The snippet does not report `code` (a near miss; other diagnostics allowed). */
export function expectNoCode(src: string, code: string, options?: SnippetOptions): Analysis {
  const a = analyzeSnippet(src, options);
  expect(a.diagnostics.filter((d) => d.code === code).map((d) => d.message)).toEqual([]);
  return a;
}

/** A fresh temp folder holding the given files (e.g. odd CSVs); removed by the returned cleanup. */
export function tempDir(files: Record<string, string | Buffer>): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlp-test-'));
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(dir, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
