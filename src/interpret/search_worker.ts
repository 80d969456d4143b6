/** A search worker: receives the search context once, then runs units and posts their results. */
import { parentPort } from 'node:worker_threads';
import { runUnit, type SearchContext, type Unit } from './search.ts';

let ctx: SearchContext | undefined;
const cache = new Map();

parentPort!.on('message', async (m: { type: 'init'; ctx: SearchContext } | { type: 'unit'; unit: Unit }) => {
  try {
    if (m.type === 'init') {
      ctx = m.ctx;
      parentPort!.postMessage({ type: 'ready' });
    } else {
      parentPort!.postMessage({ type: 'results', results: await runUnit(ctx!, m.unit, cache) });
    }
  } catch (err) {
    parentPort!.postMessage({ type: 'error', error: (err as Error)?.stack ?? String(err) });
  }
});
