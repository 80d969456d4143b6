/**
 * `mlp fmt`: prints a parsed file in the one canonical layout, keeping every
 * comment. A file with syntax errors is never reformatted (the AST of a broken
 * file does not hold all of its text), and every result is checked before it
 * is returned: the output must parse to the same AST with the same comments,
 * so a formatter bug turns into an error instead of a changed program.
 *
 * Layout: declarations in source order separated by one blank line; blocks
 * with entries are always multi-line, 2-space indented, one entry per line,
 * no commas between entries; inside blocks a single blank line is kept where
 * the source had one or more. Expressions are printed on one line with
 * single spaces around binary operators and parentheses only where
 * precedence needs them.
 *
 * Comments: each comment is tied to an output line. A comment that follows
 * code on the same source line trails the output line holding that code; a
 * comment on its own line goes on its own line before the output line holding
 * the next token (before the closing `}` at the block's indentation when the
 * block ends first). So a comment written inside a multi-line entry moves
 * above (or to the end of) that entry, but is never lost.
 */
import type { IToken } from 'chevrotain';
import { Reporter, sortDiagnostics } from '../diagnostics/diagnostic.ts';
import { LineMap } from '../diagnostics/positions.ts';
import type * as A from '../syntax/ast.ts';
import { parse } from '../syntax/parse.ts';
import { lexer } from '../syntax/tokens.ts';

export type FormatResult = { text: string; changed: boolean } | { error: string; line?: number; column?: number };

const INDENT = '  ';

/** Formats a whole document; returns an error (and formats nothing) if it has syntax errors. */
export function formatText(text: string): FormatResult {
  const reporter = new Reporter();
  const file = parse(text, reporter);
  const errors = sortDiagnostics(reporter.diagnostics.filter((d) => d.severity === 'error'));
  if (errors.length > 0) {
    const first = errors[0];
    const pos = new LineMap(text).position1(first.span.start);
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more syntax error${errors.length > 2 ? 's' : ''})` : '';
    return { error: `${pos.line}:${pos.column}: ${first.message}${more}`, line: pos.line, column: pos.column };
  }
  let out: string;
  try {
    out = new Printer(text, file).print();
  } catch (e) {
    return { error: `internal formatter error: ${(e as Error).message}` };
  }
  const problem = verify(file, out);
  if (problem) return { error: `internal formatter error: ${problem}; the file was left as it is` };
  return { text: out, changed: out !== text };
}

// ---------------------------------------------------------------- expressions

/** Binding strength, loosest first; mirrors the grammar in parser.ts. */
const Prec = { Or: 1, And: 2, Not: 3, Compare: 4, Pipe: 5, Range: 6, Additive: 7, Multiplicative: 8, Unary: 9, Power: 10, Primary: 11 } as const;
type Prec = number;

const binaryPrec: Record<A.BinaryOp, Prec> = {
  or: Prec.Or, and: Prec.And,
  '<': Prec.Compare, '<=': Prec.Compare, '>': Prec.Compare, '>=': Prec.Compare, '==': Prec.Compare, '!=': Prec.Compare,
  '+': Prec.Additive, '-': Prec.Additive, '*': Prec.Multiplicative, '/': Prec.Multiplicative, '^': Prec.Power,
};

function precOf(e: A.Expr): Prec {
  switch (e.kind) {
    case 'Binary': return binaryPrec[e.op];
    case 'Unary': return e.op === 'not' ? Prec.Not : Prec.Unary;
    case 'IsMissing': case 'In': return Prec.Compare;
    case 'Pipe': return Prec.Pipe;
    case 'Range': return Prec.Range;
    case 'Number': return e.raw.startsWith('-') ? Prec.Unary : Prec.Primary;
    default: return Prec.Primary;
  }
}

/** The minimum strength each operand position accepts without parentheses. */
function operandPrecs(e: A.BinaryExpr): [Prec, Prec] {
  const p = binaryPrec[e.op];
  switch (p) {
    case Prec.Compare: return [Prec.Pipe, Prec.Pipe]; // non-associative
    case Prec.Power: return [Prec.Primary, Prec.Unary]; // right-associative, `2 ^ -1`
    default: return [p, p + 1]; // left-associative chains
  }
}

/** An expression on one line, in parentheses if it binds looser than `min`. */
export function printExpr(e: A.Expr, min: Prec = Prec.Or): string {
  const s = printBare(e);
  return precOf(e) < min ? `(${s})` : s;
}

function printName(n: A.Name): string {
  return n.quoted ? '`' + n.text + '`' : n.text;
}

function printBare(e: A.Expr): string {
  switch (e.kind) {
    case 'Number': case 'Percent': case 'Duration': case 'String': return e.raw;
    case 'Bool': return e.value ? 'true' : 'false';
    case 'Null': return 'null';
    case 'Ref': return printName(e.name);
    case 'Call': return `${printName(e.callee)}(${e.args.map((a) => (a.name ? `${printName(a.name)}: ` : '') + printExpr(a.value)).join(', ')})`;
    case 'List': return `[${e.items.map((x) => printExpr(x)).join(', ')}]`;
    case 'Range': return `${printExpr(e.from, Prec.Additive)}..${printExpr(e.to, Prec.Additive)}`;
    case 'Unary': return e.op === 'not' ? `not ${printExpr(e.operand, Prec.Not)}` : `-${printExpr(e.operand, Prec.Unary)}`;
    case 'Binary': {
      const [l, r] = operandPrecs(e);
      return `${printExpr(e.left, l)} ${e.op} ${printExpr(e.right, r)}`;
    }
    case 'IsMissing': return `${printExpr(e.operand, Prec.Pipe)} is ${e.negated ? 'not ' : ''}missing`;
    case 'In': return `${printExpr(e.operand, Prec.Pipe)} in ${printExpr(e.set, Prec.Pipe)}`;
    case 'Pipe': return [e.input, ...e.steps].map((x) => printExpr(x, Prec.Range)).join(' |> ');
    case 'Missing': throw new Error('cannot print a recovered (missing) expression');
  }
}

function printNames(ns: A.Name[]): string {
  return ns.map(printName).join(', ');
}

function printPrepStep(s: A.PrepStep): string {
  let body: string;
  switch (s.kind) {
    case 'DropRows': body = `drop rows where ${printExpr(s.where)}`; break;
    case 'DropDuplicates': body = 'drop duplicate rows'; break;
    case 'DropOutliers': body = `drop outliers in ${printNames(s.columns)} by ${printExpr(s.method)}`; break;
    case 'DropColumns': body = `drop columns ${printNames(s.columns)}`; break;
    case 'Impute': body = `impute ${printNames(s.columns)} with ${printExpr(s.strategy)}`; break;
    case 'Clip': body = `clip ${printNames(s.columns)} to ${printExpr(s.method)}`; break;
  }
  return s.phase ? `${body} during ${s.phase.names.map(printName).join(' and ')}` : body;
}

// ---------------------------------------------------------------- layout

type Role = 'decl' | 'open' | 'entry' | 'close' | 'eof';

/** One output line before comments are attached; `start` is the source offset of its first token. */
interface Line {
  role: Role;
  depth: number;
  text: string;
  start: number;
  leading: A.Comment[];
  trailing: A.Comment[];
}

interface Entry { start: number; text: string }

class Printer {
  private readonly lines: Line[] = [];
  /** non-comment tokens in source order */
  private readonly tokens: IToken[];

  constructor(private readonly source: string, private readonly file: A.File) {
    this.tokens = lexer.tokenize(source).tokens;
  }

  print(): string {
    for (const d of this.file.decls) this.decl(d);
    this.lines.push({ role: 'eof', depth: 0, text: '', start: this.source.length, leading: [], trailing: [] });
    this.attachComments();
    return this.render();
  }

  // ---- declarations to lines

  private decl(d: A.Decl): void {
    const start = d.span.start;
    switch (d.kind) {
      case 'Pipeline': return this.single(start, `pipeline ${d.name ? printName(d.name) : ''}`);
      case 'Data': {
        const head = `data ${d.name ? printName(d.name) : ''} = ${printExpr(d.source)}`;
        const entries: Entry[] = [
          ...d.columns.map((c) => ({ start: c.span.start, text: `${printName(c.name)}: ${printExpr(c.type)}` })),
          ...d.options.map((o) => ({ start: o.span.start, text: `${printName(o.key)} = ${printExpr(o.value)}` })),
        ];
        return this.maybeBlock(d, head, entries);
      }
      case 'Problem': return this.maybeBlock(d, `problem ${d.task ? printName(d.task) : ''}`, this.settings(d.settings));
      case 'Prepare': return this.block(d, 'prepare', d.steps.map((s) => ({ start: s.span.start, text: printPrepStep(s) })));
      case 'Features': {
        const entries: Entry[] = [
          ...d.features.map((f) => ({ start: f.span.start, text: `${printName(f.name)} = ${printExpr(f.value)}` })),
          ...d.selects.map((s) => ({ start: this.tokenBefore(s.span.start)?.startOffset ?? s.span.start, text: `select ${printExpr(s)}` })),
        ];
        return this.block(d, 'features', entries);
      }
      case 'Split': return this.block(d, 'split', this.settings(d.settings));
      case 'Validate': return this.single(start, `validate ${printExpr(d.method)}`);
      case 'Models': return this.block(d, 'models', d.models.map((m) => ({
        start: m.span.start,
        text: `${printName(m.name)} = ${printExpr(m.value)}${m.using ? ` using ${printNames(m.using)}` : ''}`,
      })));
      case 'Search': return this.maybeBlock(d, `search ${d.strategy ? printName(d.strategy) : ''}`, this.settings(d.settings));
      case 'Report': return this.single(start, `report ${d.items.map((x) => printExpr(x)).join(', ')}`);
      case 'Export': return this.maybeBlock(d, `export ${printExpr(d.path)}`, this.settings(d.settings));
      case 'Stage': return this.block(d, d.stage, this.settings(d.settings));
    }
  }

  private settings(ss: A.Setting[]): Entry[] {
    return ss.map((s) => ({ start: s.span.start, text: `${printName(s.key)} = ${printExpr(s.value)}` }));
  }

  private single(start: number, text: string): void {
    this.lines.push({ role: 'decl', depth: 0, text, start, leading: [], trailing: [] });
  }

  /** A declaration whose `{ … }` is optional: printed with braces only if the source had them. */
  private maybeBlock(d: A.Decl, head: string, entries: Entry[]): void {
    if (this.braces(d)) this.block(d, head, entries);
    else this.single(d.span.start, head);
  }

  private block(d: A.Decl, head: string, entries: Entry[]): void {
    const braces = this.braces(d);
    if (!braces) throw new Error(`no braces found for the ${d.kind} block`);
    this.lines.push({ role: 'open', depth: 0, text: `${head} {`, start: d.span.start, leading: [], trailing: [] });
    for (const e of [...entries].sort((a, b) => a.start - b.start)) this.lines.push({ role: 'entry', depth: 1, text: e.text, start: e.start, leading: [], trailing: [] });
    this.lines.push({ role: 'close', depth: 0, text: '}', start: braces.close.startOffset, leading: [], trailing: [] });
  }

  /** The `{` and `}` of a declaration (expressions hold no braces, so the first `{` opens its block). */
  private braces(d: A.Decl): { open: IToken; close: IToken } | undefined {
    const inside = this.tokensIn(d.span);
    const open = inside.find((t) => t.tokenType.name === 'LBrace');
    const close = inside.at(-1);
    return open && close?.tokenType.name === 'RBrace' ? { open, close } : undefined;
  }

  private tokensIn(span: A.Span): IToken[] {
    const from = this.firstTokenAtOrAfter(span.start);
    const out: IToken[] = [];
    for (let i = from; i < this.tokens.length && this.tokens[i].startOffset < span.end; i++) out.push(this.tokens[i]);
    return out;
  }

  private firstTokenAtOrAfter(offset: number): number {
    let lo = 0, hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid].startOffset < offset) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  private tokenBefore(offset: number): IToken | undefined {
    return this.tokens[this.firstTokenAtOrAfter(offset) - 1];
  }

  // ---- comments

  /** Index of the output line that holds the token starting at `offset`. */
  private lineOf(offset: number): number {
    let lo = 0, hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lines[mid].start <= offset) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  private attachComments(): void {
    let previous: { comment: A.Comment; trails: boolean } | undefined;
    for (const c of this.file.comments) {
      const before = this.tokenBefore(c.span.start);
      // a comment trails code when nothing but spaces (and other trailing comments) separate them
      const afterComment = previous !== undefined && (before === undefined || previous.comment.span.start > before.startOffset);
      const gapStart = afterComment ? previous!.comment.span.end : before ? before.endOffset! + 1 : 0;
      const sameLine = !/[\n\r]/.test(this.source.slice(gapStart, c.span.start));
      const trails = before !== undefined && sameLine && (!afterComment || previous!.trails);
      previous = { comment: c, trails };
      if (trails) {
        this.lines[this.lineOf(before.startOffset)].trailing.push(c);
      } else {
        const next = this.tokens[this.firstTokenAtOrAfter(c.span.end)];
        this.lines[next ? this.lineOf(next.startOffset) : this.lines.length - 1].leading.push(c);
      }
    }
    // A `//` comment swallows the rest of its line: if one would be followed by
    // another comment on the same output line, put them all on their own lines.
    for (const line of this.lines) {
      if (line.trailing.slice(0, -1).some((c) => !c.text.startsWith('/*'))) {
        line.leading.push(...line.trailing);
        line.trailing = [];
      }
    }
  }

  /** The source has a blank line right before `offset`. */
  private blankBefore(offset: number): boolean {
    let newlines = 0;
    for (let i = offset - 1; i >= 0; i--) {
      const ch = this.source[i];
      if (ch === '\n') newlines++;
      else if (ch === '\r') { if (this.source[i + 1] !== '\n') newlines++; }
      else if (!/\s/.test(ch)) break;
    }
    return newlines >= 2;
  }

  // ---- lines to text

  private render(): string {
    const out: string[] = [];
    let afterOpen = false; // the last emitted line opened a block
    const emit = (text: string, blank: boolean) => {
      if (blank && out.length > 0) out.push('');
      out.push(text);
    };
    for (let i = 0; i < this.lines.length; i++) {
      const line = this.lines[i];
      const commentDepth = line.role === 'close' ? 1 : line.depth;
      const units: { start: number; text: string; depth: number }[] = [
        ...line.leading.map((c) => ({ start: c.span.start, text: commentText(c), depth: commentDepth })),
      ];
      for (let u = 0; u < units.length; u++) {
        const unit = units[u];
        const groupStart = u === 0 && (line.role === 'decl' || line.role === 'open');
        emit(indent(unit.depth) + unit.text, groupStart ? true : !afterOpen && this.blankBefore(unit.start));
        afterOpen = false;
      }
      if (line.role === 'eof') break;
      let text = line.text;
      const next = this.lines[i + 1];
      if (line.role === 'open' && next.role === 'close' && line.trailing.length === 0 && next.leading.length === 0) {
        // an empty block stays `{}` on the header line
        text += '}';
        line.trailing = next.trailing;
        i++;
      }
      const trailing = line.trailing.map((c) => ' ' + commentText(c)).join('');
      const firstOfGroup = units.length === 0 && (line.role === 'decl' || line.role === 'open');
      const blank = firstOfGroup ? true : line.role === 'close' || afterOpen ? false : this.blankBefore(line.start);
      emit(indent(line.depth) + text + trailing, blank);
      afterOpen = line.role === 'open' && !text.endsWith('{}');
    }
    return out.length === 0 ? '' : out.join('\n') + '\n';
  }
}

function indent(depth: number): string {
  return INDENT.repeat(depth);
}

/** Line comments lose trailing spaces; block comments are kept verbatim (with `\n` line ends). */
function commentText(c: A.Comment): string {
  return c.text.startsWith('/*') ? c.text.replace(/\r\n?/g, '\n') : c.text.trimEnd();
}

// ---------------------------------------------------------------- safety net

/** Why `out` is not a faithful rewrite of the file `before` was parsed from, or undefined if it is. */
function verify(before: A.File, out: string): string | undefined {
  const reporter = new Reporter();
  const after = parse(out, reporter);
  const err = reporter.diagnostics.find((d) => d.severity === 'error');
  if (err) return `the output does not parse (${err.message})`;
  if (stripSpans(before.decls) !== stripSpans(after.decls)) return 'the output means something else';
  const a = before.comments.map(commentText).sort();
  const b = after.comments.map(commentText).sort();
  if (a.length !== b.length || a.some((t, i) => t !== b[i])) return 'comments would change';
  return undefined;
}

/** The AST as JSON without positions (and without doc text, which follows comments). */
function stripSpans(decls: A.Decl[]): string {
  return JSON.stringify(decls, (key, value) => (key === 'span' || key === 'keywordSpan' || key === 'doc' ? undefined : value));
}
