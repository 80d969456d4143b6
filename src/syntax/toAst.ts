/**
 * CST → AST. Tolerates the holes Chevrotain's recovery leaves: a missing
 * child becomes a `Missing` expression or is left out, never an exception.
 */
import type { CstNode, CstElement, IToken } from 'chevrotain';
import type * as A from './ast.ts';

type Children = Record<string, CstElement[] | undefined>;

const isToken = (e: CstElement | undefined): e is IToken => !!e && 'image' in e;
const isNode = (e: CstElement | undefined): e is CstNode => !!e && 'children' in e;

export function tokenSpan(t: IToken): A.Span {
  return { start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1 };
}

/** Span of a CST node from its first to its last token (recovered nodes may lack location). */
function nodeSpan(n: CstNode | undefined, fallback: A.Span): A.Span {
  const loc = n?.location;
  if (loc && Number.isFinite(loc.startOffset) && Number.isFinite(loc.endOffset ?? NaN)) return { start: loc.startOffset, end: (loc.endOffset as number) + 1 };
  return fallback;
}

function firstNode(c: Children, key: string): CstNode | undefined {
  const e = c[key]?.[0];
  return isNode(e) ? e : undefined;
}
function nodes(c: Children, key: string): CstNode[] {
  return (c[key] ?? []).filter(isNode);
}
function firstToken(c: Children, key: string): IToken | undefined {
  const e = c[key]?.[0];
  return isToken(e) && !e.isInsertedInRecovery ? e : undefined;
}

export class AstBuilder {
  /** doc comments keyed by the offset of the line start they precede */
  constructor(private readonly docBefore: (offset: number) => string | undefined, private readonly eof: number) {}

  private missing(at: number): A.MissingExpr {
    return { kind: 'Missing', span: { start: at, end: at } };
  }

  file(cst: CstNode, comments: A.Comment[]): A.File {
    const decls: A.Decl[] = [];
    for (const d of nodes(cst.children, 'declaration')) {
      const inner = Object.values(d.children).flat().find(isNode);
      const decl = inner && this.declaration(inner);
      if (decl) decls.push(decl);
    }
    return { decls, comments, span: { start: 0, end: this.eof } };
  }

  private declaration(n: CstNode): A.Decl | undefined {
    const c = n.children;
    const kw = Object.values(c).flat().find(isToken);
    if (!kw) return undefined;
    const keywordSpan = tokenSpan(kw);
    const span = nodeSpan(n, keywordSpan);
    const nameOf = () => this.name(firstNode(c, 'name'));
    switch (n.name) {
      case 'pipelineDecl':
        return { kind: 'Pipeline', name: nameOf(), doc: this.docBefore(span.start), span, keywordSpan };
      case 'dataDecl': {
        const columns: A.ColumnDecl[] = [];
        const options: A.Setting[] = [];
        for (const e of nodes(c, 'dataEntry')) {
          const name = this.name(firstNode(e.children, 'name'));
          if (!name) continue;
          const espan = nodeSpan(e, name.span);
          const typeNode = firstNode(e.children, 'type');
          if (typeNode || firstToken(e.children, 'Colon')) columns.push({ name, type: this.expr(typeNode, espan.end), span: espan });
          else options.push({ key: name, value: this.expr(firstNode(e.children, 'value'), espan.end), span: espan });
        }
        return { kind: 'Data', name: nameOf(), source: this.expr(firstNode(c, 'source'), span.end), columns, options, doc: this.docBefore(span.start), span, keywordSpan };
      }
      case 'problemDecl':
        return { kind: 'Problem', task: nameOf(), settings: this.settings(firstNode(c, 'settingsBlock')), span, keywordSpan };
      case 'prepareDecl':
        return { kind: 'Prepare', steps: nodes(c, 'prepStep').map((s) => this.prepStep(s)).filter((s): s is A.PrepStep => !!s), span, keywordSpan };
      case 'featuresDecl':
        return {
          kind: 'Features',
          features: nodes(c, 'featureDecl').flatMap((f) => this.feature(f, keywordSpan) ?? []),
          selects: nodes(c, 'selectStep').map((s) => this.select(s, keywordSpan)),
          span, keywordSpan,
        };
      case 'splitDecl':
        return { kind: 'Split', settings: this.settings(firstNode(c, 'settingsBlock')), span, keywordSpan };
      case 'validateDecl':
        return { kind: 'Validate', method: this.expr(firstNode(c, 'expression'), span.end), span, keywordSpan };
      case 'modelsDecl':
        return { kind: 'Models', models: nodes(c, 'modelDecl').flatMap((m) => this.model(m, keywordSpan) ?? []), span, keywordSpan };
      case 'searchDecl':
        return { kind: 'Search', strategy: nameOf(), settings: this.settings(firstNode(c, 'settingsBlock')), span, keywordSpan };
      case 'reportDecl':
        return { kind: 'Report', items: nodes(c, 'expression').map((e) => this.expr(e, span.end)), span, keywordSpan };
      case 'exportDecl':
        return { kind: 'Export', path: this.expr(firstNode(c, 'expression'), span.end), settings: this.settings(firstNode(c, 'settingsBlock')), span, keywordSpan };
      case 'stageDecl':
        return { kind: 'Stage', stage: kw.image as 'explore' | 'serve' | 'monitor', settings: this.settings(firstNode(c, 'settingsBlock')), span, keywordSpan };
    }
    return undefined;
  }

  /** A `featureDecl` node (`fallback`: the span of a node recovery left without a location). */
  feature(f: CstNode, fallback: A.Span): A.FeatureDecl | undefined {
    const name = this.name(firstNode(f.children, 'name'));
    const span = nodeSpan(f, fallback);
    return name && { name, value: this.expr(firstNode(f.children, 'expression'), span.end), doc: this.docBefore(span.start), span };
  }

  /** A `selectStep` node's expression. */
  select(s: CstNode, fallback: A.Span): A.Expr {
    return this.expr(firstNode(s.children, 'expression'), nodeSpan(s, fallback).end);
  }

  /** A `modelDecl` node. */
  model(m: CstNode, fallback: A.Span): A.ModelDecl | undefined {
    const name = this.name(firstNode(m.children, 'name'));
    const span = nodeSpan(m, fallback);
    const using = firstNode(m.children, 'nameList');
    return name && { name, value: this.expr(firstNode(m.children, 'expression'), span.end), using: using ? this.nameList(using) : undefined, doc: this.docBefore(span.start), span };
  }

  private settings(block: CstNode | undefined): A.Setting[] {
    if (!block) return [];
    return nodes(block.children, 'setting').flatMap((s) => {
      const key = this.name(firstNode(s.children, 'name'));
      const sspan = nodeSpan(s, key?.span ?? { start: 0, end: 0 });
      return key ? [{ key, value: this.expr(firstNode(s.children, 'expression'), sspan.end), span: sspan }] : [];
    });
  }

  private prepStep(n: CstNode): A.PrepStep | undefined {
    const inner = nodes(n.children, 'dropStep')[0] ?? nodes(n.children, 'imputeStep')[0] ?? nodes(n.children, 'clipStep')[0];
    if (!inner) return undefined;
    const span = nodeSpan(n, nodeSpan(inner, { start: 0, end: 0 }));
    const phaseNode = firstNode(n.children, 'phase');
    const phase = phaseNode ? { names: nodes(phaseNode.children, 'name').map((x) => this.name(x)).filter((x): x is A.Name => !!x), span: nodeSpan(phaseNode, span) } : undefined;
    const c = inner.children;
    const columns = () => this.nameList(firstNode(c, 'nameList'));
    switch (inner.name) {
      case 'imputeStep':
        return { kind: 'Impute', columns: columns(), strategy: this.expr(firstNode(c, 'expression'), span.end), phase, span };
      case 'clipStep':
        return { kind: 'Clip', columns: columns(), method: this.expr(firstNode(c, 'expression'), span.end), phase, span };
      default:
        if (c.Duplicate) return { kind: 'DropDuplicates', phase, span };
        if (c.Outliers) return { kind: 'DropOutliers', columns: columns(), method: this.expr(firstNode(c, 'method'), span.end), phase, span };
        if (c.Columns) return { kind: 'DropColumns', columns: columns(), phase, span };
        return { kind: 'DropRows', where: this.expr(firstNode(c, 'expression'), span.end), phase, span };
    }
  }

  private nameList(n: CstNode | undefined): A.Name[] {
    if (!n) return [];
    return nodes(n.children, 'name').map((x) => this.name(x)).filter((x): x is A.Name => !!x);
  }

  /** A Name from a `name`/`keyName` node, or from a node that holds the name token itself (`callOrRef`). */
  name(n: CstNode | undefined): A.Name | undefined {
    if (!n) return undefined;
    const id = firstToken(n.children, 'Identifier');
    if (id) return { kind: 'Name', text: id.image, quoted: false, span: tokenSpan(id) };
    const q = firstToken(n.children, 'QuotedName');
    if (q) return { kind: 'Name', text: q.image.slice(1, -1), quoted: true, span: tokenSpan(q) };
    const k = firstToken(n.children, 'KeywordName');
    if (k) return { kind: 'Name', text: k.image, quoted: false, span: tokenSpan(k) };
    return undefined;
  }

  /** An `expression` CST node (a flat operator sequence) to an AST expression, applying precedence. */
  expr(n: CstNode | undefined, at: number): A.Expr {
    if (!n) return this.missing(at);
    if (n.name === 'callOrRef') return this.callOrRef(n, at);
    if (n.name === 'list') return this.list(n, at);
    const operands = n.children.operand;
    if (operands?.length === 1 && !n.children.BinaryOperator && !n.children.Is) {
      // the common case: one operand, no operators
      const o = operands[0] as CstNode;
      if (!o.children.Not && !o.children.Minus) return this.atom(o);
    }
    const items = this.flatten(n);
    if (items.length === 0) return this.missing(at);
    const p = new Pratt(items, (node) => this.atom(node), nodeSpan(n, { start: at, end: at }).end);
    return p.parse(0);
  }

  /** Operands' prefix operators, atoms, infix operators and postfix `is [not] missing`, in source order. */
  private flatten(n: CstNode): Item[] {
    const items: Item[] = [];
    const tokens = (n.children.BinaryOperator ?? []).filter(isToken).filter((t) => !t.isInsertedInRecovery);
    const is = [...(n.children.Is ?? []), ...(n.children.Not ?? []), ...(n.children.Missing ?? [])].filter(isToken);
    const operands = nodes(n.children, 'operand');
    const parts: { offset: number; push: () => void }[] = [];
    for (const t of tokens) parts.push({ offset: t.startOffset, push: () => items.push({ kind: 'infix', op: t.image as A.BinaryOp, span: tokenSpan(t) }) });
    for (const t of is) {
      if (t.tokenType.name !== 'Is') continue;
      const negated = is.some((x) => x.tokenType.name === 'Not' && x.startOffset > t.startOffset && !is.some((m) => m.tokenType.name === 'Missing' && m.startOffset < x.startOffset && m.startOffset > t.startOffset));
      const missing = is.filter((x) => x.tokenType.name === 'Missing' && x.startOffset > t.startOffset).sort((a, b) => a.startOffset - b.startOffset)[0];
      parts.push({ offset: t.startOffset, push: () => items.push({ kind: 'missing', negated, span: { start: t.startOffset, end: missing ? (missing.endOffset ?? missing.startOffset) + 1 : (t.endOffset ?? t.startOffset) + 1 } }) });
    }
    for (const o of operands) {
      const start = o.location?.startOffset;
      parts.push({
        offset: Number.isFinite(start) ? (start as number) : Infinity,
        push: () => {
          for (const t of [...(o.children.Not ?? []), ...(o.children.Minus ?? [])].filter(isToken).sort((a, b) => a.startOffset - b.startOffset)) {
            items.push({ kind: 'prefix', op: t.image === 'not' ? 'not' : '-', span: tokenSpan(t) });
          }
          items.push({ kind: 'atom', node: o, span: nodeSpan(o, { start: at0(o), end: at0(o) }) });
        },
      });
    }
    parts.sort((a, b) => a.offset - b.offset).forEach((p) => p.push());
    return items;
  }

  /** The primary value of an `operand` node. */
  private atom(o: CstNode): A.Expr {
    const c = o.children;
    const span = nodeSpan(o, { start: at0(o), end: at0(o) });
    const inner = firstNode(c, 'callOrRef') ?? firstNode(c, 'list') ?? firstNode(c, 'expression');
    const tok = (c.NumberLiteral ?? c.Percent ?? c.Duration ?? c.StringLiteral ?? c.UnterminatedString ?? c.True ?? c.False ?? c.Null)?.[0] as IToken | undefined;
    if (tok && !tok.isInsertedInRecovery) {
      const s = tokenSpan(tok);
      switch (tok.tokenType.name) {
        case 'NumberLiteral': return { kind: 'Number', value: Number(tok.image), raw: tok.image, span: s };
        case 'Percent': return { kind: 'Percent', value: Number(tok.image.slice(0, -1)) / 100, raw: tok.image, span: s };
        case 'Duration': {
          const m = /^([\d.]+)(ms|s|m|h)$/.exec(tok.image)!;
          const unit = { ms: 0.001, s: 1, m: 60, h: 3600 }[m[2] as 'ms' | 's' | 'm' | 'h'];
          return { kind: 'Duration', value: Number(m[1]) * unit, raw: tok.image, span: s };
        }
        case 'StringLiteral': return { kind: 'String', value: unescape(tok.image.slice(1, -1)), raw: tok.image, terminated: true, span: s };
        case 'UnterminatedString': return { kind: 'String', value: unescape(tok.image.slice(1)), raw: tok.image, terminated: false, span: s };
        case 'True': return { kind: 'Bool', value: true, span: s };
        case 'False': return { kind: 'Bool', value: false, span: s };
        case 'Null': return { kind: 'Null', span: s };
      }
    }
    if (inner) return this.expr(inner, span.start);
    return this.missing(span.start);
  }

  private callOrRef(n: CstNode, at: number): A.Expr {
    const c = n.children;
    const span = nodeSpan(n, { start: at, end: at });
    const callee = this.name(n);
    if (!callee) return this.missing(at);
    if (!c.LParen) return { kind: 'Ref', name: callee, span: callee.span };
    const args = nodes(c, 'argument').map((a) => {
      const aspan = nodeSpan(a, span);
      return { name: this.name(firstNode(a.children, 'name')), value: this.expr(firstNode(a.children, 'expression'), aspan.end), span: aspan };
    });
    return { kind: 'Call', callee, args, span };
  }

  private list(n: CstNode, at: number): A.Expr {
    const span = nodeSpan(n, { start: at, end: at });
    return { kind: 'List', items: nodes(n.children, 'expression').map((x) => this.expr(x, span.end)), span };
  }
}

const at0 = (n: CstNode) => (Number.isFinite(n.location?.startOffset) ? (n.location!.startOffset as number) : 0);

type Item =
  | { kind: 'atom'; node: CstNode; span: A.Span }
  | { kind: 'prefix'; op: 'not' | '-'; span: A.Span }
  | { kind: 'infix'; op: A.BinaryOp | 'in' | '|>' | '..'; span: A.Span }
  | { kind: 'missing'; negated: boolean; span: A.Span };

/** Binding power of each infix operator (higher binds tighter); `^` is right-associative. */
const INFIX: Record<string, number> = { or: 1, and: 2, '<': 4, '<=': 4, '>': 4, '>=': 4, '==': 4, '!=': 4, in: 4, '|>': 5, '..': 6, '+': 7, '-': 7, '*': 8, '/': 8, '^': 10 };
const NOT = 3, MISSING = 4, NEG = 9;

/** Precedence climbing over a flat operator sequence. */
class Pratt {
  private i = 0;
  /** pipes built by this sequence (as opposed to parenthesised ones) */
  private readonly pipes = new WeakSet<A.Expr>();
  constructor(private readonly items: Item[], private readonly atom: (n: CstNode) => A.Expr, private readonly end: number) {}

  private missingAt(offset: number): A.MissingExpr {
    return { kind: 'Missing', span: { start: offset, end: offset } };
  }

  parse(min: number): A.Expr {
    let left = this.prefix();
    for (;;) {
      const item = this.items[this.i];
      if (!item) return left;
      if (item.kind === 'missing') {
        if (MISSING < min) return left;
        this.i++;
        left = { kind: 'IsMissing', operand: left, negated: item.negated, span: { start: left.span.start, end: item.span.end } };
        continue;
      }
      if (item.kind !== 'infix') return left;
      const bp = INFIX[item.op];
      if (bp < min) return left;
      this.i++;
      const right = this.parse(item.op === '^' ? bp : bp + 1);
      // `a |> f |> g` is one pipe; `(a |> f) |> g` keeps the parenthesised pipe as its input
      if (item.op === '|>' && left.kind === 'Pipe' && this.pipes.has(left)) left = { ...left, steps: [...left.steps, right], span: { start: left.span.start, end: Math.max(left.span.end, right.span.end) } };
      else left = combine(item.op, left, right);
      if (left.kind === 'Pipe') this.pipes.add(left);
    }
  }

  private prefix(): A.Expr {
    const item = this.items[this.i];
    if (!item) return this.missingAt(this.end);
    if (item.kind === 'prefix') {
      this.i++;
      const operand = this.parse(item.op === 'not' ? NOT : NEG);
      const span = { start: item.span.start, end: Math.max(item.span.end, operand.span.end) };
      if (item.op === '-' && operand.kind === 'Number') return { kind: 'Number', value: -operand.value, raw: '-' + operand.raw, span };
      return { kind: 'Unary', op: item.op, operand, span };
    }
    if (item.kind === 'atom') {
      this.i++;
      return this.atom(item.node);
    }
    // an operator where an operand should be (recovery): leave a hole
    return this.missingAt(item.span.start);
  }
}

function combine(op: string, left: A.Expr, right: A.Expr): A.Expr {
  const span = { start: left.span.start, end: Math.max(left.span.end, right.span.end) };
  if (op === '|>') return { kind: 'Pipe', input: left, steps: [right], span };
  if (op === '..') return { kind: 'Range', from: left, to: right, span };
  if (op === 'in') return { kind: 'In', operand: left, set: right, span };
  return { kind: 'Binary', op: op as A.BinaryOp, left, right, span };
}

/** Decodes the escapes a .mlp string may hold: \" \\ \n \t \r \uXXXX. */
export function unescape(body: string): string {
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e[0] === 'u' && e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[e] ?? e;
  });
}
