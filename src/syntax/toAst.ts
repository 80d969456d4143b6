/**
 * CST → AST. Tolerates the holes Chevrotain's recovery leaves: a missing
 * child becomes a `Missing` expression or is left out, never an exception.
 */
import type { CstNode, CstElement, IToken } from 'chevrotain';
import type * as A from './ast.ts';

type Children = Record<string, CstElement[] | undefined>;

const isToken = (e: CstElement | undefined): e is IToken => !!e && 'image' in e;
const isNode = (e: CstElement | undefined): e is CstNode => !!e && 'children' in e;

function tokenSpan(t: IToken): A.Span {
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
          features: nodes(c, 'featureDecl').flatMap((f) => {
            const name = this.name(firstNode(f.children, 'name'));
            const fspan = nodeSpan(f, keywordSpan);
            return name ? [{ name, value: this.expr(firstNode(f.children, 'expression'), fspan.end), doc: this.docBefore(fspan.start), span: fspan }] : [];
          }),
          selects: nodes(c, 'selectStep').map((s) => this.expr(firstNode(s.children, 'expression'), nodeSpan(s, keywordSpan).end)),
          span, keywordSpan,
        };
      case 'splitDecl':
        return { kind: 'Split', settings: this.settings(firstNode(c, 'settingsBlock')), span, keywordSpan };
      case 'validateDecl':
        return { kind: 'Validate', method: this.expr(firstNode(c, 'expression'), span.end), span, keywordSpan };
      case 'modelsDecl':
        return {
          kind: 'Models',
          models: nodes(c, 'modelDecl').flatMap((m) => {
            const name = this.name(firstNode(m.children, 'name'));
            const mspan = nodeSpan(m, keywordSpan);
            const using = firstNode(m.children, 'nameList');
            return name ? [{ name, value: this.expr(firstNode(m.children, 'expression'), mspan.end), using: using ? this.nameList(using) : undefined, doc: this.docBefore(mspan.start), span: mspan }] : [];
          }),
          span, keywordSpan,
        };
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

  /** Any expression-level CST node to an AST expression. */
  expr(n: CstNode | undefined, at: number): A.Expr {
    if (!n) return this.missing(at);
    const c = n.children;
    const span = nodeSpan(n, { start: at, end: at });
    switch (n.name) {
      case 'expression': return this.binaryChain(n, 'andExpr', { Or: 'or' }, at);
      case 'andExpr': return this.binaryChain(n, 'notExpr', { And: 'and' }, at);
      case 'notExpr':
        if (firstToken(c, 'Not')) return { kind: 'Unary', op: 'not', operand: this.expr(firstNode(c, 'notExpr'), span.end), span };
        return this.expr(firstNode(c, 'comparison'), at);
      case 'comparison': {
        const [left, right] = nodes(c, 'pipeExpr').map((x) => this.expr(x, span.end));
        const lhs = left ?? this.missing(at);
        if (firstToken(c, 'Missing') || firstToken(c, 'Is')) return { kind: 'IsMissing', operand: lhs, negated: !!firstToken(c, 'Not'), span };
        if (firstToken(c, 'In')) return { kind: 'In', operand: lhs, set: right ?? this.missing(span.end), span };
        const op = firstNode(c, 'compareOp');
        if (op) {
          const t = Object.values(op.children).flat().find(isToken);
          return { kind: 'Binary', op: (t?.image ?? '==') as A.BinaryOp, left: lhs, right: right ?? this.missing(span.end), span };
        }
        return lhs;
      }
      case 'pipeExpr': {
        const parts = nodes(c, 'rangeExpr').map((x) => this.expr(x, span.end));
        if (parts.length <= 1) return parts[0] ?? this.missing(at);
        return { kind: 'Pipe', input: parts[0], steps: parts.slice(1), span };
      }
      case 'rangeExpr': {
        const parts = nodes(c, 'additive').map((x) => this.expr(x, span.end));
        if (!firstToken(c, 'RangeOp')) return parts[0] ?? this.missing(at);
        return { kind: 'Range', from: parts[0] ?? this.missing(at), to: parts[1] ?? this.missing(span.end), span };
      }
      case 'additive': return this.binaryChain(n, 'multiplicative', { Plus: '+', Minus: '-' }, at);
      case 'multiplicative': return this.binaryChain(n, 'unary', { Star: '*', Slash: '/' }, at);
      case 'unary':
        if (firstToken(c, 'Minus')) {
          const operand = this.expr(firstNode(c, 'unary'), span.end);
          if (operand.kind === 'Number') return { kind: 'Number', value: -operand.value, raw: '-' + operand.raw, span };
          return { kind: 'Unary', op: '-', operand, span };
        }
        return this.expr(firstNode(c, 'power'), at);
      case 'power': {
        const base = this.expr(firstNode(c, 'primary'), at);
        if (!firstToken(c, 'Caret')) return base;
        return { kind: 'Binary', op: '^', left: base, right: this.expr(firstNode(c, 'unary'), span.end), span };
      }
      case 'primary': return this.primary(n, span);
      case 'callOrRef': {
        const callee = this.name(firstNode(c, 'name'));
        if (!callee) return this.missing(at);
        if (!c.LParen) return { kind: 'Ref', name: callee, span: callee.span };
        const args = nodes(c, 'argument').map((a) => {
          const aspan = nodeSpan(a, span);
          return { name: this.name(firstNode(a.children, 'name')), value: this.expr(firstNode(a.children, 'expression'), aspan.end), span: aspan };
        });
        return { kind: 'Call', callee, args, span };
      }
      case 'list':
        return { kind: 'List', items: nodes(c, 'expression').map((x) => this.expr(x, span.end)), span };
    }
    return this.missing(at);
  }

  private binaryChain(n: CstNode, operandRule: string, ops: Record<string, A.BinaryOp>, at: number): A.Expr {
    const operands = nodes(n.children, operandRule);
    const opTokens = Object.keys(ops).flatMap((k) => (n.children[k] ?? []).filter(isToken)).sort((a, b) => a.startOffset - b.startOffset);
    let result = this.expr(operands[0], at);
    for (let i = 1; i < operands.length; i++) {
      const right = this.expr(operands[i], result.span.end);
      const opTok = opTokens[i - 1];
      const op = opTok ? ops[opTok.tokenType.name] : Object.values(ops)[0];
      result = { kind: 'Binary', op, left: result, right, span: { start: result.span.start, end: Math.max(result.span.end, right.span.end) } };
    }
    return result;
  }

  private primary(n: CstNode, span: A.Span): A.Expr {
    const c = n.children;
    const tok = Object.values(c).flat().find(isToken);
    const sub = Object.values(c).flat().find(isNode);
    if (tok && tok.tokenType.name !== 'LParen' && !tok.isInsertedInRecovery) {
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
    if (sub) return this.expr(sub, span.start);
    return this.missing(span.start);
  }
}

/** Decodes the escapes a .mlp string may hold: \" \\ \n \t \r \uXXXX. */
export function unescape(body: string): string {
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e[0] === 'u' && e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[e] ?? e;
  });
}
