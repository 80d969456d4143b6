/**
 * Warns when a column a feature reads has a high share of missing values in
 * the sample and no preparation step (impute, drop rows, drop columns) handles it.
 */
import type { Rule } from './rule.ts';

export const HIGH_MISSING_SHARE = 0.05;

export const missingValues: Rule = ({ ir, scope, reporter }) => {
  const handled = new Set<string>();
  const visit = (p: import('../ir.ts').PredicateIR): void => {
    if (p.op === 'missing' && p.column.op === 'column' && !p.negated) handled.add(p.column.name);
    else if (p.op === 'and' || p.op === 'or') { visit(p.left); visit(p.right); }
  };
  for (const s of ir.prepare ?? []) {
    if (s.kind === 'impute' || s.kind === 'drop_columns') s.columns.forEach((c) => handled.add(c));
    if (s.kind === 'drop_rows') visit(s.where);
  }
  const reported = new Set<string>();
  for (const f of ir.features ?? []) {
    for (const c of f.columns) {
      const info = scope.columns.get(c);
      if (!info || handled.has(c) || reported.has(c) || info.missingShare < HIGH_MISSING_SHARE) continue;
      // one-hot and text transforms treat missing values as their own case
      if (info.kind === 'category' || info.kind === 'text') continue;
      reported.add(c);
      reporter.report('HighMissingShare', f.span, { name: c, share: `${(info.missingShare * 100).toFixed(1)}%` }, { hint: `Add \`impute ${/^[A-Za-z_][A-Za-z0-9_]*$/.test(c) ? c : '`' + c + '`'} with median\` to the prepare block.` });
    }
  }
};
