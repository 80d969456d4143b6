import { afterAll, describe, expect, it } from 'vitest';
import { KernelError, type FitInput, type Params } from '../../src/runtime/models/contract.ts';
import { kernel as tree } from '../../src/runtime/models/decision_tree.ts';
import { kernel as forest, setForestThreads } from '../../src/runtime/models/random_forest.ts';
import { kernel as boosting } from '../../src/runtime/models/gradient_boosting.ts';
import { startForestWorkers } from '../../src/runtime/models/tree/forest_pool.ts';
import { rng } from '../../src/runtime/random.ts';

const treeParams: Params = { criterion: 'gini', max_depth: null, min_samples_split: 2, min_samples_leaf: 1, max_features: null, class_weight: 'none' };
const forestParams: Params = { trees: 20, max_depth: null, min_samples_split: 2, min_samples_leaf: 1, max_features: 'sqrt', bootstrap: true, oob_score: false, class_weight: 'none' };
const boostParams: Params = { iterations: 20, learning_rate: 0.1, max_depth: null, max_leaf_nodes: 31, min_samples_leaf: 5, l2_regularization: 0, max_bins: 255, early_stopping: 'auto', validation_fraction: 0.1, n_iter_no_change: 10 };

function input(rows: number[][], y: number[], task: FitInput['task'] = 'classification', seed = 1): FitInput {
  const cols = rows[0]?.length ?? 1;
  return {
    X: { kind: 'dense', rows: rows.length, cols, data: Float64Array.from(rows.flat()) },
    y: Float64Array.from(y),
    task,
    classes: task === 'classification' ? Math.max(...y) + 1 : 0,
    seed,
  };
}

/** A random table with a noisy class given by the sign of a few features. */
function blobs(n: number, cols: number, seed: number, classes = 3): FitInput {
  const random = rng(seed);
  const rows: number[][] = [], y: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = Array.from({ length: cols }, () => random() * 2 - 1);
    rows.push(row);
    y.push(Math.min(classes - 1, Math.floor(((row[0] + row[1] + 2) / 4 + (random() - 0.5) * 0.2) * classes)));
  }
  return input(rows, y.map((v) => Math.max(0, v)));
}

const dense = (rows: number[][]) => ({ kind: 'dense' as const, rows: rows.length, cols: rows[0].length, data: Float64Array.from(rows.flat()) });
const depth = (t: { left: number[]; right: number[] }, node = 0): number =>
  t.left[node] < 0 ? 0 : 1 + Math.max(depth(t, t.left[node]), depth(t, t.right[node]));

afterAll(() => setForestThreads(undefined));

describe('decision_tree', () => {
  const xor = [[0, 0], [0, 1], [1, 0], [1, 1]];
  it('learns XOR exactly with depth 2', () => {
    const state = tree.fit(input(xor, [0, 1, 1, 0]), { ...treeParams, max_depth: 2 }) as any;
    expect(Array.from(tree.predict(state, dense(xor)))).toEqual([0, 1, 1, 0]);
    expect(depth(state.tree)).toBe(2);
  });

  it('fits a step function with one split at the midpoint', () => {
    const xs = Array.from({ length: 20 }, (_, i) => [i]);
    const state = tree.fit(input(xs, xs.map(([x]) => (x < 10 ? 1 : 5)), 'regression'), { ...treeParams, criterion: 'squared_error' }) as any;
    expect(state.tree.feature.length).toBe(3);
    expect(state.tree.threshold[0]).toBe(9.5);
    expect(Array.from(tree.predict(state, dense([[3], [9.4], [9.6], [100]])))).toEqual([1, 1, 5, 5]);
  });

  it('respects min_samples_leaf and max_depth', () => {
    const data = blobs(300, 4, 7);
    const leafy = tree.fit(data, { ...treeParams, min_samples_leaf: 15 }) as any;
    const leaves = leafy.tree.feature.map((f: number, node: number) => (f < 0 ? node : -1)).filter((node: number) => node >= 0);
    const X = data.X as any;
    const counts = new Map<number, number>();
    const flat = leafy.tree;
    for (let i = 0; i < X.rows; i++) {
      let node = 0;
      while (flat.left[node] >= 0) node = X.data[i * X.cols + flat.feature[node]] <= flat.threshold[node] ? flat.left[node] : flat.right[node];
      counts.set(node, (counts.get(node) ?? 0) + 1);
    }
    for (const leaf of leaves) expect(counts.get(leaf)).toBeGreaterThanOrEqual(15);
    const shallow = tree.fit(data, { ...treeParams, max_depth: 3 }) as any;
    expect(depth(shallow.tree)).toBe(3);
  });

  it('picks different splits for gini and entropy on a hand-computed table', () => {
    // y = [1, 2, 2, 0, 1, 1] at x = 1..6. Split after x = 3: both sides {1, 2, 2} / {0, 1, 1}, weighted
    // gini 4/9 = 0.444, entropy 0.918 bits. After x = 4: {1, 2, 2, 0} / {1, 1}, gini 4/6 × 10/16 = 0.417,
    // entropy 4/6 × 1.5 = 1.0 bits. So gini splits at 4.5 and entropy at 3.5.
    const xs = [[1], [2], [3], [4], [5], [6]];
    const y = [1, 2, 2, 0, 1, 1];
    const gini = tree.fit(input(xs, y), { ...treeParams, max_depth: 1 }) as any;
    const entropy = tree.fit(input(xs, y), { ...treeParams, max_depth: 1, criterion: 'entropy' }) as any;
    expect(gini.tree.threshold[0]).toBe(4.5);
    expect(entropy.tree.threshold[0]).toBe(3.5);
  });

  it('handles one class, a constant column and duplicate rows', () => {
    const one = tree.fit(input([[1], [2], [3]], [0, 0, 0]), treeParams) as any;
    expect(Array.from(tree.predict(one, dense([[5]])))).toEqual([0]);
    expect(Array.from(tree.predictProba!(one, dense([[5]])))).toEqual([1]);
    const constant = tree.fit(input([[1, 0], [1, 1], [1, 2], [1, 3]], [0, 0, 1, 1]), treeParams) as any;
    expect(constant.tree.feature[0]).toBe(1);
    const dup = tree.fit(input([[1], [1], [1], [2]], [0, 1, 1, 1]), treeParams) as any;
    expect(Array.from(tree.predictProba!(dup, dense([[1], [2]])))).toEqual([1 / 3, 2 / 3, 0, 1]);
  });

  it('weights classes by n / (classes × count) with class_weight balanced', () => {
    const rows = [[0], [1], [2], [3]];
    const plain = tree.fit(input(rows, [0, 0, 0, 1]), { ...treeParams, max_depth: 0 }) as any;
    const balanced = tree.fit(input(rows, [0, 0, 0, 1]), { ...treeParams, max_depth: 0, class_weight: 'balanced' }) as any;
    expect(Array.from(tree.predictProba!(plain, dense([[0]])))).toEqual([0.75, 0.25]);
    expect(Array.from(tree.predictProba!(balanced, dense([[0]])))).toEqual([0.5, 0.5]);
  });

  it('round-trips through JSON with identical predictions', () => {
    const data = blobs(200, 5, 3);
    const state = tree.fit(data, treeParams);
    const loaded = JSON.parse(JSON.stringify(state));
    expect(tree.predictProba!(loaded, data.X)).toEqual(tree.predictProba!(state as any, data.X));
  });
});

describe('input validation', () => {
  const bad = input([[1, NaN], [2, 3]], [0, 1]);
  const inf = input([[1, Infinity], [2, 3]], [0, 1]);
  const empty: FitInput = { X: { kind: 'dense', rows: 0, cols: 2, data: new Float64Array(0) }, y: new Float64Array(0), task: 'classification', classes: 2, seed: 1 };
  it.each([['decision_tree', tree, treeParams], ['random_forest', forest, forestParams], ['gradient_boosting', boosting, boostParams]] as const)('%s rejects NaN, infinity and empty data', async (_, k, params) => {
    await expect(async () => k.fit(bad, params)).rejects.toThrow(KernelError);
    await expect(async () => k.fit(bad, params)).rejects.toThrow(/NaN at row 0/);
    await expect(async () => k.fit(inf, params)).rejects.toThrow(KernelError);
    await expect(async () => k.fit(empty, params)).rejects.toThrow(/no rows/);
    const state = await k.fit(input([[1, 2], [2, 3]], [0, 1]), params);
    expect(() => k.predict(state as any, dense([[NaN, 1]]))).toThrow(KernelError);
  });
});

describe('random_forest', () => {
  it('is deterministic per seed and differs across seeds', async () => {
    const data = blobs(300, 6, 5);
    const a = JSON.stringify(await forest.fit(data, forestParams));
    expect(JSON.stringify(await forest.fit(data, forestParams))).toBe(a);
    expect(JSON.stringify(await forest.fit({ ...data, seed: 2 }, forestParams))).not.toBe(a);
  });

  it('gives byte-identical state with 1 and 2 threads', async () => {
    const data = blobs(2000, 6, 9);
    const params = { ...forestParams, trees: 30, oob_score: true };
    setForestThreads(1);
    const single = JSON.stringify(await forest.fit(data, params));
    setForestThreads(2);
    expect(await startForestWorkers()).toBe(1);
    const double = JSON.stringify(await forest.fit(data, params));
    expect(double).toBe(single);
    expect(JSON.parse(double).oobScore).toBeGreaterThan(0.8);
  }, 30_000);

  it('stores an out-of-bag R² for regression', async () => {
    const random = rng(21);
    const rows = Array.from({ length: 300 }, () => [random(), random()]);
    const state = await forest.fit(input(rows, rows.map(([a, b]) => 3 * a + b + 0.1 * random()), 'regression'), { ...forestParams, max_features: 1.0, oob_score: true });
    expect(state.oobScore).toBeGreaterThan(0.9);
    expect(state.oobScore).toBeLessThan(1);
  });

  it('handles one class, a constant column and duplicate rows, and round-trips through JSON', async () => {
    const one = await forest.fit(input([[1, 5], [2, 5], [2, 5]], [0, 0, 0]), forestParams);
    expect(Array.from(forest.predict(one, dense([[7, 5]])))).toEqual([0]);
    const data = blobs(200, 4, 11);
    const state = await forest.fit(data, forestParams);
    expect(forest.predictProba!(JSON.parse(JSON.stringify(state)), data.X)).toEqual(forest.predictProba!(state, data.X));
  });
});

describe('gradient_boosting', () => {
  it('is deterministic per seed, including the early-stopping split', async () => {
    const data = blobs(400, 5, 13);
    const params = { ...boostParams, early_stopping: true, iterations: 200 };
    const a = JSON.stringify(await boosting.fit(data, params));
    expect(JSON.stringify(await boosting.fit(data, params))).toBe(a);
    expect(JSON.stringify(await boosting.fit({ ...data, seed: 99 }, params))).not.toBe(a);
    expect(JSON.parse(a).iterations).toBeLessThan(200);
  });

  it('fits regression, binary and multiclass targets and round-trips through JSON', async () => {
    const xs = Array.from({ length: 100 }, (_, i) => [i]);
    const reg = await boosting.fit(input(xs, xs.map(([x]) => (x < 50 ? 0 : 10)), 'regression'), { ...boostParams, iterations: 100 });
    const pred = boosting.predict(reg, dense([[10], [90]]));
    expect(pred[0]).toBeCloseTo(0, 1);
    expect(pred[1]).toBeCloseTo(10, 1);
    const binary = await boosting.fit(input(xs, xs.map(([x]) => (x < 50 ? 0 : 1))), boostParams);
    expect(Array.from(boosting.predict(binary, dense([[10], [90]])))).toEqual([0, 1]);
    const multi = blobs(300, 4, 17);
    const state = await boosting.fit(multi, boostParams);
    expect(boosting.predictProba!(JSON.parse(JSON.stringify(state)), multi.X)).toEqual(boosting.predictProba!(state, multi.X));
  });

  it('handles one class, a constant column and duplicate rows', async () => {
    const one = await boosting.fit(input([[1], [2], [3]], [0, 0, 0]), boostParams);
    expect(Array.from(boosting.predict(one, dense([[5]])))).toEqual([0]);
    const oneOfTwo = await boosting.fit({ ...input([[1], [2], [3]], [0, 0, 0]), classes: 2 }, boostParams);
    expect(Array.from(boosting.predict(oneOfTwo, dense([[5]])))).toEqual([0]);
    const rows = Array.from({ length: 60 }, (_, i) => [3, i % 2]);
    const state = await boosting.fit(input(rows, rows.map(([, b]) => b)), boostParams);
    expect(Array.from(boosting.predict(state, dense([[3, 0], [3, 1]])))).toEqual([0, 1]);
  });
});
