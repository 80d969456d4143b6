/** The candidates a search tries: every grid point, or seeded random draws from the spaces. */
import * as catalog from '../catalog/index.ts';
import type { ModelEntry, ParamValue } from '../catalog/types.ts';
import { deriveSeed, rng } from '../runtime/random.ts';
import type { ModelIR, PipelineIR, SpaceIR } from '../semantics/ir.ts';
import { applyConditions, expandGrid } from '../semantics/space.ts';

export interface Candidate {
  /** position in the search order */
  id: number;
  model: ModelIR;
  entry: ModelEntry;
  /** the parameters that define this candidate (conditional ones dropped where they do not apply) */
  params: Record<string, ParamValue>;
  /** what the kernel receives: every parameter, defaults filled in */
  fitParams: Record<string, ParamValue>;
}

function draw(space: SpaceIR, random: () => number): ParamValue {
  switch (space.kind) {
    case 'values': return space.values[Math.floor(random() * space.values.length)];
    case 'uniform': return space.low + random() * (space.high - space.low);
    case 'loguniform': return Math.exp(Math.log(space.low) + random() * (Math.log(space.high) - Math.log(space.low)));
    case 'randint': return space.low + Math.floor(random() * (space.high - space.low + 1));
  }
}

function sampled(m: ModelIR, trials: number, seed: number): Record<string, ParamValue>[] {
  const random = rng(deriveSeed(seed, `random:${m.name}`));
  const out: Record<string, ParamValue>[] = [];
  const seen = new Set<string>();
  for (let attempt = 0; out.length < trials && attempt < trials * 20; attempt++) {
    const c: Record<string, ParamValue> = {};
    for (const [name, space] of Object.entries(m.params)) c[name] = draw(space, random);
    const normalized = applyConditions(m, c);
    const key = JSON.stringify(normalized);
    if (!seen.has(key)) { seen.add(key); out.push(normalized); }
  }
  return out;
}

/** Every candidate of the file, in a deterministic order (models in file order). */
export function candidates(ir: PipelineIR, seed: number, needsScores: boolean): Candidate[] {
  const out: Candidate[] = [];
  for (const m of ir.models) {
    const entry = catalog.model(m.model)!;
    const points = ir.search.strategy === 'random' ? sampled(m, ir.search.trials, seed) : expandGrid(m) ?? sampled(m, ir.search.trials, seed);
    for (const params of points) {
      const fitParams: Record<string, ParamValue> = {};
      for (const spec of entry.params) {
        const d = catalog.defaultFor(spec, ir.problem.task);
        if (d !== undefined) fitParams[spec.name] = d as ParamValue;
      }
      Object.assign(fitParams, params);
      if ('class_weight' in fitParams && !('class_weight' in m.paramSpans)) fitParams.class_weight = ir.problem.classWeight;
      if (entry.name === 'svm' && needsScores) fitParams.probability = true;
      out.push({ id: out.length, model: m, entry, params, fitParams });
    }
  }
  return out;
}

/** `kernel=rbf C=10` */
export function describeParams(params: Record<string, ParamValue>): string {
  return Object.entries(params).map(([k, v]) => `${k}=${Array.isArray(v) ? `[${v.join(',')}]` : typeof v === 'number' ? Number(v.toPrecision(6)) : v}`).join(' ');
}
