/** `mlp check` and `mlp ir`: analyse files and print diagnostics (or the IR). */
import fs from 'node:fs';
import path from 'node:path';
import { analyze, type Analysis } from '../semantics/analyze.ts';
import { printIR } from '../semantics/printIR.ts';
import type { PipelineIR } from '../semantics/ir.ts';
import { jsonDiagnostic, renderDiagnostic, summary } from '../diagnostics/render.ts';
import type { CliIO } from './io.ts';
import { parseArgs, type Flags } from './args.ts';

/** Reads and analyses a .mlp file, or reports why it cannot be read. */
export function analyzeFile(file: string, io: CliIO): Analysis | undefined {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch (err) {
    io.stderr(`mlp: cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}\n`);
    return undefined;
  }
  return analyze(text, { file: absolute });
}

/** Prints an analysis' diagnostics as text; returns true if there were errors. */
export function printDiagnostics(a: Analysis, file: string, io: CliIO): boolean {
  for (const d of a.diagnostics) io.stderr(renderDiagnostic(d, file, a.lines, io.isTTY) + '\n');
  return a.diagnostics.some((d) => d.severity === 'error');
}

/**
 * Analyses a file for a command that needs its IR: on errors prints the
 * diagnostics and `<file>: 2 errors, 0 warnings; <consequence>` and returns
 * undefined; otherwise prints the warnings (when asked) and returns the analysis.
 */
export function checkedPipeline(file: string, io: CliIO, consequence: string, showWarnings: boolean): (Analysis & { ir: PipelineIR }) | undefined {
  const a = analyzeFile(file, io);
  if (!a) return undefined;
  if (!a.ir) {
    printDiagnostics(a, file, io);
    io.stderr(`${file}: ${summary(a.diagnostics)}; ${consequence}\n`);
    return undefined;
  }
  if (showWarnings && a.diagnostics.length) printDiagnostics(a, file, io);
  return a as Analysis & { ir: PipelineIR };
}

export const checkFlags: Flags = { format: 'string', quiet: 'boolean' };

export function runCheck(argv: string[], io: CliIO): number {
  const { positional: files, flags, error } = parseArgs(argv, checkFlags);
  if (error) { io.stderr(`mlp check: ${error}\n`); return 2; }
  if (files.length === 0) { io.stderr('mlp check: give at least one .mlp file\n'); return 2; }
  const json = flags.format === 'json';
  if (flags.format !== undefined && flags.format !== 'json' && flags.format !== 'text') { io.stderr('mlp check: --format must be text or json\n'); return 2; }
  let failed = false;
  const all: ReturnType<typeof jsonDiagnostic>[] = [];
  for (const file of files) {
    const a = analyzeFile(file, io);
    if (!a) { failed = true; continue; }
    if (json) all.push(...a.diagnostics.map((d) => jsonDiagnostic(d, file, a.lines)));
    else {
      const errors = printDiagnostics(a, file, io);
      if (!flags.quiet || errors) io.stderr(`${file}: ${summary(a.diagnostics)}\n`);
    }
    failed ||= a.diagnostics.some((d) => d.severity === 'error');
  }
  if (json) io.stdout(JSON.stringify({ diagnostics: all }, null, 2) + '\n');
  return failed ? 1 : 0;
}

export function runIr(argv: string[], io: CliIO): number {
  const { positional: files, error } = parseArgs(argv, {});
  if (error || files.length !== 1) { io.stderr(`mlp ir: ${error ?? 'give one .mlp file'}\n`); return 2; }
  const a = checkedPipeline(files[0], io, 'no IR', false);
  if (!a) return 1;
  io.stdout(printIR(a.ir));
  return 0;
}
