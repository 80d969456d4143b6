/**
 * One fitted pipeline = prepared data + features + a model. `fitPreprocess`
 * learns every statistic from the given training rows only; `preprocess`
 * replays them on other rows. The search shares preprocessed folds between
 * candidates that use the same features.
 */
import type { Frame } from '../runtime/data/frame.ts';
import type { Matrix } from '../runtime/models/contract.ts';
import { selectRows } from '../runtime/prepare/rows.ts';
import type { PipelineIR } from '../semantics/ir.ts';
import { applyFeatures, fitFeatures, type FeatureState } from './featurize.ts';
import { applyPrepare, fitPrepare, type PrepState } from './prepare.ts';

export interface Preprocessed {
  prep: PrepState;
  features: FeatureState;
  X: Matrix;
  y: Float64Array;
}

/** Target values as the kernels want them: class index (classification) or number (regression). NaN where missing. */
export function targetVector(ir: PipelineIR, frame: Frame): Float64Array {
  const col = frame.columns.get(ir.problem.target)!;
  const y = new Float64Array(frame.rows);
  if (ir.problem.task === 'regression') {
    if (col.kind !== 'numeric') throw new Error('regression target is not numeric');
    y.set(col.values);
    return y;
  }
  const levels = classLevels(ir);
  const index = new Map(levels.map((l, i) => [l, i]));
  for (let i = 0; i < frame.rows; i++) {
    const v = col.kind === 'category' ? (col.codes[i] < 0 ? undefined : col.levels[col.codes[i]]) : col.kind === 'numeric' ? (Number.isNaN(col.values[i]) ? undefined : String(col.values[i])) : col.values[i] ?? undefined;
    y[i] = v === undefined ? NaN : index.get(v) ?? NaN;
  }
  return y;
}

/** The class labels, in class-index order (the target column's levels). */
export function classLevels(ir: PipelineIR): string[] {
  if (ir.problem.task !== 'classification') return [];
  return ir.source.columns.find((c) => c.name === ir.problem.target)?.levels ?? [];
}

/** Fits preparation and features on `rows` of `frame`. */
export function fitPreprocess(ir: PipelineIR, frame: Frame, rows: Int32Array, using: readonly string[]): Preprocessed {
  const train = fitPrepare(selectRows(frame, rows), ir.prepare);
  const y = targetVector(ir, train.frame);
  const { state, X } = fitFeatures(train.frame, ir.features, using, ir.selects, y, ir.problem.task);
  return { prep: train.state, features: state, X, y };
}

/** Replays fitted preparation and features on `rows` of `frame`. */
export function preprocess(ir: PipelineIR, frame: Frame, rows: Int32Array | null, fitted: Pick<Preprocessed, 'prep' | 'features'>, using: readonly string[], predicting = false): { X: Matrix; kept: Int32Array; frame: Frame } {
  const input = rows ? selectRows(frame, rows) : frame;
  const prepared = applyPrepare(input, ir.prepare, fitted.prep, predicting);
  return { X: applyFeatures(fitted.features, prepared.frame, ir.features, using), kept: prepared.kept, frame: prepared.frame };
}
