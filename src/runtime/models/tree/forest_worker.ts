/** Worker thread of the random forest: runs forest jobs posted by forest_pool.ts. */
import { parentPort } from 'node:worker_threads';
import { runForestJob, type ForestJob } from './forest_job.ts';

parentPort!.on('message', ({ id, job }: { id: number; job: ForestJob }) => {
  try {
    parentPort!.postMessage({ id, grown: runForestJob(job) });
  } catch (err) {
    parentPort!.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});
parentPort!.postMessage({ ready: true });
