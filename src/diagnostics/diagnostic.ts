/** A diagnostic as every consumer (CLI, language server, tests) sees it. */
import type { Span } from '../syntax/ast.ts';
import { format, messages, type MessageKey, type Severity } from './messages.ts';

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  /** "Did you mean `x`?" and other fix hints */
  hint?: string;
  span: Span;
  /** machine-readable replacement for quick fixes */
  fix?: { span: Span; text: string; title: string };
}

/** Collects diagnostics for one analysis; phases report and keep going. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  report(key: MessageKey, span: Span, args: Record<string, string | number> = {}, extra: { hint?: string; fix?: Diagnostic['fix'] } = {}): void {
    const def = messages[key];
    this.diagnostics.push({ code: def.code, severity: def.severity, message: format(def.template, args), span, ...extra });
  }

  get hasErrors(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error');
  }
}

/** Diagnostics in document order (then by code) so output is stable. */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code));
}
