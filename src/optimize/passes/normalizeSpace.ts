/**
 * Search-space normalisation: expands ranges, lists and space functions into
 * candidates, drops parameters that do not apply to a branch (gamma for a
 * linear kernel) and removes the duplicate candidates that creates.
 */
import { candidates } from '../../interpret/candidates.ts';
import * as catalog from '../../catalog/index.ts';
import type { Pass } from '../plan.ts';

export const normalizeSpace: Pass = (plan) => {
  const ir = plan.ir;
  const needsScores = [ir.problem.metric, ...ir.report].some((m) => catalog.metric(m)?.scores);
  const list = candidates(ir, plan.seed, needsScores);
  const raw = ir.search.strategy === 'random' ? list.length : ir.models.reduce((n, m) => n + Object.values(m.params).reduce((k, s) => k * (s.kind === 'values' ? s.values.length : 1), 1), 0);
  const notes = [`${raw} raw candidate(s) → ${list.length} distinct`];
  for (const m of ir.models) {
    const dropped = Object.entries(m.conditions).filter(([p]) => p in m.paramSpans).map(([p, c]) => `${m.name}: \`${p}\` only where ${c.param} ∈ {${c.values.join(', ')}}`);
    notes.push(...dropped);
  }
  return { ...plan, candidates: list, rawCandidates: raw, passes: [...plan.passes, { name: 'normalize-space', notes }] };
};
