/**
 * Trains forest trees on the main thread plus a lazily started, persistent
 * pool of worker threads that share the training data through
 * SharedArrayBuffers. Idle workers are unref'd so they never keep the
 * process alive.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker, threadCount } from '../../workers.ts';
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
  return threadCount(threadSetting);
}

/** Starts a worker (see runtime/workers.ts). Jobs go only to workers that reported ready, so a booting worker never delays a fit. */
function startForestWorker(): PoolWorker {
  const worker = startWorker(new URL('./forest_worker.ts', import.meta.url));
  worker.unref();
  const entry = { worker, ready: false } as PoolWorker;
  // A worker that fails or exits leaves the pool; fits then use the threads that remain.
  entry.started = new Promise((resolve) => {
    const leave = () => { const at = pool.indexOf(entry); if (at >= 0) pool.splice(at, 1); entry.ready = false; resolve(); };
    worker.once('message', () => { entry.ready = true; resolve(); });
    worker.on('error', leave);
    worker.once('exit', leave);
  });
  return entry;
}

/** Ready workers, up to `count`; starts the missing ones for later fits. */
function readyWorkers(count: number): Worker[] {
  while (pool.length < count) pool.push(startForestWorker());
  return pool.slice(0, count).filter((entry) => entry.ready).map((entry) => entry.worker);
}

/** Starts the worker pool now (otherwise the first big forest warms it up); resolves to the number of ready workers. */
export async function startForestWorkers(): Promise<number> {
  readyWorkers(forestThreads() - 1);
  await Promise.all(pool.map((entry) => entry.started));
  return pool.filter((entry) => entry.ready).length;
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
    const done = () => { w.off('message', onMessage); w.off('error', onError); w.off('exit', onExit); w.unref(); };
    const onMessage = (msg: { id: number; grown?: Array<[number, FlatTree]>; error?: string }) => {
      if (msg.id !== id) return;
      done();
      if (msg.error !== undefined) reject(new KernelError(msg.error)); else resolve(msg.grown!);
    };
    const onError = (err: Error) => { done(); reject(err); };
    const onExit = () => { done(); reject(new KernelError('random_forest: a worker thread exited while growing trees')); };
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
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
