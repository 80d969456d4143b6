/**
 * Starting worker threads that run this project's TypeScript sources. Under
 * tsx (and vitest) a worker must load its module through tsx's API: Node 20
 * ignores `--import tsx` for a worker's entry file. From compiled JavaScript
 * the module is started directly.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** URL of tsx's ESM API (require.resolve finds its CommonJS twin beside it). */
function tsxApiUrl(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
}

let host: URL | undefined;

/**
 * Makes every worker start `script` instead: a single-file program written
 * by `mlp compile` hosts its own workers. The worker gets workerData
 * `{ mlpWorker: '<module>.ts' }` and the program runs that module's body.
 */
export function hostWorkers(script: URL): void {
  host = script;
}

/**
 * Starts `url` (a `.ts` module beside the caller) as a worker: the compiled
 * `.js` twin when running from dist/, else the source through tsx.
 */
export function startWorker(url: URL, options: WorkerOptions = {}): Worker {
  if (host) {
    options = { ...options, workerData: { mlpWorker: url.pathname.slice(url.pathname.lastIndexOf('/') + 1) } };
    url = host;
    if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
  } else if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(url.href.replace(/\.ts$/, '.js')), options);
  const code = `import(${JSON.stringify(tsxApiUrl())}).then((tsx) => tsx.tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)}))`;
  return new Worker(code, { ...options, eval: true });
}

/** Threads to use: an explicit setting, else MLP_THREADS, else every core (at least 1). */
export function threadCount(setting?: number): number {
  const n = setting ?? (process.env.MLP_THREADS ? Number(process.env.MLP_THREADS) : availableParallelism());
  return Math.max(1, Math.floor(Number.isFinite(n) ? n : 1));
}
