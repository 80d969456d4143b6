/** textDocument/semanticTokens/full: lexical classes, refined by what the checker resolved each name to. */
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import type { IToken } from 'chevrotain';
import type { Analysis } from '../semantics/analyze.ts';
import { keywords, lexer } from '../syntax/tokens.ts';

const tokenTypes = ['keyword', 'string', 'number', 'comment', 'property', 'variable', 'class', 'namespace', 'function', 'parameter', 'operator'] as const;
type TokenType = (typeof tokenTypes)[number];
export const semanticTokensLegend: SemanticTokensLegend = { tokenTypes: [...tokenTypes], tokenModifiers: ['declaration', 'documentation'] };

const keywordNames = new Set(keywords.map((k) => k.name));
const byReference = { column: 'property', feature: 'variable', model: 'class', source: 'namespace' } as const;

export function handleSemanticTokens(a: Analysis): SemanticTokens {
  const lexed = lexer.tokenize(a.text);
  const refs = new Map<number, TokenType>();
  for (const r of a.scope.references) refs.set(r.name.span.start, byReference[r.kind]);
  if (a.scope.sourceDecl) refs.set(a.scope.sourceDecl.span.start, 'namespace');
  const comments = (lexed.groups.comments ?? []) as IToken[];
  const all = [...lexed.tokens.map((t, i) => ({ t, next: lexed.tokens[i + 1] })), ...comments.map((t) => ({ t, next: undefined }))]
    .sort((x, y) => x.t.startOffset - y.t.startOffset);
  const data: number[] = [];
  let lastLine = 0, lastChar = 0;
  for (const { t, next } of all) {
    const type = classify(t, next, refs);
    if (!type) continue;
    const start = a.lines.position0(t.startOffset), end = a.lines.position0(t.startOffset + t.image.length);
    if (end.line !== start.line) continue; // multi-line block comments stay with the TextMate grammar
    data.push(start.line - lastLine, start.line === lastLine ? start.column - lastChar : start.column, t.image.length, tokenTypes.indexOf(type), t.tokenType.name === 'DocComment' ? 2 : 0);
    lastLine = start.line; lastChar = start.column;
  }
  return { data };
}

function classify(t: IToken, next: IToken | undefined, refs: Map<number, TokenType>): TokenType | undefined {
  const kind = t.tokenType.name;
  if (keywordNames.has(kind)) return refs.get(t.startOffset) ?? 'keyword';
  switch (kind) {
    case 'StringLiteral': case 'UnterminatedString': return 'string';
    case 'NumberLiteral': case 'Percent': case 'Duration': return 'number';
    case 'DocComment': case 'LineComment': case 'BlockComment': return 'comment';
    case 'PipeOp': return 'operator';
    case 'Identifier': case 'QuotedName': {
      const ref = refs.get(t.startOffset);
      if (ref) return ref;
      if (next?.image === '(') return 'function';
      if (next?.image === ':' || next?.image === '=') return 'parameter';
      return undefined;
    }
  }
  return undefined;
}
