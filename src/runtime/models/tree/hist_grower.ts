/**
 * Leaf-wise (best-first) growth of one gradient-boosting tree on binned data,
 * like scikit-learn's TreeGrower: gradient/hessian histograms per node, the
 * larger child's histogram by subtraction from its parent's.
 */
import type { FlatTree } from './flat_tree.ts';

/** Smallest hessian sum a child may have (scikit-learn's min_hessian_to_split). */
const MIN_HESSIAN = 1e-3;

export interface BinnedData {
  rows: number;
  cols: number;
  /** column-major bin indices */
  bins: Uint8Array;
  /** bin edges per feature; the number of bins is edges.length + 1 */
  edges: number[][];
}

export interface GrowerOptions {
  maxLeafNodes: number;
  maxDepth: number;
  minSamplesLeaf: number;
  l2: number;
  learningRate: number;
}

/** A fitted tree and, for updating the training predictions, each leaf's row range in `rows`. */
export interface GrownTree {
  tree: FlatTree;
  leafStart: number[];
  leafEnd: number[];
  leafValue: number[];
}

interface GrowNode {
  id: number;
  start: number;
  end: number;
  depth: number;
  sumG: number;
  sumH: number;
  hist: Float64Array | null;
  gain: number;
  feature: number;
  bin: number;
  leftG: number;
  leftH: number;
  leftCount: number;
}

/** Reusable buffers of one boosting fit; a histogram is [g, h, count] per bin, feature after feature. */
export class GrowerWorkspace {
  private free: Float64Array[] = [];
  readonly orderedG: Float64Array;
  readonly orderedH: Float64Array;
  readonly scratch: Int32Array;
  /** where each feature's bins start in a histogram */
  readonly offsets: Int32Array;
  private readonly size: number;
  constructor(readonly data: BinnedData) {
    this.orderedG = new Float64Array(data.rows);
    this.orderedH = new Float64Array(data.rows);
    this.scratch = new Int32Array(data.rows);
    this.offsets = new Int32Array(data.cols);
    let size = 0;
    for (let f = 0; f < data.cols; f++) { this.offsets[f] = size; size += (data.edges[f].length + 1) * 3; }
    this.size = size;
  }
  /** A zeroed histogram. */
  take(): Float64Array {
    const h = this.free.pop();
    if (h) { h.fill(0); return h; }
    return new Float64Array(this.size);
  }
  /** Returns a histogram to the pool. */
  give(h: Float64Array): void {
    this.free.push(h);
  }
}

function buildHistogram(ws: GrowerWorkspace, rows: Int32Array, start: number, end: number, grad: Float64Array, hess: Float64Array | null, hist: Float64Array): void {
  const { bins, rows: n, cols } = ws.data;
  const g = ws.orderedG, h = ws.orderedH;
  const count = end - start;
  for (let p = 0; p < count; p++) { const i = rows[start + p]; g[p] = grad[i]; h[p] = hess ? hess[i] : 1; }
  for (let f = 0; f < cols; f++) {
    const col = f * n, base = ws.offsets[f];
    for (let p = 0; p < count; p++) {
      const j = base + bins[col + rows[start + p]] * 3;
      hist[j] += g[p];
      hist[j + 1] += h[p];
      hist[j + 2] += 1;
    }
  }
}

function findSplit(node: GrowNode, ws: GrowerWorkspace, opts: GrowerOptions): void {
  const data = ws.data;
  const hist = node.hist!;
  const { sumG, sumH } = node;
  const count = node.end - node.start;
  const l2 = opts.l2, msl = opts.minSamplesLeaf;
  const parentLoss = (sumG * sumG) / (sumH + l2);
  node.gain = 0; node.feature = -1;
  for (let f = 0; f < data.cols; f++) {
    const last = data.edges[f].length;
    const base = ws.offsets[f];
    let gL = 0, hL = 0, cL = 0;
    for (let b = 0; b < last; b++) {
      const j = base + b * 3;
      gL += hist[j]; hL += hist[j + 1]; cL += hist[j + 2];
      if (cL < msl) continue;
      if (count - cL < msl) break;
      const hR = sumH - hL;
      if (hL < MIN_HESSIAN) continue;
      if (hR < MIN_HESSIAN) break;
      const gR = sumG - gL;
      const gain = (gL * gL) / (hL + l2) + (gR * gR) / (hR + l2) - parentLoss;
      if (gain > node.gain) { node.gain = gain; node.feature = f; node.bin = b; node.leftG = gL; node.leftH = hL; node.leftCount = cL; }
    }
  }
}

/**
 * Grows one tree on the rows listed in `rows` (reordered in place so each
 * leaf's rows are contiguous); hess null means every hessian is 1.
 */
export function growTree(ws: GrowerWorkspace, rows: Int32Array, grad: Float64Array, hess: Float64Array | null, opts: GrowerOptions): GrownTree {
  const data = ws.data;
  const tree: FlatTree = { feature: [], threshold: [], left: [], right: [], value: [] };
  const grown: GrownTree = { tree, leafStart: [], leafEnd: [], leafValue: [] };
  const newNode = (start: number, end: number, depth: number, sumG: number, sumH: number): GrowNode => {
    tree.feature.push(-1); tree.threshold.push(0); tree.left.push(-1); tree.right.push(-1); tree.value.push(0);
    return { id: tree.feature.length - 1, start, end, depth, sumG, sumH, hist: null, gain: 0, feature: -1, bin: 0, leftG: 0, leftH: 0, leftCount: 0 };
  };
  const canSplit = (node: GrowNode) => node.depth < opts.maxDepth && node.end - node.start >= 2 * opts.minSamplesLeaf;
  const finalize = (node: GrowNode) => {
    const value = (-opts.learningRate * node.sumG) / (node.sumH + opts.l2 + 1e-15);
    tree.value[node.id] = value;
    grown.leafStart.push(node.start); grown.leafEnd.push(node.end); grown.leafValue.push(value);
    if (node.hist) { ws.give(node.hist); node.hist = null; }
  };

  let sumG = 0, sumH = 0;
  for (let p = 0; p < rows.length; p++) { sumG += grad[rows[p]]; sumH += hess ? hess[rows[p]] : 1; }
  const root = newNode(0, rows.length, 0, sumG, sumH);
  const open: GrowNode[] = [];
  if (canSplit(root)) {
    root.hist = ws.take();
    buildHistogram(ws, rows, 0, rows.length, grad, hess, root.hist);
    findSplit(root, ws, opts);
  }
  open.push(root);
  let leaves = 1;
  for (;;) {
    let best = -1;
    for (let k = 0; k < open.length; k++) if (open[k].feature >= 0 && (best < 0 || open[k].gain > open[best].gain)) best = k;
    if (best < 0 || leaves >= opts.maxLeafNodes) break;
    const node = open[best];
    open.splice(best, 1);
    // Partition the node's rows: bin <= node.bin goes left.
    const col = node.feature * data.rows;
    let l = node.start, r = 0;
    for (let p = node.start; p < node.end; p++) {
      const i = rows[p];
      if (data.bins[col + i] <= node.bin) rows[l++] = i; else ws.scratch[r++] = i;
    }
    for (let q = 0; q < r; q++) rows[l + q] = ws.scratch[q];
    tree.feature[node.id] = node.feature;
    tree.threshold[node.id] = data.edges[node.feature][node.bin];
    const left = newNode(node.start, l, node.depth + 1, node.leftG, node.leftH);
    const right = newNode(l, node.end, node.depth + 1, node.sumG - node.leftG, node.sumH - node.leftH);
    tree.left[node.id] = left.id; tree.right[node.id] = right.id;
    leaves++;
    const splitLeft = canSplit(left) && leaves < opts.maxLeafNodes, splitRight = canSplit(right) && leaves < opts.maxLeafNodes;
    if (splitLeft || splitRight) {
      const [small, large] = left.end - left.start <= right.end - right.start ? [left, right] : [right, left];
      small.hist = ws.take();
      buildHistogram(ws, rows, small.start, small.end, grad, hess, small.hist);
      const parentHist = node.hist!;
      for (let j = 0; j < parentHist.length; j++) parentHist[j] -= small.hist[j];
      large.hist = parentHist;
      node.hist = null;
      for (const child of [left, right]) if (child === left ? splitLeft : splitRight) findSplit(child, ws, opts);
    } else {
      ws.give(node.hist!);
      node.hist = null;
    }
    open.push(left, right);
  }
  for (const node of open) finalize(node);
  return grown;
}
