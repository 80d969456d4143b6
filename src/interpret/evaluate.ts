/** Scores predictions with the catalog's metrics. */
import { metrics as runtimeMetrics } from '../runtime/eval/metrics.ts';
import { confusionMatrix } from '../runtime/eval/metrics.ts';
import type { PipelineIR } from '../semantics/ir.ts';
import { classLevels } from './pipeline.ts';

export interface Predictions {
  pred: Float64Array;
  proba?: Float64Array;
}

/** Index of the positive class (binary metrics), default the second level like scikit-learn's label 1. */
export function positiveIndex(ir: PipelineIR): number {
  const levels = classLevels(ir);
  const i = ir.problem.positive === undefined ? -1 : levels.indexOf(ir.problem.positive);
  return i >= 0 ? i : 1;
}

/** One metric's value; NaN when it cannot be computed (e.g. probabilities missing). */
export function score(ir: PipelineIR, metric: string, yTrue: Float64Array, p: Predictions): number {
  const spec = runtimeMetrics[metric];
  if (!spec) return NaN;
  if (spec.needs === 'scores' && !p.proba) return NaN;
  return spec.fn({ yTrue, yPred: p.pred, proba: p.proba, classes: classLevels(ir).length, positive: positiveIndex(ir) });
}

/** Every requested metric (and the confusion matrix when asked for). */
export function scoreAll(ir: PipelineIR, yTrue: Float64Array, p: Predictions): { metrics: Record<string, number>; confusion?: number[][] } {
  const names = [...new Set([ir.problem.metric, ...ir.report])].filter((m) => m !== 'confusion');
  const out: Record<string, number> = {};
  for (const m of names) out[m] = score(ir, m, yTrue, p);
  const confusion = ir.report.includes('confusion') && ir.problem.task === 'classification' ? confusionMatrix(yTrue, p.pred, classLevels(ir).length) : undefined;
  return { metrics: out, confusion };
}

export const greaterIsBetter = (metric: string): boolean => runtimeMetrics[metric]?.greaterIsBetter ?? true;
