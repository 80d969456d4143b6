/** textDocument/hover: catalog docs for models, transforms, functions, metrics and parameters; column profiles; feature definitions. */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import * as catalog from '../catalog/index.ts';
import type * as A from '../syntax/ast.ts';
import type { Analysis } from '../semantics/analyze.ts';
import { toRange } from './convert.ts';
import { columnMarkdown, entryMarkdown, featureMarkdown, lookupEntry, paramMarkdown } from './describe.ts';
import { declAt, nodePath, referenceAt } from './locate.ts';

/** Name of the settings block (catalog `blocks`) a declaration's settings belong to. */
export function blockNameOf(decl: A.Decl | undefined): string | undefined {
  if (!decl) return undefined;
  if (decl.kind === 'Stage') return decl.stage;
  return decl.kind.toLowerCase();
}

const markdown = (value: string, analysis: Analysis, span: A.Span): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, range: toRange(analysis.lines, span) });

export function handleHover(analysis: Analysis, offset: number): Hover | null {
  const ref = referenceAt(analysis, offset);
  if (ref) {
    const { scope } = analysis;
    if (ref.kind === 'column') { const c = scope.columns.get(ref.target); if (c) return markdown(columnMarkdown(c), analysis, ref.name.span); }
    if (ref.kind === 'feature') { const f = scope.features.get(ref.target); if (f) return markdown(featureMarkdown(f, analysis.text), analysis, ref.name.span); }
    if (ref.kind === 'model') {
      const m = scope.models.get(ref.target);
      const entry = m?.model ? catalog.model(m.model) : undefined;
      const doc = m?.decl.doc ? `\n\n${m.decl.doc}` : '';
      return markdown(`**${ref.target}** — model candidate${entry ? `\n\n${entryMarkdown(entry)}` : ''}${doc}`, analysis, ref.name.span);
    }
    if (ref.kind === 'source') {
      const s = analysis.schema;
      const detail = s?.ok ? `${s.profiles.length} columns, ${s.sampledRows}${s.truncated ? '+' : ''} sampled rows` : s ? 'the file could not be read' : '';
      return markdown(`**${ref.target}** — data source${detail ? `\n\n${detail}` : ''}`, analysis, ref.name.span);
    }
  }
  const decl = declAt(analysis.ast, offset);
  if (decl && decl.keywordSpan.start <= offset && offset <= decl.keywordSpan.end) {
    const block = catalog.block(blockNameOf(decl) ?? '');
    return block ? markdown(entryMarkdown(block), analysis, decl.keywordSpan) : null;
  }
  const path = nodePath(analysis.ast, offset);
  for (let i = path.length - 1; i >= 0; i--) {
    const { node, key } = path[i];
    if (node.kind !== 'Name') continue;
    const name = node as unknown as A.Name;
    const parent = path[i - 1]?.node;
    if (key === 'callee' || (key === 'name' && parent?.kind === 'Ref')) {
      const entry = (decl?.kind === 'Models' ? catalog.model(name.text) : undefined) ?? lookupEntry(name.text);
      return entry ? markdown(entryMarkdown(entry), analysis, name.span) : null;
    }
    if (key === 'name' && parent && !parent.kind && 'value' in parent) {
      const call = path.slice(0, i - 1).reverse().find((p) => p.node.kind === 'Call')?.node as unknown as A.Call | undefined;
      const entry = call ? lookupEntry(call.callee.text) : undefined;
      const spec = entry && 'params' in entry ? entry.params.find((p) => p.name === name.text) : undefined;
      return spec ? markdown(paramMarkdown(spec, entry!.name), analysis, name.span) : null;
    }
    if (key === 'key') {
      const spec = catalog.block(blockNameOf(decl) ?? '')?.settings.find((p) => p.name === name.text);
      return spec ? markdown(paramMarkdown(spec), analysis, name.span) : null;
    }
    if (key === 'strategy' || key === 'task') return null;
    return null;
  }
  return null;
}
