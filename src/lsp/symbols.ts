/** textDocument/documentSymbol (the outline) and textDocument/foldingRange. */
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type * as A from '../syntax/ast.ts';
import type { Analysis } from '../semantics/analyze.ts';
import { toRange } from './convert.ts';

const declKinds: Record<A.DeclKind, SymbolKind> = {
  Pipeline: SymbolKind.Package, Data: SymbolKind.File, Problem: SymbolKind.Object, Prepare: SymbolKind.Namespace,
  Features: SymbolKind.Namespace, Split: SymbolKind.Object, Validate: SymbolKind.Object, Models: SymbolKind.Namespace,
  Search: SymbolKind.Object, Report: SymbolKind.Object, Export: SymbolKind.Object, Stage: SymbolKind.Object,
};

const keywordOf = (d: A.Decl): string => (d.kind === 'Stage' ? d.stage : d.kind.toLowerCase());

export function handleDocumentSymbols(analysis: Analysis): DocumentSymbol[] {
  const { lines, text } = analysis;
  const symbol = (name: string, kind: SymbolKind, span: A.Span, selection: A.Span, detail?: string, children?: DocumentSymbol[]): DocumentSymbol => ({
    name: name || '?', kind, detail, range: toRange(lines, span), selectionRange: toRange(lines, selection.start >= span.start && selection.end <= span.end ? selection : span), children,
  });
  const snippet = (span: A.Span): string => text.slice(span.start, span.end).replace(/\s+/g, ' ').slice(0, 60);
  const settings = (ss: A.Setting[]) => ss.map((s) => symbol(s.key.text, SymbolKind.Property, s.span, s.key.span, snippet(s.value.span)));
  return analysis.ast.decls.map((d) => {
    const keyword = keywordOf(d);
    switch (d.kind) {
      case 'Pipeline': return symbol(d.name?.text ?? keyword, declKinds.Pipeline, d.span, d.name?.span ?? d.keywordSpan, 'pipeline');
      case 'Data': return symbol(d.name?.text ?? keyword, declKinds.Data, d.span, d.name?.span ?? d.keywordSpan, `data ${snippet(d.source.span)}`, [
        ...d.columns.map((c) => symbol(c.name.text, SymbolKind.Field, c.span, c.name.span, snippet(c.type.span))),
        ...settings(d.options),
      ]);
      case 'Features': return symbol(keyword, declKinds.Features, d.span, d.keywordSpan, undefined,
        d.features.map((f) => symbol(f.name.text, SymbolKind.Variable, f.span, f.name.span, snippet(f.value.span))));
      case 'Models': return symbol(keyword, declKinds.Models, d.span, d.keywordSpan, undefined,
        d.models.map((m) => symbol(m.name.text, SymbolKind.Class, m.span, m.name.span, snippet(m.value.span))));
      case 'Problem': return symbol(keyword, declKinds.Problem, d.span, d.keywordSpan, d.task?.text, settings(d.settings));
      case 'Search': return symbol(keyword, declKinds.Search, d.span, d.keywordSpan, d.strategy?.text, settings(d.settings));
      case 'Split': case 'Export': case 'Stage': return symbol(keyword, declKinds[d.kind], d.span, d.keywordSpan, undefined, settings(d.settings));
      default: return symbol(keyword, declKinds[d.kind], d.span, d.keywordSpan, snippet({ start: d.keywordSpan.end, end: d.span.end }));
    }
  });
}

export function handleFoldingRanges(analysis: Analysis): FoldingRange[] {
  const { lines } = analysis;
  const ranges: FoldingRange[] = [];
  const add = (span: A.Span, kind?: FoldingRangeKind) => {
    const start = lines.position0(span.start).line, end = lines.position0(Math.max(span.start, span.end - 1)).line;
    if (end > start) ranges.push({ startLine: start, endLine: kind ? end : end - 1 > start ? end - 1 : end, kind });
  };
  for (const d of analysis.ast.decls) add(d.span);
  // runs of line comments fold together
  let run: A.Span | undefined;
  let lastLine = -2;
  for (const c of analysis.ast.comments) {
    const line = lines.position0(c.span.start).line;
    if (run && line === lastLine + 1) run = { start: run.start, end: c.span.end };
    else { if (run) add(run, FoldingRangeKind.Comment); run = c.span; }
    lastLine = lines.position0(c.span.end).line;
  }
  if (run) add(run, FoldingRangeKind.Comment);
  return ranges;
}
