/** Metrics computed from probabilities (ROC AUC, log loss) need models that give them. */
import * as catalog from '../../catalog/index.ts';
import type { Rule } from './rule.ts';

export const probabilities: Rule = ({ ir, reporter }) => {
  const metrics = new Set([ir.problem?.metric, ...(ir.report ?? [])].filter((m): m is string => !!m));
  const scored = [...metrics].filter((m) => catalog.metric(m)?.scores);
  if (scored.length === 0) return;
  for (const m of ir.models ?? []) {
    const entry = catalog.model(m.model);
    if (entry && !entry.probabilities) reporter.report('MetricNeedsProbabilities', m.span, { metric: scored[0], model: m.model, hint: '; choose a model with probabilities or another metric' });
  }
};
