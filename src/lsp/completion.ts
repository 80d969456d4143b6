/**
 * textDocument/completion. The context comes from the tokens between the start
 * of the enclosing declaration and the cursor (the AST of a half-typed line is
 * a recovered guess): which block, which call and parameter, which clause.
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import type { IToken } from 'chevrotain';
import * as catalog from '../catalog/index.ts';
import type { CatalogEntry, ParamSpec } from '../catalog/index.ts';
import type { Analysis } from '../semantics/analyze.ts';
import { declarationKeywords, lexer } from '../syntax/tokens.ts';
import { columnMarkdown, entryMarkdown, paramMarkdown, paramSummary } from './describe.ts';
import { blockNameOf } from './hover.ts';
import { declAt } from './locate.ts';
import { writeName } from './navigation.ts';

const doc = (value: string) => ({ kind: MarkupKind.Markdown, value });

const keywordItems = (words: readonly string[]): CompletionItem[] => words.map((w) => ({ label: w, kind: CompletionItemKind.Keyword }));
const valueItems = (words: readonly string[], detail?: string): CompletionItem[] => words.map((w) => ({ label: w, kind: CompletionItemKind.EnumMember, detail }));

function entryItem(e: CatalogEntry, kind: CompletionItemKind, call = true): CompletionItem {
  const takesArgs = 'params' in e && e.params.length > 0;
  return {
    label: e.name, kind, detail: e.kind === 'function' ? `${e.role} function` : e.kind, documentation: doc(entryMarkdown(e)),
    ...(call && takesArgs ? { insertText: `${e.name}($0)`, insertTextFormat: InsertTextFormat.Snippet, command: { title: 'Parameter hints', command: 'editor.action.triggerParameterHints' } } : {}),
  };
}

function columnItems(a: Analysis): CompletionItem[] {
  return [...a.scope.columns.values()].map((c) => ({ label: c.name, insertText: writeName(c.name), kind: CompletionItemKind.Field, detail: `column: ${c.kind}`, documentation: doc(columnMarkdown(c)) }));
}
function featureItems(a: Analysis): CompletionItem[] {
  return [...a.scope.features.values()].map((f) => ({ label: f.name, insertText: writeName(f.name), kind: CompletionItemKind.Variable, detail: 'feature' }));
}
const metricItems = (): CompletionItem[] => catalog.metrics.map((m) => entryItem(m, CompletionItemKind.Value, false));
const transformItems = (): CompletionItem[] => catalog.transforms.map((t) => entryItem(t, CompletionItemKind.Function));
const modelItems = (): CompletionItem[] => catalog.models.map((m) => entryItem(m, CompletionItemKind.Class));
const functionItems = (role: catalog.FunctionEntry['role']): CompletionItem[] => catalog.functions.filter((f) => f.role === role).map((f) => entryItem(f, CompletionItemKind.Function));

/** Values a parameter or setting accepts. */
function valuesFor(a: Analysis, spec: ParamSpec): CompletionItem[] {
  const items: CompletionItem[] = [];
  if (spec.values) items.push(...valueItems(spec.values, spec.name));
  if (spec.type === 'boolean') items.push(...valueItems(['true', 'false'], 'boolean'));
  if (spec.nullable) items.push(...valueItems(['null']));
  if (spec.type === 'column' || spec.type === 'columns') items.push(...columnItems(a));
  if (spec.type === 'metric') items.push(...metricItems());
  if (spec.type === 'number' || spec.type === 'integer') items.push(...functionItems('space'));
  return items;
}

function paramItems(entry: CatalogEntry, given: Set<string>): CompletionItem[] {
  const params = entry.kind === 'block' ? entry.settings : entry.kind === 'metric' ? [] : entry.params;
  const separator = entry.kind === 'block' ? ' = ' : ': ';
  return params.filter((p) => !given.has(p.name)).map((p, i) => ({
    label: p.name, kind: CompletionItemKind.Property, detail: paramSummary(p), documentation: doc(paramMarkdown(p, entry.kind === 'block' ? undefined : entry.name)),
    insertText: `${p.name}${separator}`, sortText: String(i).padStart(3, '0'),
  }));
}

/** Innermost unclosed `(` or `[`, with the name before a `(`. */
interface Open { token: IToken; callee?: string; index: number }

const isWord = (t: IToken | undefined): boolean => !!t && /^[A-Za-z_]/.test(t.image);

export function handleCompletion(a: Analysis, offset: number): CompletionItem[] {
  const text = a.text;
  // the word being typed is replaced by the client; context is what comes before it
  let wordStart = offset;
  while (wordStart > 0 && /[A-Za-z0-9_]/.test(text[wordStart - 1])) wordStart--;
  const lineStart = text.lastIndexOf('\n', wordStart - 1) + 1;
  const atLineStart = text.slice(lineStart, wordStart).trim() === '';
  const decl = declAt(a.ast, wordStart - 1);
  const from = decl && decl.keywordSpan.start < wordStart ? decl.keywordSpan.start : 0;
  const tokens = lexer.tokenize(text.slice(from, wordStart)).tokens;

  if (tokens.length === 0) return keywordItems(declarationKeywords);
  const head = tokens[0].image;
  const blockName = (declarationKeywords as readonly string[]).includes(head) ? head : blockNameOf(decl);

  let braces = 0;
  const opens: Open[] = [];
  tokens.forEach((t, index) => {
    if (t.image === '{') braces++;
    else if (t.image === '}') braces--;
    else if (t.image === '(' || t.image === '[') opens.push({ token: t, index, callee: t.image === '(' && isWord(tokens[index - 1]) ? tokens[index - 1].image : undefined });
    else if ((t.image === ')' || t.image === ']') && opens.length) opens.pop();
  });
  const prev = tokens[tokens.length - 1];
  const onSameLine = (t: IToken) => from + t.startOffset >= lineStart;

  // a new top-level declaration
  if (braces <= 0 && atLineStart && opens.length === 0 && !['=', ',', '|>', ':', 'using', 'with', 'to', 'by'].includes(prev.image)) return keywordItems(declarationKeywords);

  // `... using a, b` → features
  const lineTokens = tokens.filter(onSameLine);
  const usingAt = lineTokens.map((t) => t.image).lastIndexOf('using');
  if (usingAt >= 0 && lineTokens.slice(usingAt + 1).every((t) => isWord(t) || t.image === ',')) return featureItems(a);

  // inside a call or a list
  const open = opens[opens.length - 1];
  if (open) {
    // the call this is an argument of: the innermost `(`, a list inside it counts as its argument
    const call = [...opens].reverse().find((o) => o.callee);
    const entry = call?.callee ? (blockName === 'models' ? catalog.model(call.callee) : undefined) ?? catalog.model(call.callee) ?? catalog.transform(call.callee) ?? catalog.fn(call.callee) : undefined;
    if (call && entry && 'params' in entry) {
      const argTokens = tokens.slice(call.index + 1);
      // the parameter whose value this is: `name:` before the cursor at this call's nesting level
      let depth = 0, param: string | undefined;
      const given = new Set<string>();
      argTokens.forEach((t, i) => {
        if (t.image === '(' || t.image === '[') depth++;
        else if (t.image === ')' || t.image === ']') depth--;
        else if (depth === 0 && t.image === ':' && argTokens[i - 1]) { param = argTokens[i - 1].image; given.add(param); }
        else if (depth === 0 && t.image === ',') param = undefined;
      });
      const spec = param ? entry.params.find((p) => p.name === param) : undefined;
      if (spec) return valuesFor(a, spec);
      if (open === call && (prev.image === '(' || prev.image === ',')) {
        const items = paramItems(entry, given);
        if (entry.kind === 'transform') items.push(...columnItems(a), ...featureItems(a));
        const positional = entry.params.find((p) => p.positional && !given.has(p.name));
        if (positional && entry.kind !== 'transform') items.push(...valuesFor(a, positional));
        return items;
      }
    }
    if (entry?.kind === 'transform' || blockName === 'features') return [...columnItems(a), ...featureItems(a), ...transformItems()];
    return [...columnItems(a), ...featureItems(a)];
  }

  switch (blockName) {
    case 'problem': {
      if (braces <= 0) return prev.image === 'problem' ? valueItems(['classification', 'regression'], 'task') : [];
      return settingContext(a, 'problem', lineTokens, atLineStart);
    }
    case 'search':
      if (braces <= 0) return prev.image === 'search' ? valueItems(['grid', 'random', 'halving'], 'search strategy') : [];
      return settingContext(a, 'search', lineTokens, atLineStart);
    case 'split': case 'export': case 'explore': case 'serve': case 'monitor':
      return braces > 0 ? settingContext(a, blockName, lineTokens, atLineStart) : [];
    case 'validate': return functionItems('validation');
    case 'report': return metricItems();
    case 'data': {
      if (braces <= 0) return prev.image === '=' ? functionItems('source') : [];
      if (atLineStart) return [...columnItems(a), ...paramItems(catalog.block('data')!, new Set())];
      if (prev.image === ':') return functionItems('type');
      return settingContext(a, 'data', lineTokens, atLineStart);
    }
    case 'prepare': {
      if (atLineStart) return keywordItems(['drop', 'impute', 'clip']);
      if (prev.image === 'drop') return keywordItems(['rows', 'duplicate', 'outliers', 'columns']);
      if (prev.image === 'rows' && lineTokens.some((t) => t.image === 'drop')) return keywordItems(['where']);
      if (prev.image === 'with') return functionItems('imputer');
      if (prev.image === 'to' || (prev.image === 'by' && lineTokens.some((t) => t.image === 'outliers'))) return functionItems('outlier');
      if (prev.image === 'during') return valueItems(['training', 'prediction'], 'phase');
      return [...columnItems(a), ...(isWord(prev) && prev.image !== 'where' && prev.image !== 'and' && prev.image !== 'or' ? keywordItems(['with', 'to', 'is', 'missing', 'during', 'in', 'by', 'and', 'or']) : [])];
    }
    case 'features': {
      if (atLineStart) return keywordItems(['select']);
      if (prev.image === 'select') return functionItems('selector');
      if (prev.image === '|>') return transformItems();
      return [...columnItems(a), ...featureItems(a), ...transformItems()];
    }
    case 'models': {
      if (atLineStart) return [];
      if (prev.image === '=') return modelItems();
      if (prev.image === ')') return keywordItems(['using']);
      return [];
    }
  }
  return [...columnItems(a), ...featureItems(a)];
}

/** `key = value` lines of a settings block: keys at the start of a line, values after `=`. */
function settingContext(a: Analysis, block: string, lineTokens: IToken[], atLineStart: boolean): CompletionItem[] {
  const entry = catalog.block(block);
  if (!entry) return [];
  // settings may share a line (`split { test = 25%, seed = 7 }`): look at the last `key =` on it
  const eq = lineTokens.map((t) => t.image).lastIndexOf('=');
  const afterComma = lineTokens.length > 0 && lineTokens[lineTokens.length - 1].image === ',' ;
  const afterBrace = lineTokens.length > 0 && lineTokens[lineTokens.length - 1].image === '{';
  if (atLineStart || afterComma || afterBrace || eq < 0) {
    const given = new Set<string>();
    return paramItems(entry, given);
  }
  const key = lineTokens[eq - 1]?.image;
  const spec = entry.settings.find((s) => s.name === key);
  return spec ? valuesFor(a, spec) : [];
}
