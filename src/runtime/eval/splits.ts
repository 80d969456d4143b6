/**
 * Train/test splits. Every function returns plain arrays of { train, test }
 * Int32Array row indices, each sorted ascending, and throws a SplitError on bad input.
 * Randomness comes only from the seed.
 */
import { deriveSeed, rng, shuffle } from '../random.ts';

export interface Split {
  train: Int32Array;
  test: Int32Array;
}

/** An impossible or invalid split request. */
export class SplitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SplitError';
  }
}

function checkK(k: number, n: number, what: string): void {
  if (!Number.isInteger(k) || k < 2) throw new SplitError(`${what}: number of folds must be an integer >= 2, got ${k}`);
  if (k > n) throw new SplitError(`${what}: cannot have ${k} folds with only ${n} rows`);
}

/** Class sizes of codes (all must be ≥ 0). */
function classCounts(codes: Int32Array, what: string): Int32Array {
  let max = -1;
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] < 0) throw new SplitError(`${what}: the stratification column is missing at row ${i}`);
    if (codes[i] > max) max = codes[i];
  }
  const counts = new Int32Array(max + 1);
  for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
  return counts;
}

/** The split whose test rows are those with fold[i] === f. */
function partition(fold: Int32Array, f: number): Split {
  const test: number[] = [], train: number[] = [];
  for (let i = 0; i < fold.length; i++) (fold[i] === f ? test : train).push(i);
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}

function fromFolds(fold: Int32Array, k: number): Split[] {
  return Array.from({ length: k }, (_, f) => partition(fold, f));
}

function range(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

/**
 * Test counts per class summing to total, proportional to counts: floors, then the
 * largest remainders (ties to the lower class), leaving a class a training row when possible.
 */
function allocate(counts: Int32Array, n: number, total: number): Int32Array {
  const exact = Array.from(counts, (c) => (c * total) / n);
  const out = Int32Array.from(exact, (e) => Math.floor(e));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((_, c) => c).sort((a, b) => exact[b] - out[b] - (exact[a] - out[a]) || a - b);
  for (const spare of [1, 0])
    for (const c of order) if (left > 0 && out[c] + spare < counts[c]) { out[c]++; left--; }
  return out;
}

/** One shuffled train/test split; test = ceil(test·n) rows; with stratify, each class keeps its proportion. */
export function holdout(n: number, opts: { test: number; seed: number; stratify?: Int32Array }): Split {
  const { test, seed, stratify } = opts;
  if (!(test > 0 && test < 1)) throw new SplitError(`holdout: test fraction must be between 0 and 1, got ${test}`);
  const nTest = Math.ceil(test * n), nTrain = n - nTest;
  if (nTest < 1 || nTrain < 1) throw new SplitError(`holdout: a test fraction of ${test} with ${n} rows leaves an empty train or test set`);
  const random = rng(deriveSeed(seed, 'holdout'));
  const fold = new Int32Array(n); // 1 = test
  if (!stratify) {
    const perm = shuffle(range(n), random);
    for (let i = 0; i < nTest; i++) fold[perm[i]] = 1;
  } else {
    if (stratify.length !== n) throw new SplitError(`holdout: stratification column has ${stratify.length} rows, expected ${n}`);
    const counts = classCounts(stratify, 'holdout');
    const present = counts.filter((c) => c > 0);
    if (present.some((c) => c < 2)) throw new SplitError('holdout: the least populated class has only 1 row; stratified holdout needs at least 2 per class');
    if (nTest < present.length || nTrain < present.length)
      throw new SplitError(`holdout: ${nTest} test and ${nTrain} train rows cannot hold all ${present.length} classes`);
    const want = allocate(counts, n, nTest);
    for (const i of shuffle(range(n), random)) {
      const c = stratify[i];
      if (want[c] > 0) { fold[i] = 1; want[c]--; }
    }
  }
  return partition(fold, 1);
}

export interface KfoldOptions {
  k: number;
  shuffle?: boolean;
  seed?: number;
}

/** K folds of consecutive (or, with shuffle, shuffled) rows; the first n mod k folds get one extra row (like sklearn KFold). */
export function kfold(n: number, opts: KfoldOptions): Split[] {
  const { k } = opts;
  checkK(k, n, 'kfold');
  const order = range(n);
  if (opts.shuffle) shuffle(order, rng(deriveSeed(opts.seed ?? 0, 'kfold')));
  const fold = new Int32Array(n);
  let pos = 0;
  for (let f = 0; f < k; f++) {
    const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
    for (let j = 0; j < size; j++) fold[order[pos++]] = f;
  }
  return fromFolds(fold, k);
}

/** K folds preserving class proportions (sklearn StratifiedKFold's allocation); every class needs ≥ k rows. */
export function stratifiedKfold(codes: Int32Array, opts: KfoldOptions): Split[] {
  const { k } = opts;
  const n = codes.length;
  checkK(k, n, 'stratified kfold');
  const counts = classCounts(codes, 'stratified kfold');
  // classes in order of first appearance, as sklearn encodes them
  const rank = new Int32Array(counts.length).fill(-1);
  const classes: number[] = [];
  for (let i = 0; i < n; i++) if (rank[codes[i]] < 0) { rank[codes[i]] = classes.length; classes.push(codes[i]); }
  for (const c of classes)
    if (counts[c] < k) throw new SplitError(`stratified kfold: class ${c} has only ${counts[c]} rows, fewer than the ${k} folds`);
  // fold f receives the classes of sorted rows f, f+k, f+2k, ...
  const alloc = classes.map(() => new Int32Array(k));
  let pos = 0;
  for (let r = 0; r < classes.length; r++)
    for (let j = 0; j < counts[classes[r]]; j++, pos++) alloc[r][pos % k]++;
  const random = rng(deriveSeed(opts.seed ?? 0, 'stratified-kfold'));
  const fold = new Int32Array(n);
  for (let r = 0; r < classes.length; r++) {
    const folds = new Int32Array(counts[classes[r]]);
    let q = 0;
    for (let f = 0; f < k; f++) for (let j = 0; j < alloc[r][f]; j++) folds[q++] = f;
    if (opts.shuffle) shuffle(folds, random);
    q = 0;
    for (let i = 0; i < n; i++) if (codes[i] === classes[r]) fold[i] = folds[q++];
  }
  return fromFolds(fold, k);
}

/** k-fold repeated with a fresh shuffle each time (stratified when codes are given): k·repeats splits. */
export function repeatedKfold(n: number, opts: { k: number; repeats: number; seed: number; stratify?: Int32Array }): Split[] {
  if (!Number.isInteger(opts.repeats) || opts.repeats < 1) throw new SplitError(`repeated kfold: repeats must be a positive integer, got ${opts.repeats}`);
  if (opts.stratify && opts.stratify.length !== n) throw new SplitError(`repeated kfold: stratification column has ${opts.stratify.length} rows, expected ${n}`);
  const out: Split[] = [];
  for (let r = 0; r < opts.repeats; r++) {
    const o = { k: opts.k, shuffle: true, seed: deriveSeed(opts.seed, `repeat-${r}`) };
    out.push(...(opts.stratify ? stratifiedKfold(opts.stratify, o) : kfold(n, o)));
  }
  return out;
}

/** K folds where no group is in two folds; largest groups first, each to the lightest fold (like sklearn GroupKFold). */
export function groupKfold(groups: Int32Array, k: number): Split[] {
  const n = groups.length;
  checkK(k, n, 'group kfold');
  const sizes = classCounts(groups, 'group kfold');
  const present = sizes.reduce((a, s) => a + (s > 0 ? 1 : 0), 0);
  if (present < k) throw new SplitError(`group kfold: cannot have ${k} folds with only ${present} groups`);
  const order = Array.from(sizes, (_, g) => g).filter((g) => sizes[g] > 0).sort((a, b) => sizes[b] - sizes[a] || b - a);
  const load = new Float64Array(k);
  const foldOf = new Int32Array(sizes.length);
  for (const g of order) {
    let light = 0;
    for (let f = 1; f < k; f++) if (load[f] < load[light]) light = f;
    load[light] += sizes[g];
    foldOf[g] = light;
  }
  return fromFolds(Int32Array.from(groups, (g) => foldOf[g]), k);
}

/** Expanding-window splits over row order (like sklearn TimeSeriesSplit): train rows always precede test rows. */
export function timeSplit(n: number, folds: number): Split[] {
  if (!Number.isInteger(folds) || folds < 2) throw new SplitError(`time split: number of folds must be an integer >= 2, got ${folds}`);
  if (folds + 1 > n) throw new SplitError(`time split: ${folds} folds need at least ${folds + 1} rows, got ${n}`);
  const size = Math.floor(n / (folds + 1));
  const out: Split[] = [];
  for (let start = n - folds * size; start < n; start += size)
    out.push({ train: range(start), test: Int32Array.from({ length: size }, (_, i) => start + i) });
  return out;
}
