/**
 * Text → AST plus syntax diagnostics. Lexer and parser errors become
 * diagnostics here, in one place, with messages written for people.
 */
import type { IRecognitionException, IToken } from 'chevrotain';
import type { Reporter } from '../diagnostics/diagnostic.ts';
import { didYouMean } from '../diagnostics/didYouMean.ts';
import type * as A from './ast.ts';
import { parseBlock, tokenEnd, type ParseCache } from './incremental.ts';
import { declarationStarts, parseTokens } from './parser.ts';
import { AstBuilder } from './toAst.ts';
import { declarationKeywords, lexer } from './tokens.ts';

/** What a rule expects, in words, for "Expected … but found …". */
const ruleWords: Record<string, string> = {
  file: 'a declaration (`data`, `problem`, `features`, `models`, …)',
  declaration: 'a declaration (`data`, `problem`, `features`, `models`, …)',
  name: 'a name',
  nameList: 'a list of column names',
  prepStep: 'a preparation step (`drop`, `impute` or `clip`)',
  dropStep: '`rows where`, `duplicate rows`, `outliers in` or `columns` after `drop`',
  phase: '`during training` or `during training and prediction`',
  dataEntry: '`column : type` or `option = value`',
  setting: 'a setting `name = value`',
  settingsBlock: '`{`',
  featureDecl: 'a feature `name = expression`',
  modelDecl: 'a model candidate `name = model(…)`',
  argument: 'an argument',
  list: 'a list `[…]`',
  operand: 'a value',
};

function describeFound(t: IToken): string {
  if (t.tokenType.name === 'EOF') return 'the end of the file';
  return `\`${t.image.length > 30 ? t.image.slice(0, 30) + '…' : t.image}\``;
}

function tokenSpanOf(t: IToken, textLength: number): A.Span {
  if (t.tokenType.name === 'EOF' || !Number.isFinite(t.startOffset)) return { start: textLength, end: textLength };
  return { start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1 };
}

/** `next`: the token after the chunk (a chunk's end of input is not the file's). */
function reportParseError(e: IRecognitionException, text: string, reporter: Reporter, next: IToken | undefined): void {
  const t = e.token.tokenType.name === 'EOF' && next ? next : e.token;
  const span = tokenSpanOf(t, text.length);
  const rules = e.context?.ruleStack ?? [];
  if (e.name === 'NotAllInputParsedException' || (rules.length <= 2 && rules.at(-1) !== 'pipelineDecl' && t.tokenType.name === 'Identifier' && (rules.at(-1) === 'file' || rules.at(-1) === 'declaration'))) {
    if (t.tokenType.name === 'Identifier') {
      reporter.report('UnknownKeyword', span, { word: t.image }, { hint: didYouMean(t.image, declarationKeywords) });
      return;
    }
    reporter.report('UnexpectedToken', span, { expected: ruleWords.declaration, found: describeFound(t) });
    return;
  }
  if (t.tokenType.name === 'UnterminatedString') return; // reported by the lexer pass
  let expected: string;
  const m = /Expecting --> (.*?) <-- but found/.exec(e.message) ?? /Expecting token of type --> (.*?) <--/.exec(e.message);
  if (e.name === 'MismatchedTokenException' && m) expected = m[1].replace(/^'(.*)'$/, '`$1`');
  else {
    const rule = [...rules].reverse().find((r) => r in ruleWords);
    expected = rule ? ruleWords[rule] : rules.includes('expression') ? 'an expression' : 'something else';
  }
  const inPrepare = rules.at(-1) === 'prepareDecl' && t.tokenType.name === 'Identifier';
  reporter.report('UnexpectedToken', span, { expected: inPrepare ? ruleWords.prepStep : expected, found: describeFound(t) });
}

/**
 * Parses `text`, reporting syntax errors; always returns a (possibly partial)
 * AST. With a cache (the language server), declarations and block statements
 * whose text did not change since the document's previous parse are reused.
 */
export function parse(text: string, reporter: Reporter, cache?: ParseCache): A.File {
  const lexed = lexer.tokenize(text);
  const tokens = lexed.tokens;
  for (const le of lexed.errors) reporter.report('UnexpectedCharacter', { start: le.offset, end: le.offset + Math.max(1, le.length) }, { char: `\`${text.slice(le.offset, le.offset + Math.max(1, le.length))}\`` });
  for (const t of tokens) if (t.tokenType.name === 'UnterminatedString') reporter.report('UnterminatedString', { start: t.startOffset, end: tokenEnd(t) });
  const comments: A.Comment[] = (lexed.groups.comments ?? []).map((c) => ({ text: c.image, doc: c.image.startsWith('///'), span: { start: c.startOffset, end: tokenEnd(c) } }));
  const builder = new AstBuilder(docCommentLookup(text, comments), text.length);
  const decls: A.Decl[] = [];
  const starts = declarationStarts(tokens);
  for (let c = 0; c < starts.length; c++) {
    const first = starts[c], end = starts[c + 1] ?? tokens.length;
    // a chunk's text runs from the end of the previous chunk's last token, so it holds its own doc comments
    const at = first === 0 ? 0 : tokenEnd(tokens[first - 1]);
    const key = cache && text.slice(at, end === tokens.length ? text.length : tokenEnd(tokens[end - 1]));
    const reused = key !== undefined ? cache!.declarations.take(key, at) : undefined;
    if (reused) { decls.push(...reused); continue; }
    const block = cache && first < end ? parseBlock(text, tokens, first, end, builder, cache) : undefined;
    if (block) { decls.push(block); continue; }
    const out = parseTokens(tokens.slice(first, end));
    const seen = new Set<string>();
    for (const e of out.parseErrors) {
      const id = `${e.token.startOffset}:${e.name}`;
      if (seen.has(id)) continue; // recovery can report the same token twice
      seen.add(id);
      reportParseError(e, text, reporter, tokens[end]);
    }
    const chunk = out.csts.flatMap((cst) => builder.file(cst, comments).decls);
    decls.push(...chunk);
    if (key !== undefined && out.parseErrors.length === 0) cache!.declarations.keep(key, at, chunk);
  }
  cache?.advance();
  return { decls, comments, span: { start: 0, end: text.length } };
}

/** Finds the `///` lines directly above an offset (only whitespace between). */
function docCommentLookup(text: string, comments: A.Comment[]): (offset: number) => string | undefined {
  const docs = comments.filter((c) => c.doc);
  if (docs.length === 0) return () => undefined;
  return (offset) => {
    const lines: string[] = [];
    let cursor = offset;
    for (let i = docs.length - 1; i >= 0; i--) {
      const d = docs[i];
      if (d.span.end > cursor) continue;
      if (text.slice(d.span.end, cursor).trim() !== '') break;
      lines.unshift(d.text.slice(3).trim());
      cursor = d.span.start;
    }
    return lines.length ? lines.join('\n') : undefined;
  };
}
