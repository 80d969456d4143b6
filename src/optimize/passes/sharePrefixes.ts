/**
 * Shared preprocessing: candidates whose models read the same features share
 * one preparation + feature prefix, fitted once per fold; its transformed
 * matrices are reused by every candidate of the group.
 */
import type { Pass, Prefix } from '../plan.ts';

export const sharePrefixes: Pass = (plan) => {
  const byKey = new Map<string, Prefix>();
  for (const c of plan.candidates) {
    const key = c.model.using.join('\0');
    let p = byKey.get(key);
    if (!p) { p = { id: byKey.size, using: [...c.model.using], candidates: [] }; byKey.set(key, p); }
    p.candidates.push(c.id);
  }
  const prefixes = [...byKey.values()];
  const before = plan.candidates.length * plan.folds, after = prefixes.length * plan.folds;
  return { ...plan, prefixes, passes: [...plan.passes, { name: 'share-prefixes', notes: [`preprocessing fits: ${before} (one per candidate × fold) → ${after} (one per prefix × fold); ${before - after} cache hit(s)`] }] };
};
