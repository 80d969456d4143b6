/**
 * Literal values and parameter lists: checks every argument of a call
 * against the catalog's parameter schema and, for model parameters,
 * expands search spaces (lists, ranges, linspace, logspace, distributions).
 */
import type * as A from '../syntax/ast.ts';
import type { ParamSpec, ParamValue, Task } from '../catalog/types.ts';
import { defaultFor, fn } from '../catalog/index.ts';
import type { Reporter } from '../diagnostics/diagnostic.ts';
import { didYouMean } from '../diagnostics/didYouMean.ts';
import type { SpaceIR } from './ir.ts';

export type Value = ParamValue | string[];

/** Words that are values, not names (`uniform`, `rbf`, `english`). */
export function literal(e: A.Expr): Value | undefined {
  switch (e.kind) {
    case 'Number': case 'Percent': case 'Duration': return e.value;
    case 'String': return e.value;
    case 'Bool': return e.value;
    case 'Null': return null;
    case 'Ref': return e.name.text;
    case 'Unary':
      if (e.op === '-') { const v = literal(e.operand); return typeof v === 'number' ? -v : undefined; }
      return undefined;
    case 'List': {
      const items = e.items.map(literal);
      if (items.every((i): i is number => typeof i === 'number')) return items;
      if (items.every((i): i is string => typeof i === 'string')) return items;
      return undefined;
    }
    case 'Range': {
      const from = literal(e.from), to = literal(e.to);
      return typeof from === 'number' && typeof to === 'number' ? [from, to] : undefined;
    }
  }
  return undefined;
}

export function describe(e: A.Expr): string {
  switch (e.kind) {
    case 'Number': case 'Percent': case 'Duration': return e.raw;
    case 'String': return `"${e.value}"`;
    case 'Bool': return String(e.value);
    case 'Null': return 'null';
    case 'Ref': return `\`${e.name.text}\``;
    case 'List': return 'a list';
    case 'Range': return 'a range';
    case 'Call': return `\`${e.callee.text}(…)\``;
    default: return 'an expression';
  }
}

function domainText(spec: ParamSpec): string {
  const lo = spec.min !== undefined ? `${spec.minExclusive ? '>' : '≥'} ${spec.min}` : '';
  const hi = spec.max !== undefined ? `${spec.maxExclusive ? '<' : '≤'} ${spec.max}` : '';
  const range = spec.min !== undefined && spec.max !== undefined
    ? `in ${spec.minExclusive ? '(' : '['}${spec.min}, ${spec.max}${spec.maxExclusive ? ')' : ']'}`
    : lo || hi;
  const kind = spec.type === 'integer' ? 'an integer' : 'a number';
  return range ? `${kind} ${range}` : kind;
}

function inDomain(spec: ParamSpec, x: number): boolean {
  if (spec.min !== undefined && (spec.minExclusive ? x <= spec.min : x < spec.min)) return false;
  if (spec.max !== undefined && (spec.maxExclusive ? x >= spec.max : x > spec.max)) return false;
  return true;
}

const expects: Record<ParamSpec['type'], string> = {
  number: 'a number', integer: 'an integer', boolean: '`true` or `false`', string: 'a string', enum: 'one of its values',
  integer_list: 'a list of integers', int_range: 'an integer range like `1..2`', duration: 'a duration like `30s` or `10m`',
  column: 'a column name', columns: 'column names', strings: 'a list of strings', metric: 'a metric name', any: 'a value',
};

/** Checks one value against a spec; reports and returns undefined when it does not fit. */
export function checkValue(spec: ParamSpec, e: A.Expr, reporter: Reporter): Value | undefined {
  const v = literal(e);
  const wrong = () => { reporter.report('WrongValueType', e.span, { param: spec.name, expected: spec.values && spec.type !== 'enum' ? `${expects[spec.type]} or one of ${spec.values.map((x) => `\`${x}\``).join(', ')}` : expects[spec.type], actual: describe(e) }); return undefined; };
  if (e.kind === 'Missing') return undefined;
  if (v === null) return spec.nullable || spec.type === 'any' ? null : wrong();
  if (e.kind === 'Number' && !Number.isFinite(e.value)) { reporter.report('NumberOutOfRange', e.span, { raw: e.raw }); return undefined; }
  switch (spec.type) {
    case 'any': return v;
    case 'number': case 'integer': case 'duration': {
      if (typeof v === 'string' && spec.values?.includes(v)) return v;
      if (spec.type === 'duration' && e.kind !== 'Duration' && e.kind !== 'Number') return wrong();
      if (typeof v !== 'number' || e.kind === 'Ref' || e.kind === 'List' || e.kind === 'Range') return wrong();
      if (spec.type === 'integer' && !Number.isInteger(v)) return wrong();
      if (!inDomain(spec, v)) { reporter.report('OutOfDomain', e.span, { param: spec.name, domain: domainText(spec), value: describe(e) }); return undefined; }
      return v;
    }
    case 'boolean': return typeof v === 'boolean' ? v : wrong();
    case 'string': return e.kind === 'String' ? v : wrong();
    case 'enum': {
      const word = typeof v === 'boolean' ? String(v) : v;
      if (typeof word !== 'string' || (e.kind !== 'Ref' && e.kind !== 'String' && e.kind !== 'Bool')) return wrong();
      if (!spec.values!.includes(word)) {
        reporter.report('UnknownValue', e.span, { value: word, what: `value of \`${spec.name}\``, expected: spec.values!.map((x) => `\`${x}\``).join(', ') }, { hint: didYouMean(word, spec.values!) });
        return undefined;
      }
      return word;
    }
    case 'integer_list': {
      if (!Array.isArray(v) || e.kind !== 'List' || v.some((x) => typeof x !== 'number' || !Number.isInteger(x))) return wrong();
      if ((v as number[]).some((x) => !inDomain(spec, x))) { reporter.report('OutOfDomain', e.span, { param: spec.name, domain: `a list of integers ${spec.min !== undefined ? `≥ ${spec.min}` : ''}`.trim(), value: describe(e) }); return undefined; }
      return v;
    }
    case 'int_range': {
      const pair = e.kind === 'Range' ? v : typeof v === 'number' ? [v, v] : undefined;
      if (!Array.isArray(pair) || pair.some((x) => typeof x !== 'number' || !Number.isInteger(x))) return wrong();
      const [a, b] = pair as number[];
      if (a > b) { reporter.report('EmptyRange', e.span, { from: a, to: b }); return undefined; }
      if (spec.min !== undefined && a < spec.min) { reporter.report('OutOfDomain', e.span, { param: spec.name, domain: `a range of integers ≥ ${spec.min}`, value: describe(e) }); return undefined; }
      return [a, b];
    }
    case 'strings': {
      const list = typeof v === 'string' ? [v] : v;
      if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) return wrong();
      if (spec.values) {
        const bad = (list as string[]).find((x) => !spec.values!.includes(x));
        if (bad) { reporter.report('UnknownValue', e.span, { value: bad, what: `value of \`${spec.name}\``, expected: spec.values.map((x) => `\`${x}\``).join(', ') }, { hint: didYouMean(bad, spec.values) }); return undefined; }
      }
      return list;
    }
    case 'column': case 'columns': case 'metric':
      // names are resolved by the caller, which knows the columns and metrics
      if (spec.values && typeof v === 'boolean') return v;
      if (typeof v === 'string' && e.kind === 'Ref') return v;
      if (spec.type === 'columns' && Array.isArray(v) && e.kind === 'List' && e.items.every((i) => i.kind === 'Ref')) return v;
      return wrong();
  }
}

export interface ResolvedArg {
  spec: ParamSpec;
  expr: A.Expr;
  value?: Value;
  space?: SpaceIR;
}

export interface CallTarget {
  name: string;
  params: readonly ParamSpec[];
}

/**
 * Matches a call's arguments to the target's parameters (positional args in
 * spec order among `positional` params; `extraPositional` are left for the
 * caller, e.g. a transform's input columns) and checks each value.
 */
export function resolveArgs(
  target: CallTarget,
  args: readonly A.Arg[],
  callSpan: A.Span,
  reporter: Reporter,
  opts: { searchable?: boolean; positionalInputs?: boolean; strategy?: 'grid' | 'random' | 'halving' } = {},
): { args: Map<string, ResolvedArg>; inputs: A.Expr[] } {
  const out = new Map<string, ResolvedArg>();
  const inputs: A.Expr[] = [];
  const positional = target.params.filter((p) => p.positional);
  let nextPositional = 0;
  for (const arg of args) {
    let spec: ParamSpec | undefined;
    if (arg.name) {
      spec = target.params.find((p) => p.name === arg.name!.text);
      if (!spec) {
        reporter.report('UnknownParameter', arg.name.span, { owner: target.name, name: arg.name.text }, { hint: didYouMean(arg.name.text, target.params.map((p) => p.name)) });
        continue;
      }
    } else if (opts.positionalInputs) {
      inputs.push(arg.value);
      continue;
    } else {
      spec = positional[nextPositional++];
      if (!spec) {
        reporter.report('TooManyArguments', arg.span, { owner: target.name, count: positional.length });
        continue;
      }
    }
    if (out.has(spec.name)) {
      reporter.report('DuplicateArgument', arg.span, { name: spec.name });
      continue;
    }
    const resolved: ResolvedArg = { spec, expr: arg.value };
    if (opts.searchable) resolved.space = space(spec, arg.value, reporter, opts.strategy ?? 'grid');
    else {
      if (isSpace(arg.value, spec)) reporter.report('NotSearchable', arg.value.span, { param: spec.name, owner: target.name });
      else resolved.value = checkValue(spec, arg.value, reporter);
    }
    out.set(spec.name, resolved);
  }
  for (const p of target.params) {
    if (p.required && !out.has(p.name)) reporter.report('MissingArgument', callSpan, { owner: target.name, name: p.name });
  }
  return { args: out, inputs };
}

/** Is this expression a search space (rather than one value) for this parameter? */
function isSpace(e: A.Expr, spec: ParamSpec): boolean {
  if (e.kind === 'Call') return fn(e.callee.text, 'space') !== undefined;
  if (e.kind === 'List') return spec.type !== 'integer_list' && spec.type !== 'strings' && spec.type !== 'columns' || e.items.some((i) => i.kind === 'List');
  if (e.kind === 'Range') return spec.type !== 'int_range';
  return false;
}

const round = (x: number) => Number.parseFloat(x.toPrecision(15));

/** Expands a model parameter's expression into its search space. */
export function space(spec: ParamSpec, e: A.Expr, reporter: Reporter, strategy: 'grid' | 'random' | 'halving'): SpaceIR | undefined {
  const values = (items: A.Expr[]): SpaceIR | undefined => {
    const vs = items.map((i) => checkValue(spec, i, reporter));
    if (vs.some((v) => v === undefined)) return undefined;
    return { kind: 'values', values: vs as ParamValue[] };
  };
  if (!isSpace(e, spec)) return values([e]);
  if (e.kind === 'List') return values(e.items);
  if (e.kind === 'Range') {
    if (e.from.kind === 'Missing' || e.to.kind === 'Missing') return undefined; // a syntax error is already reported
    const from = literal(e.from), to = literal(e.to);
    if (typeof from !== 'number' || typeof to !== 'number' || !Number.isInteger(from) || !Number.isInteger(to)) {
      reporter.report('WrongValueType', e.span, { param: spec.name, expected: 'an integer range like `1..10`', actual: describe(e) });
      return undefined;
    }
    if (from > to) { reporter.report('EmptyRange', e.span, { from, to }); return undefined; }
    if (spec.type !== 'integer' && spec.type !== 'number') { reporter.report('WrongValueType', e.span, { param: spec.name, expected: expects[spec.type], actual: 'a range' }); return undefined; }
    const items: ParamValue[] = [];
    for (let i = from; i <= to; i++) items.push(i);
    const bad = items.find((x) => !inDomain(spec, x as number));
    if (bad !== undefined) { reporter.report('OutOfDomain', e.span, { param: spec.name, domain: domainText(spec), value: `${bad} (in ${describe(e)})` }); return undefined; }
    return { kind: 'values', values: items };
  }
  // a space function
  const call = e as A.Call;
  const entry = fn(call.callee.text, 'space')!;
  if (entry.name === 'choice') return values(call.args.map((a) => a.value));
  const { args } = resolveArgs(entry, call.args, call.span, reporter);
  const num = (n: string) => args.get(n)?.value as number | undefined;
  const low = num('low') ?? num('start'), high = num('high') ?? num('stop');
  if (low === undefined || high === undefined) return undefined;
  if (entry.name === 'linspace' || entry.name === 'logspace') {
    const n = (num('num') ?? 5);
    const items: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = n === 1 ? low : low + ((high - low) * i) / (n - 1);
      items.push(round(entry.name === 'logspace' ? 10 ** t : t));
    }
    const bad = items.find((x) => !inDomain(spec, x) || (spec.type === 'integer' && !Number.isInteger(x)));
    if (bad !== undefined) { reporter.report('OutOfDomain', e.span, { param: spec.name, domain: domainText(spec), value: `${bad} (from ${entry.name})` }); return undefined; }
    return { kind: 'values', values: items };
  }
  if (strategy === 'grid') { reporter.report('RandomSpaceInGrid', e.span, { fn: entry.name }); return undefined; }
  if (low > high) { reporter.report('EmptyRange', e.span, { from: low, to: high }); return undefined; }
  if (!inDomain(spec, low) || !inDomain(spec, high)) { reporter.report('OutOfDomain', e.span, { param: spec.name, domain: domainText(spec), value: `${describe(e)}` }); return undefined; }
  return { kind: entry.name as 'uniform' | 'loguniform' | 'randint', low, high };
}

/** Every parameter of an entry: the given value or space, else the default for the task. */
export function completeParams(params: readonly ParamSpec[], given: Map<string, ResolvedArg>, task: Task): Record<string, SpaceIR> {
  const out: Record<string, SpaceIR> = {};
  for (const p of params) {
    const g = given.get(p.name)?.space;
    if (g) out[p.name] = g;
    else {
      const d = defaultFor(p, task);
      if (d !== undefined) out[p.name] = { kind: 'values', values: [d as ParamValue] };
    }
  }
  return out;
}

/** Values of resolved non-searchable arguments plus defaults. */
export function plainParams(params: readonly ParamSpec[], given: Map<string, ResolvedArg>, task: Task = 'classification'): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const p of params) {
    const g = given.get(p.name);
    if (g && g.value !== undefined) out[p.name] = g.value;
    else {
      const d = defaultFor(p, task);
      if (d !== undefined) out[p.name] = d;
    }
  }
  return out;
}
