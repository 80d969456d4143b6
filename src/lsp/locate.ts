/** Finding what is under the cursor: the resolved reference, or the innermost AST nodes around an offset. */
import type * as A from '../syntax/ast.ts';
import type { Analysis } from '../semantics/analyze.ts';
import type { Scope } from '../semantics/scope.ts';

type Reference = Scope['references'][number];

const within = (span: A.Span, offset: number): boolean => span.start <= offset && offset <= span.end;

/** The resolved name occurrence at offset (a column, feature, model or the data source). */
export function referenceAt(analysis: Analysis, offset: number): Reference | undefined {
  const { scope } = analysis;
  for (const r of scope.references) if (within(r.name.span, offset)) return r;
  if (scope.sourceDecl && scope.sourceName && within(scope.sourceDecl.span, offset)) return { name: scope.sourceDecl, kind: 'source', target: scope.sourceName };
  return undefined;
}

/** Where a symbol is declared in this document, if it is. */
export function declarationOf(analysis: Analysis, kind: Reference['kind'], target: string): A.Name | undefined {
  const { scope } = analysis;
  if (kind === 'column') return scope.columns.get(target)?.declaration;
  if (kind === 'feature') return scope.features.get(target)?.decl.name;
  if (kind === 'model') return scope.models.get(target)?.decl.name;
  return scope.sourceDecl;
}

/** Every occurrence of a symbol (declaration included), deduplicated, in document order. */
export function occurrencesOf(analysis: Analysis, kind: Reference['kind'], target: string): A.Name[] {
  const seen = new Map<number, A.Name>();
  const decl = declarationOf(analysis, kind, target);
  if (decl) seen.set(decl.span.start, decl);
  for (const r of analysis.scope.references) if (r.kind === kind && r.target === target) seen.set(r.name.span.start, r.name);
  return [...seen.values()].sort((a, b) => a.span.start - b.span.start);
}

/** AST nodes (objects with a span) containing offset, outermost first, with the property each hangs from. */
export function nodePath(file: A.File, offset: number): { node: Record<string, unknown>; key: string }[] {
  const path: { node: Record<string, unknown>; key: string }[] = [];
  const visit = (value: unknown, key: string): void => {
    if (Array.isArray(value)) { for (const v of value) visit(v, key); return; }
    if (!value || typeof value !== 'object') return;
    const node = value as Record<string, unknown>;
    const span = node.span as A.Span | undefined;
    if (!span || !within(span, offset)) return;
    path.push({ node, key });
    for (const [k, v] of Object.entries(node)) if (k !== 'span' && k !== 'keywordSpan' && typeof v === 'object') visit(v, k);
  };
  for (const d of file.decls) visit(d, 'decls');
  return path;
}

/** The top-level declaration at offset: the last one starting at or before it. */
export function declAt(file: A.File, offset: number): A.Decl | undefined {
  let found: A.Decl | undefined;
  for (const d of file.decls) if (d.keywordSpan.start <= offset) found = d;
  return found;
}
