/**
 * Text → AST plus syntax diagnostics. Lexer and parser errors become
 * diagnostics here, in one place, with messages written for people.
 */
import type { IRecognitionException, IToken } from 'chevrotain';
import type { Reporter } from '../diagnostics/diagnostic.ts';
import { didYouMean } from '../diagnostics/didYouMean.ts';
import type * as A from './ast.ts';
import { parseText } from './parser.ts';
import { AstBuilder } from './toAst.ts';
import { declarationKeywords } from './tokens.ts';

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

function reportParseError(e: IRecognitionException, text: string, reporter: Reporter): void {
  const t = e.token;
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

/** Parses `text`, reporting syntax errors; always returns a (possibly partial) AST. */
export function parse(text: string, reporter: Reporter): A.File {
  const out = parseText(text);
  for (const le of out.lexErrors) reporter.report('UnexpectedCharacter', { start: le.offset, end: le.offset + Math.max(1, le.length) }, { char: `\`${text.slice(le.offset, le.offset + Math.max(1, le.length))}\`` });
  for (const t of out.tokens) if (t.tokenType.name === 'UnterminatedString') reporter.report('UnterminatedString', { start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1 });
  const seen = new Set<string>();
  for (const e of out.parseErrors) {
    const key = `${e.token.startOffset}:${e.name}`;
    if (seen.has(key)) continue; // recovery can report the same token twice
    seen.add(key);
    reportParseError(e, text, reporter);
  }
  const comments: A.Comment[] = out.comments.map((c) => ({ text: c.image, doc: c.image.startsWith('///'), span: { start: c.startOffset, end: (c.endOffset ?? c.startOffset) + 1 } }));
  const builder = new AstBuilder(docCommentLookup(text, comments), text.length);
  const decls = out.csts.flatMap((cst) => builder.file(cst, comments).decls);
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
