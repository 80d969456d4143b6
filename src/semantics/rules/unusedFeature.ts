/** Warns about features that no model candidate uses. */
import type { Rule } from './rule.ts';
import { forEachNode } from '../walk.ts';

export const unusedFeature: Rule = ({ ir, reporter }) => {
  const models = ir.models ?? [];
  if (models.length === 0) return;
  const used = new Set(models.flatMap((m) => m.using));
  // features used only by other features still count as used
  const referenced = new Set<string>();
  for (const f of ir.features ?? []) if (used.has(f.name)) forEachNode(f.expr, (e) => { if (e.op === 'feature') referenced.add(e.name); });
  for (const f of ir.features ?? []) if (!used.has(f.name) && !referenced.has(f.name)) reporter.report('UnusedFeature', f.span, { name: f.name });
};
