/**
 * The search: every candidate on every fold. Work is cut into units — one
 * fold × one shared preprocessing prefix × a group of candidates — so the
 * prefix is fitted once per unit and reused by its candidates. Units run on
 * the main thread or on worker threads (`--threads`); every fit's seed
 * depends only on the candidate and the fold, so the results are identical
 * whatever the thread count. A candidate that fails is recorded against its
 * .mlp line and parameters; the search goes on.
 */
import type { Frame } from '../runtime/data/frame.ts';
import type { Split } from '../runtime/eval/splits.ts';
import type { Matrix } from '../runtime/models/contract.ts';
import { loadKernel } from '../runtime/models/registry.ts';
import { deriveSeed, rng, shuffle } from '../runtime/random.ts';
import { startWorker } from '../runtime/workers.ts';
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
  /** successive halving: the round in which the candidate was eliminated */
  eliminatedInRound?: number;
}

export interface Progress {
  done: number;
  total: number;
  best?: { result: CandidateResult; metric: string };
}

/** Everything a unit needs; plain data, so it can be sent to a worker. */
export interface SearchContext {
  ir: PipelineIR;
  frame: Frame;
  /** rows of `frame` in the training split; folds index into it */
  trainRows: Int32Array;
  folds: Split[];
  candidates: Candidate[];
  seed: number;
  /** epoch ms after which no new fit starts */
  deadline: number;
}

export interface Unit {
  fold: number;
  using: string[];
  candidateIds: number[];
}

export interface FitResult {
  candidateId: number;
  fold: number;
  score?: number;
  error?: string;
  ms: number;
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

type Prepared = { X: Matrix; y: Float64Array; XVal: Matrix; yVal: Float64Array } | { error: string };

/** Runs one unit: fits its prefix on the fold's training rows (cached), then every candidate. */
export async function runUnit(ctx: SearchContext, unit: Unit, cache: Map<string, Prepared>, shouldStop?: () => boolean): Promise<FitResult[]> {
  const { ir, frame, trainRows, folds } = ctx;
  const key = `${unit.fold}|${unit.using.join(',')}`;
  let prepared = cache.get(key);
  if (!prepared) {
    try {
      const trainIdx = folds[unit.fold].train.map((i) => trainRows[i]);
      const valIdx = folds[unit.fold].test.map((i) => trainRows[i]);
      const fitted = fitPreprocess(ir, frame, trainIdx, unit.using);
      const val = preprocess(ir, frame, valIdx, fitted, unit.using);
      prepared = { X: fitted.X, y: fitted.y, XVal: val.X, yVal: targetVector(ir, val.frame) };
    } catch (err) {
      prepared = { error: `preprocessing failed: ${errorText(err)}` };
    }
    cache.set(key, prepared);
  }
  const out: FitResult[] = [];
  for (const id of unit.candidateIds) {
    // on the main thread, let a Ctrl-C handler run between fits, and stop after the current one
    if (shouldStop) { await new Promise((r) => setImmediate(r)); if (shouldStop()) break; }
    const c = ctx.candidates[id];
    if (Date.now() > ctx.deadline) { out.push({ candidateId: id, fold: unit.fold, error: 'not run: the search time budget ran out', ms: 0 }); continue; }
    const t0 = performance.now();
    try {
      if ('error' in prepared) throw new Error(prepared.error);
      const fit = await fitPredict(ir, c, prepared.X, prepared.y, prepared.XVal, fitSeed(ctx.seed, c, unit.fold));
      const s = score(ir, ir.problem.metric, prepared.yVal, fit);
      if (!Number.isFinite(s)) throw new Error(`${ir.problem.metric} is ${s} on fold ${unit.fold + 1}`);
      out.push({ candidateId: id, fold: unit.fold, score: s, ms: performance.now() - t0 });
    } catch (err) {
      out.push({ candidateId: id, fold: unit.fold, error: errorText(err), ms: performance.now() - t0 });
    }
  }
  return out;
}

/** Cuts the work into units: fold-major, one per (fold, prefix), split further when there are too few to keep every thread busy. */
export function makeUnits(order: readonly Candidate[], folds: number, threads: number): Unit[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of order) {
    const key = c.model.using.join('\0');
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const base = folds * groups.size;
  const chunks = threads > 1 && base < 2 * threads ? Math.ceil((2 * threads) / base) : 1;
  const units: Unit[] = [];
  for (let f = 0; f < folds; f++) {
    for (const list of groups.values()) {
      const size = Math.ceil(list.length / chunks);
      for (let i = 0; i < list.length; i += size) units.push({ fold: f, using: [...list[0].model.using], candidateIds: list.slice(i, i + size).map((c) => c.id) });
    }
  }
  return units;
}


async function runOnWorkers(ctx: SearchContext, units: Unit[], threads: number, onResults: (r: FitResult[]) => void, shouldStop: () => boolean): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(threads, units.length) }, () =>
    // a search worker runs fits one at a time: its forests must not start workers of their own
    startWorker(new URL('./search_worker.ts', import.meta.url), { env: { ...process.env, MLP_THREADS: '1' } }));
  // on Ctrl-C, stop at once: the workers' running fits are discarded with the whole run
  let poll: ReturnType<typeof setInterval> | undefined;
  const stopped = new Promise<void>((resolve) => { poll = setInterval(() => { if (shouldStop()) resolve(); }, 50); });
  try {
    await Promise.race([stopped, Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= units.length || shouldStop()) { resolve(); return; }
        w.postMessage({ type: 'unit', unit: units[next++] });
      };
      w.on('message', (m: { type: string; results?: FitResult[]; error?: string }) => {
        if (m.type === 'ready') send();
        else if (m.type === 'results') { onResults(m.results!); send(); }
        else if (m.type === 'error') reject(new Error(m.error));
      });
      w.on('error', reject);
      w.on('exit', (code) => (next >= units.length || shouldStop() ? resolve() : reject(new Error(`search worker exited with code ${code}`))));
      w.postMessage({ type: 'init', ctx });
    })))]);
  } finally {
    clearInterval(poll);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Runs the given units on `threads` threads; results are merged in a fixed order. */
async function runUnits(ctx: SearchContext, units: Unit[], threads: number, onResults: (r: FitResult[]) => void, shouldStop: () => boolean): Promise<void> {
  if (threads <= 1 || units.length <= 1) {
    const cache = new Map<string, Prepared>();
    for (const u of units) {
      if (shouldStop()) return;
      onResults(await runUnit(ctx, u, cache, shouldStop));
    }
    return;
  }
  await runOnWorkers(ctx, units, threads, onResults, shouldStop);
}

/** A copy of the folds whose training rows are a seeded `fraction` of each fold's (successive halving). */
function subsampleFolds(folds: Split[], fraction: number, seed: number, round: number): Split[] {
  if (fraction >= 1) return folds;
  return folds.map((f, i) => {
    const take = Math.max(2, Math.ceil(f.train.length * fraction));
    const picked = shuffle(Int32Array.from(f.train), rng(deriveSeed(seed, `halving:${round}:${i}`))).slice(0, take).sort();
    return { train: picked, test: f.test };
  });
}

export interface SearchOptions {
  threads: number;
  halving?: { rounds: { candidates: number; rowsFraction: number }[]; factor: number };
  onProgress: (p: Progress) => void;
  shouldStop: () => boolean;
}

/** Runs the whole search over `ctx.candidates` (already in execution order). */
export async function runSearch(ctx: SearchContext, opts: SearchOptions): Promise<CandidateResult[]> {
  const metric = ctx.ir.problem.metric;
  const results = ctx.candidates.map((candidate) => ({ candidate, scores: [] as number[], mean: NaN, std: NaN, fitMs: 0 } as CandidateResult));
  const rounds = opts.halving?.rounds ?? [{ candidates: ctx.candidates.length, rowsFraction: 1 }];
  let alive = ctx.candidates.map((c) => c.id);
  const total = rounds.reduce((n, r) => n + Math.min(r.candidates, ctx.candidates.length) * ctx.folds.length, 0);
  let done = 0;
  for (let r = 0; r < rounds.length && alive.length > 0; r++) {
    const roundCtx = { ...ctx, folds: subsampleFolds(ctx.folds, rounds[r].rowsFraction, ctx.seed, r) };
    const fold = new Map<number, (number | undefined)[]>();
    for (const id of alive) { results[id].scores = []; fold.set(id, []); }
    const order = alive.map((id) => ctx.candidates[id]);
    await runUnits(roundCtx, makeUnits(order, ctx.folds.length, opts.threads), opts.threads, (batch) => {
      for (const f of batch) {
        const res = results[f.candidateId];
        res.fitMs += f.ms;
        if (f.error) res.error ??= f.error;
        else fold.get(f.candidateId)![f.fold] = f.score;
        done++;
      }
      opts.onProgress({ done, total, best: bestSoFar(results, alive, fold, ctx.folds.length, metric) });
    }, opts.shouldStop);
    for (const id of alive) {
      const res = results[id];
      const scores = fold.get(id)!;
      if (res.error || scores.length !== ctx.folds.length || scores.some((s) => s === undefined)) { res.error ??= 'not run'; continue; }
      res.scores = scores as number[];
      res.mean = res.scores.reduce((a, b) => a + b, 0) / res.scores.length;
      res.std = Math.sqrt(res.scores.reduce((a, b) => a + (b - res.mean) ** 2, 0) / res.scores.length);
    }
    if (r + 1 < rounds.length) {
      const ranked = alive.filter((id) => !results[id].error).sort((a, b) => compare(results[a], results[b], metric));
      const keep = ranked.slice(0, rounds[r + 1].candidates);
      for (const id of ranked.slice(keep.length)) results[id].eliminatedInRound = r + 1;
      alive = keep;
    }
  }
  return results;
}

function bestSoFar(results: CandidateResult[], alive: number[], fold: Map<number, (number | undefined)[]>, folds: number, metric: string): Progress['best'] {
  let best: CandidateResult | undefined;
  let bestMean = NaN;
  for (const id of alive) {
    const s = fold.get(id)!;
    if (results[id].error || s.filter((x) => x !== undefined).length !== folds) continue;
    const mean = (s as number[]).reduce((a, b) => a + b, 0) / folds;
    if (!best || (greaterIsBetter(metric) ? mean > bestMean : mean < bestMean)) { best = results[id]; bestMean = mean; }
  }
  return best && { result: { ...best, mean: bestMean }, metric };
}

/** Better first; ties keep the earlier candidate. */
export function compare(a: CandidateResult, b: CandidateResult, metric: string): number {
  const d = greaterIsBetter(metric) ? b.mean - a.mean : a.mean - b.mean;
  return d || a.candidate.id - b.candidate.id;
}

/** The best successful result that survived every round. */
export function bestResult(results: CandidateResult[], metric: string): CandidateResult | undefined {
  const ok = results.filter((r) => !r.error && r.eliminatedInRound === undefined && Number.isFinite(r.mean));
  return ok.sort((a, b) => compare(a, b, metric))[0];
}
