/**
 * Starting worker threads that run this project's TypeScript sources. Under
 * tsx (and vitest) a worker must load its module through tsx's API: Node 20
 * ignores `--import tsx` for a worker's entry file. From compiled JavaScript
 * the module is started directly.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** URL of tsx's ESM API (require.resolve finds its CommonJS twin beside it). */
function tsxApiUrl(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
}

/** Starts `url` (a `.ts` module beside the caller) as a worker, through tsx when running from sources. */
export function startWorker(url: URL, options: WorkerOptions = {}): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
  const code = `import(${JSON.stringify(tsxApiUrl())}).then((tsx) => tsx.tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)}))`;
  return new Worker(code, { ...options, eval: true });
}
