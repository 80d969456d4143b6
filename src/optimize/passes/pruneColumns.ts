/** Column pruning: only the columns a feature, filter, split or target uses are read from the CSV. */
import { usedColumns } from '../../interpret/run.ts';
import type { Pass } from '../plan.ts';

export const pruneColumns: Pass = (plan) => {
  const used = usedColumns(plan.ir);
  const all = plan.ir.source.columns.map((c) => c.name);
  const columns = all.filter((c) => used.has(c));
  const skipped = all.filter((c) => !used.has(c));
  return { ...plan, columns, passes: [...plan.passes, { name: 'prune-columns', notes: [`read ${columns.length} of ${all.length} column(s)${skipped.length ? `; never materialised: ${skipped.join(', ')}` : ''}`] }] };
};
