/**
 * Scheduling: cheap candidates first (so a time budget spends itself on the
 * most candidates, and the leaderboard fills early), ties in file order;
 * successive halving rounds when the search asks for them. Deterministic.
 */
import type { Pass } from '../plan.ts';

/** Relative cost of one fit: the catalog's per-family cost, scaled by the parameters that grow the work. */
function candidateCost(c: import('../../interpret/candidates.ts').Candidate): number {
  let cost = c.entry.cost;
  const p = c.fitParams;
  if (typeof p.trees === 'number') cost *= p.trees / 100;
  if (typeof p.iterations === 'number' && (c.entry.name === 'gradient_boosting' || c.entry.name === 'mlp_net')) cost *= p.iterations / 100;
  if (Array.isArray(p.hidden)) cost *= p.hidden.reduce((a, b) => a + b, 0) / 100;
  if (typeof p.C === 'number' && c.entry.name === 'svm') cost *= 1 + Math.log10(Math.max(1, p.C));
  return cost;
}

export const schedule: Pass = (plan) => {
  const costs = new Map(plan.candidates.map((c) => [c.id, candidateCost(c)]));
  const order = [...plan.candidates].sort((a, b) => costs.get(a.id)! - costs.get(b.id)! || a.id - b.id);
  const notes = [`order: cheapest first (${order.slice(0, 3).map((c) => c.model.name).join(', ')}${order.length > 3 ? ', …' : ''})`];
  let halving: typeof plan.halving;
  const search = plan.ir.search;
  if (search.strategy === 'halving' && plan.candidates.length > 1) {
    const factor = search.factor;
    const rounds: { candidates: number; rowsFraction: number }[] = [];
    const last = Math.floor(Math.log(plan.candidates.length) / Math.log(factor));
    for (let r = 0; r <= last; r++) rounds.push({ candidates: Math.ceil(plan.candidates.length / factor ** r), rowsFraction: Math.min(1, factor ** (r - last)) });
    halving = { rounds, factor };
    notes.push(`successive halving (factor ${factor}): ${rounds.map((r) => `${r.candidates} on ${Math.round(r.rowsFraction * 100)}% of rows`).join(' → ')}`);
  }
  if (search.timeSeconds) notes.push(`stop starting fits after ${search.timeSeconds}s`);
  return { ...plan, candidates: order, costs, halving, passes: [...plan.passes, { name: 'schedule', notes }] };
};
