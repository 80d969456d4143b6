/**
 * One forest-training job as run by the main thread and by each worker:
 * tree indices are claimed from a shared atomic counter, and tree t is
 * always grown from deriveSeed(seed, t), so the forest does not depend on
 * which thread grew which tree.
 */
import { deriveSeed, rng } from '../../random.ts';
import { buildTree, type TreeData, type TreeOptions } from './cart.ts';
import type { FlatTree } from './flat_tree.ts';

export interface ForestJob {
  data: TreeData;
  /** class weight of each training row */
  rowWeights: Float64Array;
  options: TreeOptions;
  seed: number;
  trees: number;
  bootstrap: boolean;
  /** Int32Array(1) over a SharedArrayBuffer: the next unclaimed tree index */
  counter: Int32Array;
}

/** The random source of tree t: its bootstrap draw comes first, then its feature draws. */
export function treeRandom(seed: number, t: number): () => number {
  return rng(deriveSeed(seed, t));
}

/** Bootstrap counts of n rows drawn with replacement (scikit-learn's _generate_sample_indices). */
export function bootstrapCounts(n: number, random: () => number): Float64Array {
  const counts = new Float64Array(n);
  for (let j = 0; j < n; j++) counts[Math.floor(random() * n)]++;
  return counts;
}

/** Grows tree t of the forest. */
export function growForestTree(job: ForestJob, t: number): FlatTree {
  const random = treeRandom(job.seed, t);
  const n = job.data.rows;
  const weights = job.bootstrap ? bootstrapCounts(n, random) : new Float64Array(n).fill(1);
  for (let i = 0; i < n; i++) weights[i] *= job.rowWeights[i];
  return buildTree(job.data, weights, job.options, random);
}

/** Grows trees until the shared counter runs out; returns [index, tree] pairs. */
export function runForestJob(job: ForestJob): Array<[number, FlatTree]> {
  const grown: Array<[number, FlatTree]> = [];
  for (;;) {
    const t = Atomics.add(job.counter, 0, 1);
    if (t >= job.trees) return grown;
    grown.push([t, growForestTree(job, t)]);
  }
}
