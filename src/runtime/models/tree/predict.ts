/** Prediction from the leaf values of one or more trees (tree, forest). */
import type { DenseMatrix } from '../contract.ts';
import { leafOf, type TypedTree } from './flat_tree.ts';

/** Mean over trees of the leaf values (class fractions or targets), rows × outputs. */
export function meanLeafValues(trees: TypedTree[], X: DenseMatrix, outputs: number): Float64Array {
  const out = new Float64Array(X.rows * outputs);
  for (const tree of trees) {
    for (let i = 0; i < X.rows; i++) {
      const v = leafOf(tree, X.data, X.cols, i) * outputs;
      for (let k = 0; k < outputs; k++) out[i * outputs + k] += tree.value[v + k];
    }
  }
  if (trees.length > 1) for (let j = 0; j < out.length; j++) out[j] /= trees.length;
  return out;
}

/** Index of the largest entry in each row (first one on ties, like numpy's argmax). */
export function argmaxRows(values: Float64Array, rows: number, width: number): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let k = 1; k < width; k++) if (values[i * width + k] > values[i * width + best]) best = k;
    out[i] = best;
  }
  return out;
}
