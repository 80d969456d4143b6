/** Runs the optimizer's passes, in order, from a checked IR to a plan. */
import type { PipelineIR } from '../semantics/ir.ts';
import type { Pass, Plan } from './plan.ts';
import { fuseTransforms } from './passes/fuseTransforms.ts';
import { normalizeSpace } from './passes/normalizeSpace.ts';
import { pruneColumns } from './passes/pruneColumns.ts';
import { schedule } from './passes/schedule.ts';
import { sharePrefixes } from './passes/sharePrefixes.ts';

/** The passes, in execution order (each named in `mlp plan`). */
export const passes: readonly Pass[] = [normalizeSpace, pruneColumns, sharePrefixes, fuseTransforms, schedule];

/** Number of folds each candidate is fitted on. */
export function foldCount(ir: PipelineIR): number {
  return ir.validation.method === 'holdout' ? 1 : ir.validation.k * (ir.validation.method === 'repeated_kfold' ? ir.validation.repeats : 1);
}

export function optimize(ir: PipelineIR, seed = ir.split.seed, upTo: readonly Pass[] = passes): Plan {
  let plan: Plan = { ir, seed, columns: ir.source.columns.map((c) => c.name), candidates: [], prefixes: [], folds: foldCount(ir), costs: new Map(), passes: [], rawCandidates: 0 };
  for (const pass of upTo) plan = pass(plan);
  return plan;
}
