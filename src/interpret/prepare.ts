/**
 * Data preparation. Row filters (`drop rows where`, `drop duplicate rows`)
 * clean the labelled data once, before it is split; learned steps (impute,
 * clip, drop outliers) are fitted on training rows only and replayed on
 * validation, test and new rows.
 */
import type { Column, Frame } from '../runtime/data/frame.ts';
import { applyImpute, fitImpute, PrepareError, type ImputeState } from '../runtime/prepare/impute.ts';
import { clipOutliers, fitOutliers, outlierKeep, type OutlierState } from '../runtime/prepare/outliers.ts';
import { dedupeMask, maskToIndices, selectRows } from '../runtime/prepare/rows.ts';
import type { MethodIR, PredicateIR, PrepStepIR, ValueIR } from '../semantics/ir.ts';

/** Fitted state of the learned steps, in step order (null for steps that learn nothing). */
export type PrepState = ({ columns: Record<string, ImputeState | OutlierState> } | null)[];

function numeric(frame: Frame, name: string): Float64Array {
  const c = frame.columns.get(name);
  if (!c || c.kind !== 'numeric') throw new PrepareError(`column \`${name}\` is not numeric`);
  return c.values;
}

/** Evaluates a row predicate to a 0/1 mask (1 = the predicate holds). */
export function predicateMask(frame: Frame, p: PredicateIR): Uint8Array {
  const n = frame.rows;
  const out = new Uint8Array(n);
  const value = (v: ValueIR, i: number): number | string | boolean | null => {
    switch (v.op) {
      case 'const': return v.value;
      case 'column': {
        const c = frame.columns.get(v.name);
        if (!c) throw new PrepareError(`column \`${v.name}\` is not in the data`);
        if (c.kind === 'numeric') return Number.isNaN(c.values[i]) ? null : c.values[i];
        if (c.kind === 'category') return c.codes[i] < 0 ? null : c.levels[c.codes[i]];
        return c.values[i];
      }
      case 'neg': { const x = value(v.operand, i); return x === null ? null : -Number(x); }
      case 'arith': {
        const a = value(v.left, i), b = value(v.right, i);
        if (a === null || b === null) return null;
        const x = Number(a), y = Number(b);
        return { '+': x + y, '-': x - y, '*': x * y, '/': x / y, '^': x ** y }[v.operator];
      }
    }
  };
  const test = (q: PredicateIR, i: number): boolean => {
    switch (q.op) {
      case 'and': return test(q.left, i) && test(q.right, i);
      case 'or': return test(q.left, i) || test(q.right, i);
      case 'not': return !test(q.operand, i);
      case 'missing': return (value(q.column, i) === null) !== q.negated;
      case 'in': { const x = value(q.value, i); return x !== null && q.set.some((s) => s === x || String(s) === String(x)); }
      case 'compare': {
        const a = value(q.left, i), b = value(q.right, i);
        if (a === null || b === null) return q.cmp === '!=' ? a !== b : q.cmp === '==' ? a === b : false;
        const [x, y] = typeof a === 'string' || typeof b === 'string' ? [String(a), String(b)] : [Number(a), Number(b)];
        switch (q.cmp) {
          case '<': return x < y; case '<=': return x <= y; case '>': return x > y; case '>=': return x >= y;
          case '==': return x === y; case '!=': return x !== y;
        }
      }
    }
  };
  for (let i = 0; i < n; i++) out[i] = test(p, i) ? 1 : 0;
  return out;
}

/** Applies the row filters to labelled data; returns the kept frame, which input rows it holds, and counts per step. */
export function cleanRows(frame: Frame, steps: readonly PrepStepIR[]): { frame: Frame; kept: Int32Array; dropped: { step: PrepStepIR; rows: number }[] } {
  const dropped: { step: PrepStepIR; rows: number }[] = [];
  let kept = Int32Array.from({ length: frame.rows }, (_, i) => i);
  for (const step of steps) {
    let keep: Uint8Array | undefined;
    if (step.kind === 'drop_rows') keep = predicateMask(frame, step.where).map((x) => 1 - x);
    else if (step.kind === 'drop_duplicates') keep = dedupeMask(frame);
    if (!keep) continue;
    const idx = maskToIndices(keep);
    dropped.push({ step, rows: frame.rows - idx.length });
    if (idx.length !== frame.rows) {
      frame = selectRows(frame, idx);
      kept = idx.map((i) => kept[i]);
    }
  }
  return { frame, kept, dropped };
}

function withColumn(frame: Frame, name: string, column: Column): Frame {
  const columns = new Map(frame.columns);
  columns.set(name, column);
  return { ...frame, columns };
}

const imputeArg = (m: MethodIR) => m.params.value as number | string | undefined;

/** Fits the learned steps on training rows; returns the state and the prepared training frame (outlier rows dropped). */
export function fitPrepare(frame: Frame, steps: readonly PrepStepIR[]): { state: PrepState; frame: Frame } {
  const state: PrepState = [];
  for (const step of steps) {
    if (step.kind === 'impute') {
      const columns: Record<string, ImputeState> = {};
      for (const name of step.columns) {
        const col = frame.columns.get(name)!;
        columns[name] = fitImpute(col, step.method.name as 'mean', name, imputeArg(step.method));
        frame = withColumn(frame, name, applyImpute(columns[name], col));
      }
      state.push({ columns });
    } else if (step.kind === 'clip' || step.kind === 'drop_outliers') {
      const columns: Record<string, OutlierState> = {};
      let keep: Uint8Array | undefined;
      for (const name of step.columns) {
        const values = numeric(frame, name);
        columns[name] = thresholds(step.method, values, name);
        if (step.kind === 'clip') frame = withColumn(frame, name, { kind: 'numeric', type: 'numeric', values: clipOutliers(columns[name], values) });
        else keep = outlierKeep(columns[name], values, keep);
      }
      if (keep) frame = selectRows(frame, maskToIndices(keep));
      state.push({ columns });
    } else if (step.kind === 'drop_columns') {
      const columns = new Map(frame.columns);
      for (const c of step.columns) columns.delete(c);
      frame = { ...frame, columns, names: frame.names.filter((n) => columns.has(n)) };
      state.push(null);
    } else state.push(null);
  }
  return { state, frame };
}

function thresholds(method: MethodIR, values: Float64Array, name: string): OutlierState {
  if (method.name === 'range') return { low: method.params.min as number, high: method.params.max as number };
  const k = (method.params.factor ?? method.params.threshold) as number;
  return fitOutliers(values, method.name as 'iqr', k, name);
}

/**
 * Replays the fitted steps on other rows (validation, test, new data). Rows
 * are never dropped here, except by filters marked `during … prediction`
 * when `predicting` is true; `kept` lists the surviving input rows.
 */
export function applyPrepare(frame: Frame, steps: readonly PrepStepIR[], state: PrepState, predicting = false): { frame: Frame; kept: Int32Array } {
  let kept = Int32Array.from({ length: frame.rows }, (_, i) => i);
  steps.forEach((step, s) => {
    const st = state[s];
    // `during training` steps tame the training rows only; columns absent here (a
    // prediction input holds only the columns the model reads) need no replay
    if (step.kind === 'impute' && st && step.phase === 'always') {
      for (const name of step.columns) if (frame.columns.has(name)) frame = withColumn(frame, name, applyImpute(st.columns[name] as ImputeState, frame.columns.get(name)!));
    } else if (step.kind === 'clip' && st && step.phase === 'always') {
      for (const name of step.columns) if (frame.columns.has(name)) frame = withColumn(frame, name, { kind: 'numeric', type: 'numeric', values: clipOutliers(st.columns[name] as OutlierState, numeric(frame, name)) });
    } else if (step.kind === 'drop_outliers' && st && predicting && step.phase === 'always') {
      let keep: Uint8Array | undefined;
      for (const name of step.columns) keep = outlierKeep(st.columns[name] as OutlierState, numeric(frame, name), keep);
      if (keep) {
        const idx = maskToIndices(keep);
        kept = idx.map((i) => kept[i]);
        frame = selectRows(frame, idx);
      }
    } else if ((step.kind === 'drop_rows' || step.kind === 'drop_duplicates') && predicting && step.phase === 'always') {
      // at prediction, duplicates are judged on the columns the model reads (the input has no target)
      const idx = maskToIndices(step.kind === 'drop_rows' ? predicateMask(frame, step.where).map((x) => 1 - x) : dedupeMask(frame));
      kept = idx.map((i) => kept[i]);
      frame = selectRows(frame, idx);
    }
  });
  return { frame, kept };
}
