/** Warns about features that no model candidate uses. */
import type { Rule } from './rule.ts';

export const unusedFeature: Rule = ({ ir, reporter }) => {
  const models = ir.models ?? [];
  if (models.length === 0) return;
  const used = new Set(models.flatMap((m) => m.using));
  // features used only by other features still count as used
  const referenced = new Set<string>();
  const visit = (e: import('../ir.ts').FeatureExprIR): void => {
    if (e.op === 'feature') referenced.add(e.name);
    else if (e.op === 'transform') e.inputs.forEach(visit);
    else if (e.op === 'arith') { visit(e.left); visit(e.right); }
    else if (e.op === 'neg') visit(e.operand);
  };
  for (const f of ir.features ?? []) if (used.has(f.name)) visit(f.expr);
  for (const f of ir.features ?? []) if (!used.has(f.name) && !referenced.has(f.name)) reporter.report('UnusedFeature', f.span, { name: f.name });
};
