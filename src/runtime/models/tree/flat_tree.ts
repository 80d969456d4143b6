/**
 * The fitted layout shared by every tree kernel: flat parallel arrays of
 * nodes (a leaf has feature -1), plain JSON in the state, typed arrays
 * while predicting.
 */

/** One fitted tree as plain JSON; `value` holds `outputs` numbers per node. */
export interface FlatTree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
}

/** A tree converted once per predict call. */
export interface TypedTree {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  value: Float64Array;
  right: Int32Array;
}

/** Converts a JSON tree to typed arrays for prediction. */
export function toTyped(tree: FlatTree): TypedTree {
  return {
    feature: Int32Array.from(tree.feature),
    threshold: Float64Array.from(tree.threshold),
    left: Int32Array.from(tree.left),
    right: Int32Array.from(tree.right),
    value: Float64Array.from(tree.value),
  };
}

/** Index of the leaf that row `row` of the row-major `data` (cols wide) falls into; x <= threshold goes left. */
export function leafOf(tree: TypedTree, data: Float64Array, cols: number, row: number): number {
  const { feature, threshold, left, right } = tree;
  const base = row * cols;
  let node = 0;
  while (left[node] >= 0) node = data[base + feature[node]] <= threshold[node] ? left[node] : right[node];
  return node;
}
