/**
 * Feature computation: fits every learned transform of the features block on
 * training rows and applies the fitted states to any rows. States are plain
 * JSON, stored in evaluation order, so an artifact can replay them.
 */
import type { Column, Frame } from '../runtime/data/frame.ts';
import { assemble, FeatureError, type FeatureBlock } from '../runtime/features/contract.ts';
import { applyScale, fitScale, type ScaleMethod } from '../runtime/features/scale.ts';
import { applyMath, applyMathChain, type MathFn, type MathStep } from '../runtime/features/mathfn.ts';
import { applyOnehot, applyOrdinal, fitOnehot, fitOrdinal } from '../runtime/features/encode.ts';
import { applyBins, fitBins } from '../runtime/features/bin.ts';
import { applyText, fitText, textLength, wordCount, type TextOptions } from '../runtime/features/text.ts';
import { datePart, type DatePart } from '../runtime/features/dates.ts';
import { interactions, polynomial } from '../runtime/features/poly.ts';
import type { Matrix } from '../runtime/models/contract.ts';
import type { FeatureExprIR, FeatureIR, SelectIR } from '../semantics/ir.ts';
import { fitSelector, applySelector, type SelectorState } from './select.ts';

/** A value flowing through a feature expression. */
type Value =
  | { kind: 'dense'; names: string[]; columns: Float64Array[] }
  | { kind: 'sparse'; block: Extract<FeatureBlock, { kind: 'sparse' }> }
  | { kind: 'raw'; name: string; column: Column };

export interface FeatureState {
  /** one entry per learned transform application, in evaluation order */
  transforms: unknown[];
  selectors: SelectorState[];
  /** column names of the final matrix */
  names: string[];
}

type Mode = { fit: true; states: unknown[] } | { fit: false; states: unknown[]; cursor: { i: number } };

const NUMERIC_TYPES = new Set(['numeric', 'integer', 'boolean', 'date']);

function rawColumn(frame: Frame, name: string): Column {
  const c = frame.columns.get(name);
  if (!c) throw new FeatureError(`column \`${name}\` is not in the data`);
  return c;
}

/** A numeric (dense) view of a value, or an error for text/category. */
function dense(v: Value, what: string): Extract<Value, { kind: 'dense' }> {
  if (v.kind === 'dense') return v;
  if (v.kind === 'raw' && v.column.kind === 'numeric') return { kind: 'dense', names: [v.name], columns: [v.column.values] };
  throw new FeatureError(`${what} needs numbers`);
}

/** Category view of an input for encoders: integer/boolean columns become categories of their values. */
function asCategory(v: Value): { name: string; column: Column }[] {
  if (v.kind === 'raw' && v.column.kind !== 'numeric') return [{ name: v.name, column: v.column }];
  const d = dense(v, 'encoding');
  return d.columns.map((values, i) => {
    const levels = [...new Set(Array.from(values).filter((x) => !Number.isNaN(x)))].sort((a, b) => a - b);
    const index = new Map(levels.map((l, j) => [l, j]));
    const codes = new Int32Array(values.length);
    for (let r = 0; r < values.length; r++) codes[r] = Number.isNaN(values[r]) ? -1 : index.get(values[r])!;
    return { name: d.names[i], column: { kind: 'category', type: 'category', codes, levels: levels.map(String) } as Column };
  });
}

function textOptions(name: string, p: Record<string, unknown>): TextOptions {
  const df = (x: unknown, fallbackFraction: boolean): { count: number } | { fraction: number } => {
    const n = Number(x);
    if (fallbackFraction ? n <= 1 && !Number.isInteger(n) || n === 1 && fallbackFraction : n < 1) return { fraction: n };
    return { count: n };
  };
  const ngrams = (p.ngrams as number[] | undefined) ?? [1, 1];
  return {
    mode: name === 'tfidf' ? 'tfidf' : 'count',
    lowercase: (p.lowercase as boolean | undefined) ?? true,
    ngram: [ngrams[0], ngrams[1]],
    stopWords: p.stopwords === 'english' ? 'english' : null,
    minDf: df(p.min_df ?? 1, false),
    maxDf: df(p.max_df ?? 1.0, true),
    maxFeatures: (p.max_features as number | null | undefined) ?? null,
    binary: (p.binary as boolean | undefined) ?? false,
    sublinearTf: (p.sublinear_tf as boolean | undefined) ?? false,
  };
}

class Evaluator {
  private readonly cache = new Map<string, Value>();

  constructor(private readonly frame: Frame, private readonly features: Map<string, FeatureIR>, private readonly mode: Mode) {}

  /** Fits (in fit mode) or replays (in apply mode) the next learned state. */
  private learned<S>(fit: () => S): S {
    if (this.mode.fit) {
      const s = fit();
      this.mode.states.push(s);
      return s;
    }
    const s = this.mode.states[this.mode.cursor.i++];
    if (s === undefined) throw new FeatureError('the model artifact has fewer fitted feature states than the pipeline needs');
    return s as S;
  }

  feature(name: string): Value {
    let v = this.cache.get(name);
    if (!v) {
      v = this.expr(this.features.get(name)!.expr);
      this.cache.set(name, v);
    }
    return v;
  }

  expr(e: FeatureExprIR): Value {
    switch (e.op) {
      case 'column': {
        const column = rawColumn(this.frame, e.name);
        if (column.kind === 'numeric' && NUMERIC_TYPES.has(column.type)) return { kind: 'dense', names: [e.name], columns: [column.values] };
        return { kind: 'raw', name: e.name, column };
      }
      case 'feature': return this.feature(e.name);
      case 'const': return { kind: 'dense', names: [String(e.value)], columns: [new Float64Array(this.frame.rows).fill(e.value)] };
      case 'neg': {
        const d = dense(this.expr(e.operand), 'negation');
        return { kind: 'dense', names: d.names.map((n) => `-${n}`), columns: d.columns.map((c) => c.map((x) => -x)) };
      }
      case 'arith': return this.arith(e.operator, dense(this.expr(e.left), e.operator), dense(this.expr(e.right), e.operator));
      case 'transform': return this.transform(e.name, e.params, e.inputs.map((i) => this.expr(i)));
    }
  }

  private arith(op: string, a: Extract<Value, { kind: 'dense' }>, b: Extract<Value, { kind: 'dense' }>): Value {
    const width = Math.max(a.columns.length, b.columns.length);
    if (a.columns.length !== b.columns.length && a.columns.length !== 1 && b.columns.length !== 1) throw new FeatureError(`cannot combine ${a.columns.length} columns with ${b.columns.length} columns`);
    const f: (x: number, y: number) => number = { '+': (x: number, y: number) => x + y, '-': (x: number, y: number) => x - y, '*': (x: number, y: number) => x * y, '/': (x: number, y: number) => x / y, '^': (x: number, y: number) => x ** y }[op as '+']!;
    const columns: Float64Array[] = [], names: string[] = [];
    for (let j = 0; j < width; j++) {
      const x = a.columns[a.columns.length === 1 ? 0 : j], y = b.columns[b.columns.length === 1 ? 0 : j];
      const out = new Float64Array(x.length);
      for (let r = 0; r < x.length; r++) {
        const v = f(x[r], y[r]);
        out[r] = Number.isFinite(v) || Number.isNaN(x[r]) || Number.isNaN(y[r]) ? v : NaN;
      }
      columns.push(out);
      names.push(`${a.names[a.columns.length === 1 ? 0 : j]}${op}${b.names[b.columns.length === 1 ? 0 : j]}`);
    }
    return { kind: 'dense', names, columns };
  }

  private transform(name: string, p: Record<string, unknown>, inputs: Value[]): Value {
    const many = (fn: (values: Float64Array, column: string) => Float64Array): Value => {
      const names: string[] = [], columns: Float64Array[] = [];
      for (const input of inputs) {
        const d = dense(input, name);
        d.columns.forEach((c, i) => { names.push(d.names[i]); columns.push(fn(c, d.names[i])); });
      }
      return { kind: 'dense', names, columns };
    };
    switch (name) {
      case 'standardize': case 'minmax': case 'robust':
        return many((values, column) => applyScale(this.learned(() => fitScale(name as ScaleMethod, values, column)), values));
      case 'log': case 'log1p': case 'sqrt': case 'abs': case 'exp': case 'square': case 'power':
        return many((values, column) => applyMath(name as MathFn, values, (p.p as number | undefined) ?? 1, column));
      case 'elementwise': // a chain fused by the optimizer
        return many((values, column) => applyMathChain(p.steps as MathStep[], values, column));
      case 'bin':
        return many((values, column) => applyBins(this.learned(() => fitBins(values, p.bins as number, p.strategy as 'quantile', column)), values));
      case 'onehot': {
        const blocks = inputs.flatMap(asCategory).map(({ name: column, column: col }) => applyOnehot(this.learned(() => fitOnehot(col, column, { unseen: p.unseen as 'ignore', drop: p.drop as 'none' })), col));
        return { kind: 'dense', names: blocks.flatMap((b) => b.names), columns: blocks.flatMap((b) => (b.kind === 'dense' ? b.columns : [])) };
      }
      case 'ordinal': {
        const cols = inputs.flatMap(asCategory);
        return { kind: 'dense', names: cols.map((c) => c.name), columns: cols.map(({ name: column, column: col }) => applyOrdinal(this.learned(() => fitOrdinal(col, column, { order: p.levels as string[] | undefined, unseen: p.unseen as 'ignore' })), col)) };
      }
      case 'bow': case 'tfidf': {
        const input = inputs[0];
        if (input.kind !== 'raw' || input.column.kind !== 'text' && input.column.kind !== 'category') throw new FeatureError(`${name} needs text`);
        const docs = textValues(input.column);
        const state = this.learned(() => fitText(docs, input.name, textOptions(name, p)));
        const block = applyText(state, docs);
        return { kind: 'sparse', block: block as Extract<FeatureBlock, { kind: 'sparse' }> };
      }
      case 'length': case 'words': {
        const cols = inputs.map((input) => {
          if (input.kind !== 'raw' || input.column.kind === 'numeric') throw new FeatureError(`${name} needs text`);
          const docs = textValues(input.column);
          return { n: `${input.name}.${name}`, c: name === 'length' ? textLength(docs) : wordCount(docs) };
        });
        return { kind: 'dense', names: cols.map((c) => c.n), columns: cols.map((c) => c.c) };
      }
      case 'date_parts': {
        const parts = (p.parts as DatePart[] | null | undefined) ?? ['year', 'month', 'day', 'weekday'];
        const names: string[] = [], columns: Float64Array[] = [];
        for (const input of inputs) {
          const d = dense(input, name);
          d.columns.forEach((c, i) => parts.forEach((part) => { names.push(`${d.names[i]}.${part}`); columns.push(datePart(c, part, d.names[i])); }));
        }
        return { kind: 'dense', names, columns };
      }
      case 'interactions': case 'polynomial': {
        const all = inputs.map((i) => dense(i, name));
        const block = (name === 'interactions' ? interactions : polynomial)(all.flatMap((d) => d.columns), all.flatMap((d) => d.names));
        return block.kind === 'dense' ? { kind: 'dense', names: block.names, columns: block.columns } : { kind: 'sparse', block };
      }
    }
    throw new FeatureError(`transform \`${name}\` has no runtime kernel`);
  }
}

function textValues(column: Column): (string | null)[] {
  if (column.kind === 'text') return column.values;
  if (column.kind === 'category') return Array.from(column.codes, (c) => (c < 0 ? null : column.levels[c]));
  throw new FeatureError('expected text');
}

function toBlock(name: string, v: Value): FeatureBlock {
  if (v.kind === 'sparse') return v.block;
  if (v.kind === 'raw') throw new FeatureError(`feature \`${name}\` is not numeric`);
  return { kind: 'dense', names: v.names.map((n) => (v.names.length === 1 && n === name ? n : `${name}.${n}`)), columns: v.columns };
}

/** Fits the listed features (and selectors) on `frame` (training rows only) and returns the matrix. */
export function fitFeatures(frame: Frame, features: readonly FeatureIR[], using: readonly string[], selects: readonly SelectIR[], y: Float64Array, task: 'classification' | 'regression'): { state: FeatureState; X: Matrix } {
  const mode: Mode = { fit: true, states: [] };
  const ev = new Evaluator(frame, new Map(features.map((f) => [f.name, f])), mode);
  const blocks = using.map((name) => toBlock(name, ev.feature(name)));
  let { matrix, names } = assemble(blocks, frame.rows);
  const selectors: SelectorState[] = [];
  for (const s of selects) {
    const st = fitSelector(s, matrix, y, task);
    selectors.push(st);
    ({ matrix, names } = applySelector(st, matrix, names));
  }
  return { state: { transforms: mode.states, selectors, names }, X: matrix };
}

/** Applies fitted feature states to new rows. */
export function applyFeatures(state: FeatureState, frame: Frame, features: readonly FeatureIR[], using: readonly string[]): Matrix {
  const mode: Mode = { fit: false, states: state.transforms, cursor: { i: 0 } };
  const ev = new Evaluator(frame, new Map(features.map((f) => [f.name, f])), mode);
  const blocks = using.map((name) => toBlock(name, ev.feature(name)));
  let { matrix, names } = assemble(blocks, frame.rows);
  for (const st of state.selectors) ({ matrix, names } = applySelector(st, matrix, names));
  return matrix;
}
