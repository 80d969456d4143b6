/**
 * Re-parsing an edited document without parsing what did not change (the
 * language server keeps one ParseCache per open document). Two levels:
 * top-level declarations, and the statements of `features { … }` and
 * `models { … }` blocks, each keyed by its exact text. Only error-free parses
 * are kept, and a block is parsed statement by statement only when every
 * statement parses cleanly on its own, which gives exactly the tree the whole
 * block would (an expression never continues with the name that starts the
 * next statement); anything else is parsed whole, as without a cache.
 *
 * The trees are owned by the cache: when text moves, its spans are shifted in
 * place, so only the newest parse of a document may be used.
 */
import type { IToken } from 'chevrotain';
import type * as A from './ast.ts';
import { parser } from './parser.ts';
import { tokenSpan, type AstBuilder } from './toAst.ts';

export const tokenEnd = (t: IToken) => (t.endOffset ?? t.startOffset) + 1;

/** Trees by source text, and where that text was; each serves one place per parse. */
class Trees<T extends object> {
  private entries = new Map<string, { tree: T; at: number }>();
  private next = new Map<string, { tree: T; at: number }>();

  /** The tree parsed from exactly `text` before, moved to offset `at`. */
  take(text: string, at: number): T | undefined {
    const hit = this.entries.get(text);
    if (!hit || this.next.has(text)) return undefined;
    if (hit.at !== at) shiftSpans(hit.tree, at - hit.at);
    hit.at = at;
    this.next.set(text, hit);
    return hit.tree;
  }

  keep(text: string, at: number, tree: T): void {
    if (!this.next.has(text)) this.next.set(text, { tree, at });
  }

  /** Ends a parse: what it neither took nor kept is forgotten. */
  advance(): void {
    this.entries = this.next;
    this.next = new Map();
  }
}

type Statement = { feature: A.FeatureDecl } | { select: A.Expr } | { model: A.ModelDecl };

export class ParseCache {
  readonly declarations = new Trees<A.Decl[]>();
  readonly statements = new Trees<Statement>();

  advance(): void {
    this.declarations.advance();
    this.statements.advance();
  }
}

/** Moves every span (`span`, `keywordSpan`) in a tree by `delta`, each span object once even when shared. */
function shiftSpans(root: unknown, delta: number): void {
  const moved = new Set<A.Span>();
  const visit = (v: unknown): void => {
    if (typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) { for (const x of v) visit(x); return; }
    for (const k in v) {
      const x = (v as Record<string, unknown>)[k];
      if ((k === 'span' || k === 'keywordSpan') && !moved.has(x as A.Span)) {
        moved.add(x as A.Span);
        (x as A.Span).start += delta;
        (x as A.Span).end += delta;
      } else visit(x);
    }
  };
  visit(root);
}

const isName = (t: IToken | undefined) => t?.tokenType.name === 'Identifier' || t?.tokenType.name === 'QuotedName';

/**
 * Where the statements of a `features`/`models` block chunk start: a name
 * followed by `=` (or `select`) directly inside the braces. Undefined when
 * the chunk is not `keyword { statements }` with balanced brackets.
 */
function statementStarts(tokens: readonly IToken[], first: number, end: number): number[] | undefined {
  const kind = tokens[first].tokenType.name;
  if ((kind !== 'Features' && kind !== 'Models') || tokens[first + 1]?.tokenType.name !== 'LBrace' || tokens[end - 1]?.tokenType.name !== 'RBrace') return undefined;
  const starts: number[] = [];
  let depth = 1;
  for (let i = first + 2; i < end - 1; i++) {
    const t = tokens[i], name = t.tokenType.name;
    if (depth === 1 && ((isName(t) && tokens[i + 1]?.tokenType.name === 'Equals') || (name === 'Select' && kind === 'Features'))) starts.push(i);
    else if (i === first + 2) return undefined; // something before the first statement
    if (name === 'LBrace' || name === 'LParen' || name === 'LBracket') depth++;
    else if (name === 'RBrace' || name === 'RParen' || name === 'RBracket') { if (--depth < 1) return undefined; }
  }
  return depth === 1 ? starts : undefined;
}

/** One statement of a block, parsed on its own; undefined when it has syntax errors. */
function parseStatement(tokens: IToken[], block: string, builder: AstBuilder, keywordSpan: A.Span): Statement | undefined {
  const p = parser();
  p.input = tokens;
  if (tokens[0].tokenType.name === 'Select') {
    const cst = p.selectStep();
    return p.errors.length ? undefined : { select: builder.select(cst, keywordSpan) };
  }
  if (block === 'features') {
    const cst = p.featureDecl();
    const feature = p.errors.length ? undefined : builder.feature(cst, keywordSpan);
    return feature && { feature };
  }
  const cst = p.modelDecl();
  const model = p.errors.length ? undefined : builder.model(cst, keywordSpan);
  return model && { model };
}

/**
 * A `features { … }` or `models { … }` chunk, statement by statement, reusing
 * unchanged statements; undefined when the chunk must be parsed whole.
 */
export function parseBlock(text: string, tokens: IToken[], first: number, end: number, builder: AstBuilder, cache: ParseCache): A.Decl | undefined {
  const starts = statementStarts(tokens, first, end);
  if (!starts) return undefined;
  const keyword = tokens[first];
  const keywordSpan = tokenSpan(keyword);
  const statements: Statement[] = [];
  let clean = true;
  for (let s = 0; s < starts.length; s++) {
    const from = starts[s], to = starts[s + 1] ?? end - 1;
    const at = tokenEnd(tokens[from - 1]);
    // the block keyword keeps `f = x` in a features block apart from `f = x` in a models block
    const key = `${keyword.image}\0${text.slice(at, tokenEnd(tokens[to - 1]))}`;
    const statement = cache.statements.take(key, at) ?? parseStatement(tokens.slice(from, to), keyword.image, builder, keywordSpan);
    if (!statement) { clean = false; continue; } // keep going: the clean statements are kept for the next parse
    cache.statements.keep(key, at, statement);
    statements.push(statement);
  }
  if (!clean) return undefined;
  const span = { start: keyword.startOffset, end: tokenEnd(tokens[end - 1]) };
  if (keyword.image === 'models') return { kind: 'Models', models: statements.flatMap((s) => ('model' in s ? [s.model] : [])), span, keywordSpan };
  return {
    kind: 'Features',
    features: statements.flatMap((s) => ('feature' in s ? [s.feature] : [])),
    selects: statements.flatMap((s) => ('select' in s ? [s.select] : [])),
    span, keywordSpan,
  };
}
