/**
 * The one front end: text → AST → checked, lowered IR, with every
 * diagnostic. The CLI, the language server, the interpreter and the code
 * generator all call `analyze`.
 */
import type * as A from '../syntax/ast.ts';
import { parse } from '../syntax/parse.ts';
import type { ParseCache } from '../syntax/incremental.ts';
import { Reporter, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { LineMap } from '../diagnostics/positions.ts';
import { check } from './check.ts';
import type { PipelineIR } from './ir.ts';
import { rules } from './rules/index.ts';
import { SchemaCache, type SourceSchema } from './schema.ts';
import type { Scope } from './scope.ts';

export interface AnalyzeOptions {
  /** absolute path of the .mlp file (data paths are relative to its folder) */
  file?: string;
  /** share one cache across analyses (the language server, benchmarks) */
  schemas?: SchemaCache;
  /** reuse the syntax trees of unchanged declarations from this document's previous parse (the language server) */
  parses?: ParseCache;
}

export interface Analysis {
  text: string;
  file?: string;
  ast: A.File;
  diagnostics: Diagnostic[];
  scope: Scope;
  /** the lowered pipeline; present when the file has no errors */
  ir?: PipelineIR;
  /** whatever could be lowered, even with errors */
  parts: Partial<PipelineIR>;
  schema?: SourceSchema;
  lines: LineMap;
}

const defaultSchemas = new SchemaCache();

/** Analyses one .mlp document; never throws on bad input. */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const reporter = new Reporter();
  const ast = parse(text, reporter, options.parses);
  const lines = new LineMap(text);
  const checked = check(ast, lines, reporter, { file: options.file, schemas: options.schemas ?? defaultSchemas });
  for (const rule of rules) rule({ ast, ir: checked.parts, scope: checked.scope, reporter });
  const diagnostics = sortDiagnostics(reporter.diagnostics);
  const hasErrors = diagnostics.some((d) => d.severity === 'error');
  return {
    text, file: options.file, ast, diagnostics, scope: checked.scope,
    ir: hasErrors ? undefined : checked.ir, parts: checked.parts, schema: checked.schema,
    lines,
  };
}
