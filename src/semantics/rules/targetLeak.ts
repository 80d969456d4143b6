/** Leakage: no feature may read the target column, directly or through another feature. */
import type { Rule } from './rule.ts';

export const targetLeak: Rule = ({ ir, reporter }) => {
  const target = ir.problem?.target;
  if (!target) return;
  for (const f of ir.features ?? []) {
    if (f.columns.includes(target)) reporter.report('TargetLeak', f.span, { feature: f.name, target }, { hint: `Remove \`${target}\` from \`${f.name}\`; the target is only for training labels.` });
  }
};
