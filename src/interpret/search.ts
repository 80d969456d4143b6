/**
 * The search: every candidate on every fold. Preprocessing is fitted once
 * per (fold, feature set) and shared by the candidates that use it. A
 * candidate that fails is recorded against its .mlp line and parameters;
 * the search goes on.
 */
import type { Frame } from '../runtime/data/frame.ts';
import type { Split } from '../runtime/eval/splits.ts';
import type { Matrix } from '../runtime/models/contract.ts';
import { loadKernel } from '../runtime/models/registry.ts';
import { deriveSeed } from '../runtime/random.ts';
import type { PipelineIR } from '../semantics/ir.ts';
import type { Candidate } from './candidates.ts';
import { greaterIsBetter, score } from './evaluate.ts';
import { classLevels, fitPreprocess, preprocess, targetVector } from './pipeline.ts';

export interface CandidateResult {
  candidate: Candidate;
  scores: number[];
  mean: number;
  std: number;
  fitMs: number;
  error?: string;
}

export interface Progress {
  done: number;
  total: number;
  best?: { result: CandidateResult; metric: string };
}

/** Seed for one fit: independent of execution order and thread count. */
export const fitSeed = (root: number, c: Candidate, fold: number | 'refit') => deriveSeed(root, `${c.model.name}|${JSON.stringify(c.params)}|${fold}`);

function errorText(err: unknown): string {
  const e = err as Error;
  return (e?.message ?? String(err)).split('\n')[0];
}

/** Fits one candidate on a preprocessed training matrix and predicts another. */
export async function fitPredict(ir: PipelineIR, c: Candidate, X: Matrix, y: Float64Array, XEval: Matrix, seed: number): Promise<{ state: unknown; pred: Float64Array; proba?: Float64Array }> {
  const kernel = await loadKernel(c.entry.kernel);
  const classes = classLevels(ir).length;
  const state = await kernel.fit({ X, y, task: ir.problem.task, classes, seed }, c.fitParams);
  const pred = kernel.predict(state, XEval);
  const proba = ir.problem.task === 'classification' && kernel.predictProba && (c.entry.name !== 'svm' || c.fitParams.probability) ? kernel.predictProba(state, XEval) : undefined;
  return { state, pred, proba };
}

/** Runs the whole search; `folds` index into `trainRows`. */
export async function runSearch(ir: PipelineIR, frame: Frame, trainRows: Int32Array, folds: Split[], list: Candidate[], seed: number, onProgress: (p: Progress) => void, shouldStop: () => boolean): Promise<CandidateResult[]> {
  const metric = ir.problem.metric;
  const better = greaterIsBetter(metric);
  const cache = new Map<string, { X: Matrix; y: Float64Array; XVal: Matrix; yVal: Float64Array } | { error: string }>();
  const results: CandidateResult[] = list.map((candidate) => ({ candidate, scores: [], mean: NaN, std: NaN, fitMs: 0 }));
  const total = list.length * folds.length;
  let done = 0;
  let best: CandidateResult | undefined;
  const deadline = ir.search.timeSeconds ? Date.now() + ir.search.timeSeconds * 1000 : Infinity;
  for (let f = 0; f < folds.length; f++) {
    const trainIdx = folds[f].train.map((i) => trainRows[i]);
    const valIdx = folds[f].test.map((i) => trainRows[i]);
    for (const r of results) {
      if (shouldStop()) return results;
      if (r.error) { done++; continue; }
      if (Date.now() > deadline) { r.error ??= 'not run: the search time budget ran out'; done++; continue; }
      const key = `${f}|${r.candidate.model.using.join(',')}`;
      let prepared = cache.get(key);
      if (!prepared) {
        try {
          const fitted = fitPreprocess(ir, frame, trainIdx, r.candidate.model.using);
          const val = preprocess(ir, frame, valIdx, fitted, r.candidate.model.using);
          prepared = { X: fitted.X, y: fitted.y, XVal: val.X, yVal: targetVector(ir, val.frame) };
        } catch (err) {
          prepared = { error: `preprocessing failed: ${errorText(err)}` };
        }
        cache.set(key, prepared);
      }
      const t0 = performance.now();
      try {
        if ('error' in prepared) throw new Error(prepared.error);
        const out = await fitPredict(ir, r.candidate, prepared.X, prepared.y, prepared.XVal, fitSeed(seed, r.candidate, f));
        const s = score(ir, metric, prepared.yVal, out);
        if (!Number.isFinite(s)) throw new Error(`${metric} is ${s} on fold ${f + 1}`);
        r.scores.push(s);
      } catch (err) {
        r.error = errorText(err);
      }
      r.fitMs += performance.now() - t0;
      done++;
      if (!r.error && r.scores.length === folds.length) {
        r.mean = r.scores.reduce((a, b) => a + b, 0) / r.scores.length;
        r.std = Math.sqrt(r.scores.reduce((a, b) => a + (b - r.mean) ** 2, 0) / r.scores.length);
        if (!best || (better ? r.mean > best.mean : r.mean < best.mean)) best = r;
      }
      onProgress({ done, total, best: best && { result: best, metric } });
    }
  }
  return results;
}

/** The best successful result (ties: the earlier candidate). */
export function bestResult(results: CandidateResult[], metric: string): CandidateResult | undefined {
  const better = greaterIsBetter(metric);
  let best: CandidateResult | undefined;
  for (const r of results) {
    if (r.error || !Number.isFinite(r.mean)) continue;
    if (!best || (better ? r.mean > best.mean : r.mean < best.mean)) best = r;
  }
  return best;
}
