/** Spans ↔ LSP ranges and diagnostics ↔ LSP diagnostics; offsets go through LineMap only. */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Position, type Range } from 'vscode-languageserver';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { LineMap } from '../diagnostics/positions.ts';
import type { Span } from '../syntax/ast.ts';

export function toPosition(lines: LineMap, offset: number): Position {
  const p = lines.position0(offset);
  return { line: p.line, character: p.column };
}

export function toRange(lines: LineMap, span: Span): Range {
  return { start: toPosition(lines, span.start), end: toPosition(lines, span.end) };
}

/** Offset of an LSP position, clamped into the document (positions past the end are fine). */
export function toOffset(lines: LineMap, position: Position): number {
  return lines.offset0(position.line, position.character);
}

const severities = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint } as Record<string, DiagnosticSeverity>;

/** One checker diagnostic as LSP sends it: same code, message and range as `mlp check`, hint appended. */
export function toLspDiagnostic(lines: LineMap, d: Diagnostic): LspDiagnostic {
  return {
    range: toRange(lines, d.span),
    severity: severities[d.severity] ?? DiagnosticSeverity.Error,
    code: d.code,
    source: 'mlp',
    message: d.hint ? `${d.message}\n${d.hint}` : d.message,
    // the raw pieces, so code actions need not re-parse the message
    data: { hint: d.hint, fix: d.fix },
  };
}
