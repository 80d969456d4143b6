/** Diagnostics as people read them (code frames) and as tools read them (JSON). */
import type { Diagnostic } from './diagnostic.ts';
import type { LineMap } from './positions.ts';

const colors = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };

/** `file:line:col - error MLP2001: message` + the source line + a squiggle + the hint. */
export function renderDiagnostic(d: Diagnostic, file: string, lines: LineMap, color = false): string {
  const c = (k: keyof typeof colors, s: string) => (color ? colors[k] + s + colors.reset : s);
  const start = lines.position0(d.span.start);
  const end = lines.position0(Math.max(d.span.start, d.span.end));
  const out = [`${c('bold', `${file}:${start.line + 1}:${start.column + 1}`)} - ${c(d.severity, d.severity)} ${c('dim', d.code)}: ${d.message}`];
  const text = lines.lineText(start.line);
  const gutter = String(start.line + 1);
  const width = end.line === start.line ? Math.max(1, end.column - start.column) : Math.max(1, text.length - start.column);
  out.push('');
  out.push(`${c('dim', gutter + ' |')} ${text.replace(/\t/g, ' ')}`);
  out.push(`${' '.repeat(gutter.length)} ${c('dim', '|')} ${' '.repeat(start.column)}${c(d.severity, (width === 1 ? '^' : '~'.repeat(width)))}`);
  if (d.hint) out.push(`${' '.repeat(gutter.length)} ${c('dim', '=')} hint: ${d.hint}`);
  out.push('');
  return out.join('\n');
}

export interface JsonDiagnostic {
  file: string;
  code: string;
  severity: string;
  message: string;
  hint?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** 1-based line/column records for `--format json`. */
export function jsonDiagnostic(d: Diagnostic, file: string, lines: LineMap): JsonDiagnostic {
  const s = lines.position1(d.span.start), e = lines.position1(d.span.end);
  return { file, code: d.code, severity: d.severity, message: d.message, ...(d.hint ? { hint: d.hint } : {}), line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

/** "2 errors, 1 warning" */
export function summary(ds: readonly Diagnostic[]): string {
  const n = (k: string) => ds.filter((d) => d.severity === k).length;
  const part = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${part(n('error'), 'error')}, ${part(n('warning'), 'warning')}`;
}
