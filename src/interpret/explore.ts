/**
 * `mlp explore`: what the data looks like before any model — per-column
 * summaries, the target's balance, correlations of numeric columns and
 * histograms — over the rows as loaded (before the `prepare` steps).
 */
import { correlations, summarizeColumn, valueCounts, type ColumnSummary } from '../runtime/explore/summary.ts';
import type { PipelineIR } from '../semantics/ir.ts';
import { loadData } from './run.ts';

export interface ExploreSettings {
  columns?: string[];
  correlations: boolean;
  histograms: boolean;
  bins: number;
}

export interface ExploreReport {
  pipeline: string;
  data: string;
  rows: number;
  badRows: number;
  target: { name: string; task: string; classes?: { value: string; count: number }[] };
  columns: ColumnSummary[];
  correlations?: { columns: string[]; matrix: number[][] };
}

export async function exploreData(ir: PipelineIR, settings: ExploreSettings): Promise<ExploreReport> {
  const names = settings.columns ?? ir.source.columns.map((c) => c.name);
  const loaded = await loadData(ir, new Set([...names, ir.problem.target]));
  const frame = loaded.frame;
  const summaries = names.map((n) => summarizeColumn(n, frame.columns.get(n)!, settings.bins));
  const columns = settings.histograms ? summaries : summaries.map((s) => (s.kind === 'numeric' ? { ...s, histogram: { edges: [], counts: [] } } : s));
  const classify = ir.problem.task === 'classification';
  // a class label is not a quantity: it is counted, not correlated
  const numeric = summaries.filter((s) => s.kind === 'numeric' && !(classify && s.name === ir.problem.target)).map((s) => s.name);
  return {
    pipeline: ir.name, data: ir.source.path, rows: frame.rows, badRows: loaded.badRows.count,
    target: { name: ir.problem.target, task: ir.problem.task, ...(classify ? { classes: valueCounts(frame.columns.get(ir.problem.target)!) } : {}) },
    columns,
    ...(settings.correlations && numeric.length > 1 ? { correlations: { columns: numeric, matrix: correlations(frame, numeric) } } : {}),
  };
}
