/** textDocument/codeAction: quick fixes from "Did you mean `x`?" hints and from a diagnostic's own fix. */
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver';
import type { Analysis } from '../semantics/analyze.ts';
import { toLspDiagnostic, toRange } from './convert.ts';

const overlaps = (a: Range, b: Range): boolean =>
  !(a.end.line < b.start.line || (a.end.line === b.start.line && a.end.character < b.start.character) ||
    b.end.line < a.start.line || (b.end.line === a.start.line && b.end.character < a.start.character));

/** The suggestions in a hint: "Did you mean `a` or `b`?" → [a, b]. */
export function suggestionsIn(hint: string | undefined): string[] {
  const m = hint?.match(/^Did you mean (.*)\?$/);
  return m ? [...m[1].matchAll(/`([^`]+)`/g)].map((x) => x[1]) : [];
}

export function handleCodeActions(analysis: Analysis, uri: string, range: Range): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of analysis.diagnostics) {
    const diagnostic = toLspDiagnostic(analysis.lines, d);
    if (!overlaps(diagnostic.range, range)) continue;
    suggestionsIn(d.hint).forEach((name, i) => actions.push({
      title: `Change to \`${name}\``, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: i === 0,
      edit: { changes: { [uri]: [{ range: diagnostic.range, newText: name }] } },
    }));
    if (d.fix) actions.push({
      title: d.fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
      edit: { changes: { [uri]: [{ range: toRange(analysis.lines, d.fix.span), newText: d.fix.text }] } },
    });
  }
  return actions;
}
