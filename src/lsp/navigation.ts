/** Go to definition, find references, rename: data sources, features, model candidates and declared columns. */
import type { Location, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { Analysis } from '../semantics/analyze.ts';
import { keywords } from '../syntax/tokens.ts';
import { toRange } from './convert.ts';
import { declarationOf, occurrencesOf, referenceAt } from './locate.ts';

export function handleDefinition(analysis: Analysis, uri: string, offset: number): Location | null {
  const ref = referenceAt(analysis, offset);
  if (!ref) return null;
  // an undeclared column is defined by the data source it comes from
  const decl = declarationOf(analysis, ref.kind, ref.target) ?? (ref.kind === 'column' ? analysis.scope.sourceDecl : undefined);
  return decl ? { uri, range: toRange(analysis.lines, decl.span) } : null;
}

export function handleReferences(analysis: Analysis, uri: string, offset: number, includeDeclaration = true): Location[] {
  const ref = referenceAt(analysis, offset);
  if (!ref) return [];
  const decl = declarationOf(analysis, ref.kind, ref.target);
  return occurrencesOf(analysis, ref.kind, ref.target)
    .filter((n) => includeDeclaration || n !== decl)
    .map((n) => ({ uri, range: toRange(analysis.lines, n.span) }));
}

/** The range to rename, or null when the name cannot be renamed here (undeclared columns come from the CSV header). */
export function handlePrepareRename(analysis: Analysis, offset: number): { range: Range; placeholder: string } | null {
  const ref = referenceAt(analysis, offset);
  if (!ref || !declarationOf(analysis, ref.kind, ref.target)) return null;
  return { range: toRange(analysis.lines, ref.name.span), placeholder: ref.target };
}

const reserved = new Set(keywords.map((k) => String(k.PATTERN).replace(/^\/|\/$/g, '')));

/** How a name is written: bare when it is a plain identifier, else in backticks. */
export function writeName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !reserved.has(name) ? name : `\`${name.replace(/`/g, '')}\``;
}

export function handleRename(analysis: Analysis, uri: string, offset: number, newName: string): WorkspaceEdit | null {
  const ref = referenceAt(analysis, offset);
  if (!ref || !declarationOf(analysis, ref.kind, ref.target) || !newName.trim()) return null;
  const text = writeName(newName.trim().replace(/^`|`$/g, ''));
  const edits: TextEdit[] = occurrencesOf(analysis, ref.kind, ref.target).map((n) => ({ range: toRange(analysis.lines, n.span), newText: text }));
  return { changes: { [uri]: edits } };
}
