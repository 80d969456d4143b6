/**
 * Feature expressions and row predicates: resolves names, checks types
 * against the catalog's transform signatures and lowers to IR.
 */
import type * as A from '../syntax/ast.ts';
import * as catalog from '../catalog/index.ts';
import type { ValueKind } from '../catalog/types.ts';
import type { Reporter } from '../diagnostics/diagnostic.ts';
import { didYouMean } from '../diagnostics/didYouMean.ts';
import type { FeatureExprIR, PredicateIR, ValueIR } from './ir.ts';
import type { Scope } from './scope.ts';
import { plainParams, resolveArgs, describe, literal } from './values.ts';

/** A lowered expression with its value kind ('sparse' for text matrices, 'error' once reported). */
export interface Typed {
  ir: FeatureExprIR;
  kind: ValueKind | 'sparse' | 'error';
  columns: Set<string>;
}

const NUMERIC: ReadonlySet<string> = new Set(['numeric', 'integer', 'boolean']);
const article = (k: string) => (/^[aeiou]/.test(k) ? `an ${k}` : `a ${k}`);
const kindsText = (ks: readonly string[]) => article(ks.length > 1 ? `${ks.slice(0, -1).join(', ')} or ${ks.at(-1)}` : ks[0]);

export class FeatureLowering {
  /** features currently being lowered (cycle detection) */
  private readonly active = new Set<string>();

  constructor(private readonly scope: Scope, private readonly reporter: Reporter, private readonly lowerFeature: (name: string) => Typed | undefined) {}

  private error(): Typed {
    return { ir: { op: 'const', value: 0 }, kind: 'error', columns: new Set() };
  }

  /** Resolves a bare name to a column or a feature, reporting unknown names. */
  ref(name: A.Name): Typed {
    const column = this.scope.columns.get(name.text);
    if (column) {
      this.scope.references.push({ name, kind: 'column', target: name.text });
      return { ir: { op: 'column', name: name.text, type: column.kind }, kind: column.kind, columns: new Set([name.text]) };
    }
    if (this.scope.features.has(name.text)) {
      this.scope.references.push({ name, kind: 'feature', target: name.text });
      if (this.active.has(name.text)) {
        this.reporter.report('InvalidExpression', name.span, { what: `A reference to \`${name.text}\` from its own definition`, expected: 'features cannot depend on themselves' });
        return this.error();
      }
      this.active.add(name.text);
      const inner = this.lowerFeature(name.text);
      this.active.delete(name.text);
      // undefined: the feature is still being lowered further up, so this reference closes a cycle
      if (!inner) {
        this.reporter.report('InvalidExpression', name.span, { what: `A reference to \`${name.text}\` from its own definition`, expected: 'features cannot depend on themselves' });
        return this.error();
      }
      if (inner.kind === 'error') return this.error();
      return { ir: { op: 'feature', name: name.text }, kind: inner.kind, columns: inner.columns };
    }
    if (!this.scope.columnsKnown) return { ir: { op: 'column', name: name.text, type: 'numeric' }, kind: 'error', columns: new Set([name.text]) };
    this.reporter.report('UnknownName', name.span, { name: name.text }, { hint: didYouMean(name.text, [...this.scope.columns.keys(), ...this.scope.features.keys()]) });
    return this.error();
  }

  /** Lowers a feature expression. */
  expr(e: A.Expr): Typed {
    switch (e.kind) {
      case 'Number': return { ir: { op: 'const', value: e.value }, kind: 'numeric', columns: new Set() };
      case 'Ref': {
        if (!this.scope.columns.has(e.name.text) && !this.scope.features.has(e.name.text) && catalog.transform(e.name.text)) {
          this.reporter.report('InvalidExpression', e.span, { what: `The transform \`${e.name.text}\` without inputs`, expected: `call it, e.g. \`${catalog.transform(e.name.text)!.example}\`` });
          return this.error();
        }
        return this.ref(e.name);
      }
      case 'Call': return this.call(e, []);
      case 'Pipe': {
        let current = this.expr(e.input);
        for (const step of e.steps) {
          if (current.kind === 'error') return current;
          if (step.kind === 'Ref') current = this.call({ kind: 'Call', callee: step.name, args: [], span: step.span }, [current]);
          else if (step.kind === 'Call') current = this.call(step, [current]);
          else {
            this.reporter.report('InvalidExpression', step.span, { what: describe(step), expected: 'each step after `|>` must be a transform like `log1p` or `standardize()`' });
            return this.error();
          }
        }
        return current;
      }
      case 'Unary':
        if (e.op === '-') {
          const inner = this.numeric(e.operand);
          return inner.kind === 'error' ? inner : { ir: { op: 'neg', operand: inner.ir }, kind: 'numeric', columns: inner.columns };
        }
        break;
      case 'Binary':
        if (['+', '-', '*', '/', '^'].includes(e.op)) {
          const left = this.numeric(e.left), right = this.numeric(e.right);
          if (left.kind === 'error' || right.kind === 'error') return this.error();
          return { ir: { op: 'arith', operator: e.op as '+', left: left.ir, right: right.ir }, kind: 'numeric', columns: new Set([...left.columns, ...right.columns]) };
        }
        break;
      case 'Missing': return this.error();
      case 'String': if (!e.terminated) return this.error(); break;
    }
    this.reporter.report('InvalidExpression', e.span, { what: describe(e).replace(/^an? /, (m) => m[0].toUpperCase() + m.slice(1)), expected: 'a feature is a column, a transform call, a pipe or arithmetic' });
    return this.error();
  }

  private numeric(e: A.Expr): Typed {
    const t = this.expr(e);
    if (t.kind !== 'error' && !NUMERIC.has(t.kind)) {
      this.reporter.report('NonNumericArithmetic', e.span, { name: nameOf(e), actual: article(t.kind === 'sparse' ? 'text matrix' : t.kind) });
      return this.error();
    }
    return t;
  }

  /** A transform call; `piped` inputs come first. */
  private call(e: A.Call, piped: Typed[]): Typed {
    const entry = catalog.transform(e.callee.text);
    if (!entry) {
      const what = catalog.model(e.callee.text) ? ' (a model; models go in the `models` block)' : '';
      this.reporter.report('UnknownTransform', e.callee.span, { name: e.callee.text + what }, { hint: didYouMean(e.callee.text, catalog.transforms.map((t) => t.name)) });
      return this.error();
    }
    const { args, inputs: inputExprs } = resolveArgs(entry, e.args, e.span, this.reporter, { positionalInputs: true });
    const inputs = [...piped, ...inputExprs.map((x) => this.expr(x))];
    if (inputs.some((i) => i.kind === 'error')) return this.error();
    if (inputs.length === 0) {
      this.reporter.report('MissingArgument', e.span, { owner: entry.name, name: 'an input column' });
      return this.error();
    }
    if (entry.arity === 'one' && inputs.length > 1) {
      this.reporter.report('TooManyArguments', e.span, { owner: entry.name, count: 1 });
      return this.error();
    }
    let ok = true;
    inputs.forEach((input, i) => {
      if (!entry.inputs.includes(input.kind as ValueKind)) {
        const at = i < piped.length ? e.callee.span : inputExprs[i - piped.length].span;
        const name = i < piped.length ? 'the piped value' : nameOf(inputExprs[i - piped.length]);
        this.reporter.report('TypeMismatch', at, { callee: entry.name, expected: kindsText(entry.inputs), name, actual: article(input.kind === 'sparse' ? 'text matrix' : input.kind) });
        ok = false;
      }
    });
    if (!ok) return this.error();
    const params = plainParams(entry.params, args);
    return {
      ir: { op: 'transform', name: entry.name, params, inputs: inputs.map((i) => i.ir) },
      kind: entry.output === 'sparse' ? 'sparse' : entry.output === 'category' ? 'category' : 'numeric',
      columns: new Set(inputs.flatMap((i) => [...i.columns])),
    };
  }

  /** Lowers a `drop rows where …` predicate. */
  predicate(e: A.Expr): PredicateIR | undefined {
    switch (e.kind) {
      case 'Binary':
        if (e.op === 'and' || e.op === 'or') {
          const l = this.predicate(e.left), r = this.predicate(e.right);
          return l && r ? { op: e.op, left: l, right: r } : undefined;
        }
        if (['<', '<=', '>', '>=', '==', '!='].includes(e.op)) {
          const l = this.value(e.left), r = this.value(e.right);
          return l && r ? { op: 'compare', cmp: e.op as '<', left: l, right: r } : undefined;
        }
        break;
      case 'Unary':
        if (e.op === 'not') { const p = this.predicate(e.operand); return p && { op: 'not', operand: p }; }
        break;
      case 'IsMissing': { const v = this.value(e.operand); return v && { op: 'missing', column: v, negated: e.negated }; }
      case 'In': {
        const v = this.value(e.operand);
        const set = literal(e.set);
        if (e.set.kind !== 'List' || !Array.isArray(set)) {
          this.reporter.report('InvalidExpression', e.set.span, { what: describe(e.set), expected: 'write a list of values after `in`, e.g. `in ["a", "b"]`' });
          return undefined;
        }
        return v && { op: 'in', value: v, set };
      }
      case 'Missing': return undefined;
    }
    this.reporter.report('InvalidExpression', e.span, { what: describe(e).replace(/^an? /, (m) => m[0].toUpperCase() + m.slice(1)), expected: 'a condition is a comparison, `is missing`, `in [...]`, or conditions joined by `and` / `or`' });
    return undefined;
  }

  private value(e: A.Expr): ValueIR | undefined {
    switch (e.kind) {
      case 'Number': return { op: 'const', value: e.value };
      case 'String': return { op: 'const', value: e.value };
      case 'Bool': return { op: 'const', value: e.value };
      case 'Null': return { op: 'const', value: null };
      case 'Ref': {
        const column = this.scope.columns.get(e.name.text);
        if (column) { this.scope.references.push({ name: e.name, kind: 'column', target: e.name.text }); return { op: 'column', name: e.name.text }; }
        if (!this.scope.columnsKnown) return { op: 'column', name: e.name.text };
        this.reporter.report('UnknownColumn', e.name.span, { name: e.name.text, source: `\`${this.scope.sourceName ?? 'the data'}\`` }, { hint: didYouMean(e.name.text, this.scope.columns.keys()) });
        return undefined;
      }
      case 'Unary':
        if (e.op === '-') { const v = this.value(e.operand); return v && { op: 'neg', operand: v }; }
        break;
      case 'Binary':
        if (['+', '-', '*', '/', '^'].includes(e.op)) {
          const l = this.value(e.left), r = this.value(e.right);
          return l && r ? { op: 'arith', operator: e.op as '+', left: l, right: r } : undefined;
        }
        break;
      case 'Missing': return undefined;
    }
    this.reporter.report('InvalidExpression', e.span, { what: describe(e), expected: 'compare columns, numbers and strings' });
    return undefined;
  }
}

function nameOf(e: A.Expr): string {
  if (e.kind === 'Ref') return e.name.text;
  if (e.kind === 'Call') return `${e.callee.text}(…)`;
  return 'this expression';
}
