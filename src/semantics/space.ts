/** Search-space arithmetic shared by the checker, the optimizer and the search. */
import type { ModelIR, SpaceIR } from './ir.ts';
import type { ParamValue } from '../catalog/types.ts';

/** Values of one parameter in a grid (distributions count as unbounded → 0). */
const count = (s: SpaceIR): number => (s.kind === 'values' ? s.values.length : 0);

/**
 * Number of distinct grid candidates of a model, counting conditional
 * parameters only on the branches where they apply (gamma for rbf only).
 * 0 when a parameter is a distribution (random search only).
 */
export function gridSize(m: ModelIR): number {
  const names = Object.keys(m.params);
  if (names.some((n) => count(m.params[n]) === 0)) return 0;
  const conditional = names.filter((n) => m.conditions[n]);
  const plain = names.filter((n) => !m.conditions[n]).reduce((k, n) => k * count(m.params[n]), 1);
  if (conditional.length === 0) return plain;
  // conditional parameters multiply only the branches where they apply; one level of conditions (the catalog's)
  const controllers = [...new Set(conditional.map((n) => m.conditions[n].param))];
  if (controllers.length !== 1 || m.conditions[controllers[0]]) return expandGrid(m)!.length;
  const controller = controllers[0];
  const values = (m.params[controller] as Extract<SpaceIR, { kind: 'values' }>).values;
  const others = plain / values.length;
  return values.reduce<number>((total, v) => total + others * conditional.filter((n) => m.conditions[n].values.includes(String(v))).reduce((k, n) => k * count(m.params[n]), 1), 0);
}

/** Every grid candidate of a model (conditional parameters dropped where they do not apply, duplicates removed), or undefined for distributions. */
export function expandGrid(m: ModelIR): Record<string, ParamValue>[] | undefined {
  const names = Object.keys(m.params);
  if (names.some((n) => count(m.params[n]) === 0)) return undefined;
  let combos: Record<string, ParamValue>[] = [{}];
  for (const n of names) {
    const values = (m.params[n] as Extract<SpaceIR, { kind: 'values' }>).values;
    combos = combos.flatMap((c) => values.map((v) => ({ ...c, [n]: v })));
  }
  const seen = new Set<string>();
  const out: Record<string, ParamValue>[] = [];
  for (const c of combos) {
    const normalized = applyConditions(m, c);
    const key = JSON.stringify(normalized);
    if (!seen.has(key)) { seen.add(key); out.push(normalized); }
  }
  return out;
}

/** Drops parameters that do not apply to this candidate (they keep their defaults out of the key). */
export function applyConditions(m: ModelIR, c: Record<string, ParamValue>): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const [k, v] of Object.entries(c)) {
    const cond = m.conditions[k];
    if (cond && !cond.values.includes(String(c[cond.param]))) continue;
    out[k] = v;
  }
  return out;
}
