/**
 * Trains forest trees on the main thread plus a lazily started, persistent
 * pool of worker threads that share the training data through
 * SharedArrayBuffers. Idle workers are unref'd so they never keep the
 * process alive.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { KernelError } from '../contract.ts';
import type { TreeData } from './cart.ts';
import type { FlatTree } from './flat_tree.ts';
import { runForestJob, type ForestJob } from './forest_job.ts';

let threadSetting: number | undefined;
interface PoolWorker { worker: Worker; ready: boolean; started: Promise<void> }
const pool: PoolWorker[] = [];

/** Forces the number of threads forests use (1 = main thread only); undefined restores the default. */
export function setForestThreads(threads: number | undefined): void {
  threadSetting = threads;
}

/** Threads to use: setForestThreads, else MLP_THREADS, else the machine's parallelism. */
export function forestThreads(): number {
  const configured = threadSetting ?? (process.env.MLP_THREADS ? Number(process.env.MLP_THREADS) : undefined);
  return Math.max(1, Math.floor(configured ?? availableParallelism()));
}

/** URL of tsx's ESM API (require.resolve finds its CommonJS twin beside it). */
function tsxApiUrl(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
}

/**
 * Starts a worker. From TypeScript sources (tsx, vitest) the worker loads
 * its module through tsx's API: Node 20 ignores `--import tsx` for a
 * worker's entry file. Jobs go only to workers that reported ready, so a
 * booting worker never delays a fit.
 */
function startWorker(): PoolWorker {
  const typescript = import.meta.url.endsWith('.ts');
  const url = new URL(`./forest_worker.${typescript ? 'ts' : 'js'}`, import.meta.url);
  const worker = typescript
    ? new Worker(`import(${JSON.stringify(tsxApiUrl())})` +
        `.then((tsx) => tsx.tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)}))`, { eval: true })
    : new Worker(url);
  worker.unref();
  const entry = { worker, ready: false } as PoolWorker;
  entry.started = new Promise((resolve, reject) => {
    worker.once('message', () => { entry.ready = true; resolve(); });
    worker.once('error', (err) => { pool.splice(pool.indexOf(entry), 1); reject(err); });
  });
  return entry;
}

/** Ready workers, up to `count`; starts the missing ones for later fits. */
function readyWorkers(count: number): Worker[] {
  while (pool.length < count) pool.push(startWorker());
  return pool.slice(0, count).filter((entry) => entry.ready).map((entry) => entry.worker);
}

/** Starts the worker pool now and resolves when it can take jobs (otherwise the first big forest warms it). */
export async function startForestWorkers(): Promise<void> {
  readyWorkers(forestThreads() - 1);
  await Promise.all(pool.map((entry) => entry.started));
}

function shared<T extends Float64Array | Int32Array>(array: T): T {
  const Ctor = array.constructor as { new (buffer: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number };
  const copy = new Ctor(new SharedArrayBuffer(array.length * Ctor.BYTES_PER_ELEMENT));
  copy.set(array);
  return copy;
}

let lastJobId = 0;

function runOnWorker(w: Worker, job: ForestJob): Promise<Array<[number, FlatTree]>> {
  const id = ++lastJobId;
  return new Promise((resolve, reject) => {
    const done = () => { w.off('message', onMessage); w.off('error', onError); w.unref(); };
    const onMessage = (msg: { id: number; grown?: Array<[number, FlatTree]>; error?: string }) => {
      if (msg.id !== id) return;
      done();
      if (msg.error !== undefined) reject(new KernelError(msg.error)); else resolve(msg.grown!);
    };
    const onError = (err: Error) => { done(); reject(err); };
    w.on('message', onMessage);
    w.on('error', onError);
    w.ref();
    w.postMessage({ id, job });
  });
}

/** Grows all trees of a job with `threads` threads; trees come back in index order. */
export async function growForest(job: Omit<ForestJob, 'counter'>, threads: number): Promise<FlatTree[]> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const trees: FlatTree[] = new Array(job.trees);
  const workers = threads > 1 ? readyWorkers(threads - 1) : [];
  if (workers.length === 0) {
    for (const [t, tree] of runForestJob({ ...job, counter })) trees[t] = tree;
    return trees;
  }
  const d: TreeData = job.data;
  const sharedJob: ForestJob = {
    ...job,
    counter,
    data: { ...d, columns: shared(d.columns), order: shared(d.order), y: shared(d.y), labels: shared(d.labels) },
    rowWeights: shared(job.rowWeights),
  };
  const pending = workers.map((w) => runOnWorker(w, sharedJob));
  const results = [runForestJob(sharedJob), ...(await Promise.all(pending))];
  for (const grown of results) for (const [t, tree] of grown) trees[t] = tree;
  return trees;
}
