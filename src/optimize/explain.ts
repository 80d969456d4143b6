/** `mlp plan`: the plan as an EXPLAIN — stages, passes, shared prefixes, fit counts, order, and where every statistic is learned. */
import * as catalog from '../catalog/index.ts';
import type { FeatureExprIR } from '../semantics/ir.ts';
import { forEachNode } from '../semantics/walk.ts';
import { describeParams } from '../interpret/candidates.ts';
import type { Plan } from './plan.ts';

export interface Explain {
  pipeline: string;
  stages: string[];
  passes: { name: string; notes: string[] }[];
  columns: string[];
  prefixes: { id: number; features: string[]; candidates: number; models: string[] }[];
  fitsPerFold: { before: { preprocessing: number; models: number }; after: { preprocessing: number; models: number }; cacheHits: number };
  folds: number;
  totalFits: number;
  estimatedCost: number;
  order: { id: number; candidate: string; params: string; cost: number }[];
  halving?: Plan['halving'];
  statistics: { statistic: string; fittedOn: string }[];
}

/** `standardize(a, b)` for every transform node that learns statistics. */
function learnedTransforms(e: FeatureExprIR): string[] {
  const out: string[] = [];
  forEachNode(e, (n) => {
    if (n.op === 'transform' && catalog.transform(n.name)?.learned) out.push(`${n.name}(${n.inputs.map((i) => (i.op === 'column' || i.op === 'feature' ? i.name : '…')).join(', ')})`);
  });
  return out;
}

export function explain(plan: Plan): Explain {
  const ir = plan.ir;
  const k = plan.folds;
  const n = plan.candidates.length;
  const where = `the training rows of each of the ${k} validation fold(s), then the whole training split for the final model; replayed on validation, test and new rows`;
  const statistics: Explain['statistics'] = [];
  for (const s of ir.prepare) {
    if (s.kind === 'drop_rows' || s.kind === 'drop_duplicates') statistics.push({ statistic: `${s.kind.replace('_', ' ')} (learns nothing)`, fittedOn: 'applied once to all labelled rows before the split' });
    else if (s.kind === 'impute') statistics.push({ statistic: `impute ${s.method.name} of ${s.columns.join(', ')}`, fittedOn: where });
    else if (s.kind === 'clip' || s.kind === 'drop_outliers') statistics.push({ statistic: `${s.kind.replace('_', ' ')} thresholds ${s.method.name} of ${s.columns.join(', ')}`, fittedOn: s.kind === 'drop_outliers' ? `${where}; rows are dropped from training rows only` : where });
  }
  for (const f of ir.features) {
    for (const l of learnedTransforms(f.expr)) statistics.push({ statistic: `${f.name}: ${l}`, fittedOn: where });
  }
  for (const s of ir.selects) statistics.push({ statistic: `select ${s.name}`, fittedOn: where });
  const totalCost = plan.candidates.reduce((a, c) => a + (plan.costs.get(c.id) ?? 0), 0) * k;
  return {
    pipeline: ir.name,
    stages: ['load (projected columns)', 'clean rows', `split (${Math.round(ir.split.test * 100)}% test${ir.split.stratify ? `, stratified by ${ir.split.stratify}` : ''}, seed ${plan.seed})`, `validate ${ir.validation.method}(${ir.validation.k})`, `search ${ir.search.strategy}`, 'refit best on the training split', `test: ${[...new Set([ir.problem.metric, ...ir.report])].join(', ')}`, ir.outputs.rawModel ? `export ${ir.outputs.rawModel}` : 'export out/<pipeline>.model.json'],
    passes: plan.passes,
    columns: plan.columns,
    prefixes: plan.prefixes.map((p) => ({ id: p.id, features: p.using, candidates: p.candidates.length, models: [...new Set(p.candidates.map((id) => plan.candidates.find((c) => c.id === id)!.model.name))] })),
    fitsPerFold: { before: { preprocessing: n, models: n }, after: { preprocessing: plan.prefixes.length, models: n }, cacheHits: n - plan.prefixes.length },
    folds: k,
    totalFits: n * k,
    estimatedCost: Math.round(totalCost * 10) / 10,
    order: plan.candidates.map((c) => ({ id: c.id, candidate: c.model.name, params: describeParams(c.params), cost: Math.round((plan.costs.get(c.id) ?? 0) * 100) / 100 })),
    halving: plan.halving,
    statistics,
  };
}

/** The EXPLAIN as text. */
export function renderExplain(e: Explain, maxOrder = 20): string {
  const out = [`PLAN ${e.pipeline}`, '', 'Stages:', ...e.stages.map((s, i) => `  ${i + 1}. ${s}`), '', 'Passes:'];
  for (const p of e.passes) out.push(`  ${p.name}`, ...p.notes.map((n) => `    - ${n}`));
  out.push('', `Columns read: ${e.columns.join(', ')}`, '', 'Shared preprocessing prefixes:');
  for (const p of e.prefixes) out.push(`  #${p.id} features [${p.features.join(', ')}] → ${p.candidates} candidate(s) of ${p.models.join(', ')}`);
  const f = e.fitsPerFold;
  out.push('', `Fits per fold: before ${f.before.preprocessing} preprocessing + ${f.before.models} model; after ${f.after.preprocessing} preprocessing + ${f.after.models} model (${f.cacheHits} cache hit(s) per fold)`);
  out.push(`Folds: ${e.folds}; model fits: ${e.totalFits}; estimated cost: ${e.estimatedCost} units`);
  if (e.halving) out.push(`Successive halving: ${e.halving.rounds.map((r) => `${r.candidates} × ${Math.round(r.rowsFraction * 100)}%`).join(' → ')}`);
  out.push('', 'Execution order:');
  for (const o of e.order.slice(0, maxOrder)) out.push(`  ${String(o.id).padStart(4)}  ${o.candidate} ${o.params}  (cost ${o.cost})`);
  if (e.order.length > maxOrder) out.push(`  … ${e.order.length - maxOrder} more`);
  out.push('', 'Learned statistics and the rows they are fitted on:');
  for (const s of e.statistics) out.push(`  ${s.statistic}: ${s.fittedOn}`);
  if (e.statistics.length === 0) out.push('  (none)');
  return out.join('\n') + '\n';
}
