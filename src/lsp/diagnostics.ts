/** textDocument/publishDiagnostics and textDocument/diagnostic: the checker's diagnostics, unchanged. */
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Analysis } from '../semantics/analyze.ts';
import { toLspDiagnostic } from './convert.ts';

export function handleDiagnostics(analysis: Analysis): LspDiagnostic[] {
  return analysis.diagnostics.map((d) => toLspDiagnostic(analysis.lines, d));
}
