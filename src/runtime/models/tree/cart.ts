/**
 * CART split search like scikit-learn's BestSplitter: every feature is
 * presorted once per fit; each node owns the same [start, end) segment of
 * every feature's sorted sample list, and a split stably partitions those
 * segments, so no node ever sorts or allocates.
 */
import { KernelError } from '../contract.ts';
import type { FlatTree } from './flat_tree.ts';

export const GINI = 0, ENTROPY = 1, SQUARED_ERROR = 2;

/** Values closer than this are one value, as in scikit-learn (FEATURE_THRESHOLD). */
const SAME_VALUE = 1e-7;
const EPSILON = 2.220446049250313e-16;

/** The training matrix in the layout the builder reads; shared by all trees of a forest. */
export interface TreeData {
  rows: number;
  cols: number;
  /** column-major copy of X */
  columns: Float64Array;
  /** per feature, the row indices sorted by that feature's value (cols × rows) */
  order: Int32Array;
  /** target value (regression) */
  y: Float64Array;
  /** class index (classification; integer keys keep typed-array indexing fast) */
  labels: Int32Array;
  /** number of classes; 0 for regression */
  classes: number;
}

export interface TreeOptions {
  criterion: number;
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  /** features examined per split (non-constant ones) */
  maxFeatures: number;
}

/**
 * Column-major copy and per-feature sort order of a row-major matrix. Sorting
 * runs natively on the values; each row then finds its place by binary search
 * (ties keep row order), which avoids a comparator call per comparison.
 */
export function presort(data: Float64Array, rows: number, cols: number, y: Float64Array, classes: number): TreeData {
  const columns = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let f = 0; f < cols; f++) columns[f * rows + i] = data[i * cols + f];
  const order = new Int32Array(rows * cols);
  const values = new Float64Array(rows);
  const taken = new Int32Array(rows);
  for (let f = 0; f < cols; f++) {
    const column = columns.subarray(f * rows, (f + 1) * rows);
    values.set(column);
    values.sort();
    taken.fill(0);
    for (let i = 0; i < rows; i++) {
      const x = column[i];
      let lo = 0, hi = rows;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (values[mid] < x) lo = mid + 1; else hi = mid; }
      order[f * rows + lo + taken[lo]++] = i;
    }
  }
  return { rows, cols, columns, order, y, labels: Int32Array.from(y), classes };
}

/** Parses the criterion parameter. */
export function criterionCode(criterion: unknown, classification: boolean): number {
  if (!classification) {
    if (criterion === 'squared_error' || criterion === 'gini' || criterion == null) return SQUARED_ERROR;
    throw new KernelError(`criterion '${criterion}' is not available for regression; use 'squared_error'`);
  }
  if (criterion === 'gini' || criterion == null) return GINI;
  if (criterion === 'entropy' || criterion === 'log_loss') return ENTROPY;
  throw new KernelError(`criterion '${criterion}' is not available for classification; use 'gini' or 'entropy'`);
}

/** Number of features to examine per split, from the max_features parameter. */
export function maxFeaturesCount(maxFeatures: unknown, cols: number): number {
  if (maxFeatures == null) return cols;
  if (maxFeatures === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(cols)));
  if (maxFeatures === 'log2') return Math.max(1, Math.floor(Math.log2(cols)));
  if (typeof maxFeatures === 'number' && maxFeatures > 0) {
    return Math.min(cols, maxFeatures <= 1 ? Math.max(1, Math.floor(maxFeatures * cols)) : Math.floor(maxFeatures));
  }
  throw new KernelError(`max_features must be null, 'sqrt', 'log2' or a fraction in (0, 1], not ${JSON.stringify(maxFeatures)}`);
}

const xlogx = (x: number): number => (x > 0 ? x * Math.log(x) : 0);

/**
 * Grows one tree depth-first on the rows with weight > 0 (bootstrap counts ×
 * class weights); node values are class fractions or the weighted mean.
 */
export function buildTree(data: TreeData, weights: Float64Array, opts: TreeOptions, random: () => number): FlatTree {
  const { rows: n, cols: d, columns, y, labels, classes } = data;
  const outputs = classes > 0 ? classes : 1;
  let m = 0;
  for (let i = 0; i < n; i++) if (weights[i] > 0) m++;
  // Per feature, the rows in use, in sorted order.
  // Branch-free filtering and partitioning below: the keep/left decisions are unpredictable.
  // (One spare slot: the filter writes one past a feature's last kept row.)
  const sorted = new Int32Array(m * d + 1);
  for (let f = 0; f < d; f++) {
    let q = f * m;
    const o = f * n;
    for (let p = 0; p < n; p++) { const i = data.order[o + p]; sorted[q] = i; q += weights[i] > 0 ? 1 : 0; }
  }
  const goLeft = new Uint8Array(n);
  const scratch = new Int32Array(m);
  const features = new Int32Array(d);
  for (let f = 0; f < d; f++) features[f] = f;
  // constant[depth * d + f] = 1 when feature f is constant in the current node at that depth;
  // a constant feature stays constant in every descendant, so it is never partitioned again.
  let constant = new Uint8Array(16 * d);
  const total = new Float64Array(outputs);
  const leftSums = new Float64Array(outputs);

  const tree: FlatTree = { feature: [], threshold: [], left: [], right: [], value: [] };
  // Explicit stack of pending nodes: start, end, depth, parent (with the side in the sign) and a
  // feature whose segment is known to be partitioned down to this node (the parent's split feature).
  const stack: number[] = [0, m, 0, -1, 0];
  const { criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures } = opts;

  while (stack.length > 0) {
    const rowsOf = stack.pop()! * m;
    const parentCode = stack.pop()!, depth = stack.pop()!, end = stack.pop()!, start = stack.pop()!;
    const node = tree.feature.length;
    if (parentCode >= 0) tree.left[parentCode] = node;
    else if (parentCode < -1) tree.right[-parentCode - 2] = node;
    const count = end - start;

    // Node totals and impurity.
    total.fill(0);
    let wTotal = 0, sumSq = 0;
    for (let p = start; p < end; p++) {
      const i = sorted[rowsOf + p];
      const w = weights[i];
      wTotal += w;
      if (classes > 0) total[labels[i]] += w;
      else { total[0] += w * y[i]; sumSq += w * y[i] * y[i]; }
    }
    let impurity: number;
    if (criterion === GINI) {
      let s = 0;
      for (let k = 0; k < outputs; k++) s += total[k] * total[k];
      impurity = 1 - s / (wTotal * wTotal);
    } else if (criterion === ENTROPY) {
      let s = 0;
      for (let k = 0; k < outputs; k++) if (total[k] > 0) { const pk = total[k] / wTotal; s -= pk * Math.log2(pk); }
      impurity = s;
    } else {
      const mean = total[0] / wTotal;
      impurity = sumSq / wTotal - mean * mean;
    }
    tree.feature.push(-1); tree.threshold.push(0); tree.left.push(-1); tree.right.push(-1);
    if (classes > 0) for (let k = 0; k < outputs; k++) tree.value.push(total[k] / wTotal);
    else tree.value.push(total[0] / wTotal);

    if (depth >= maxDepth || count < minSamplesSplit || count < 2 * minSamplesLeaf || impurity <= EPSILON) continue;
    if ((depth + 1) * d > constant.length) { const grown = new Uint8Array(constant.length * 2); grown.set(constant); constant = grown; }
    const known = depth * d;
    if (depth > 0) constant.copyWithin(known, known - d, known);
    else constant.fill(0, 0, d);

    // Best split over up to maxFeatures randomly drawn non-constant features.
    let bestProxy = -Infinity, bestFeature = -1, bestPos = -1;
    let visited = 0;
    for (let j = 0; j < d && visited < maxFeatures; j++) {
      const r = j + Math.floor(random() * (d - j));
      const f = features[r]; features[r] = features[j]; features[j] = f;
      const seg = f * m, col = f * n;
      if (constant[known + f] === 1) continue;
      if (columns[col + sorted[seg + end - 1]] <= columns[col + sorted[seg + start]] + SAME_VALUE) { constant[known + f] = 1; continue; }
      visited++;
      leftSums.fill(0);
      let wLeft = 0;
      // Running sufficient statistics of the left and right children.
      let statLeft = 0, statRight = 0;
      if (criterion === GINI) for (let k = 0; k < outputs; k++) statRight += total[k] * total[k];
      else if (criterion === ENTROPY) for (let k = 0; k < outputs; k++) statRight += xlogx(total[k]);
      for (let p = start; p < end - 1; p++) {
        const i = sorted[seg + p];
        const w = weights[i];
        wLeft += w;
        if (criterion === GINI) {
          const c = labels[i], l = leftSums[c], rr = total[c] - l;
          statLeft += (2 * l + w) * w;
          statRight += (w - 2 * rr) * w;
          leftSums[c] = l + w;
        } else if (criterion === ENTROPY) {
          const c = labels[i], l = leftSums[c], rr = total[c] - l;
          statLeft += xlogx(l + w) - xlogx(l);
          statRight += xlogx(rr - w) - xlogx(rr);
          leftSums[c] = l + w;
        } else {
          leftSums[0] += w * y[i];
        }
        const nLeft = p + 1 - start;
        if (nLeft < minSamplesLeaf) continue;
        if (count - nLeft < minSamplesLeaf) break;
        if (columns[col + sorted[seg + p + 1]] <= columns[col + i] + SAME_VALUE) continue;
        const wRight = wTotal - wLeft;
        let proxy: number;
        if (criterion === GINI) proxy = statLeft / wLeft + statRight / wRight;
        else if (criterion === ENTROPY) proxy = statLeft - xlogx(wLeft) + statRight - xlogx(wRight);
        else { const sl = leftSums[0], sr = total[0] - sl; proxy = (sl * sl) / wLeft + (sr * sr) / wRight; }
        if (proxy > bestProxy) { bestProxy = proxy; bestFeature = f; bestPos = p; }
      }
    }
    if (bestFeature < 0) continue;

    // Split: threshold at the midpoint, then stable partition of every other feature's segment.
    const seg = bestFeature * m, col = bestFeature * n;
    const lo = columns[col + sorted[seg + bestPos]], hi = columns[col + sorted[seg + bestPos + 1]];
    let threshold = lo / 2 + hi / 2;
    if (threshold === hi || !Number.isFinite(threshold)) threshold = lo;
    tree.feature[node] = bestFeature;
    tree.threshold[node] = threshold;
    // Only leaf values are ever read; zeros keep the saved state small.
    tree.value.fill(0, node * outputs, (node + 1) * outputs);
    for (let p = start; p < end; p++) goLeft[sorted[seg + p]] = p <= bestPos ? 1 : 0;
    for (let f = 0; f < d; f++) {
      if (f === bestFeature || constant[known + f] === 1) continue;
      const base = f * m;
      if (columns[f * n + sorted[base + end - 1]] <= columns[f * n + sorted[base + start]] + SAME_VALUE) { constant[known + f] = 1; continue; }
      let l = base + start, r = 0;
      for (let p = base + start; p < base + end; p++) {
        const i = sorted[p], left = goLeft[i];
        sorted[l] = i; scratch[r] = i;
        l += left; r += 1 - left;
      }
      for (let q = 0; q < r; q++) sorted[l + q] = scratch[q];
    }
    const mid = bestPos + 1;
    stack.push(mid, end, depth + 1, -node - 2, bestFeature);
    stack.push(start, mid, depth + 1, node, bestFeature);
  }
  return tree;
}
