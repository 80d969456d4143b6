/** Input checks shared by the tree kernels. */
import { KernelError, assertFinite, toDense, type DenseMatrix, type FitInput, type Matrix } from '../contract.ts';

/** Dense training matrix after rejecting empty, non-finite or mismatched input. */
export function checkedTrainingMatrix(input: FitInput, model: string): DenseMatrix {
  const X = toDense(input.X);
  if (X.rows === 0) throw new KernelError(`${model}: the training data has no rows`);
  if (input.y.length !== X.rows) throw new KernelError(`${model}: ${X.rows} rows but ${input.y.length} targets`);
  assertFinite(X, `${model} training data`);
  for (let i = 0; i < input.y.length; i++) {
    if (!Number.isFinite(input.y[i])) throw new KernelError(`${model}: the target contains ${input.y[i]} at row ${i}`);
  }
  return X;
}

/** Dense prediction matrix with the fitted number of columns and finite values. */
export function checkedPredictionMatrix(X: Matrix, cols: number, model: string): DenseMatrix {
  const dense = toDense(X);
  if (dense.cols !== cols) throw new KernelError(`${model}: fitted on ${cols} columns but got ${dense.cols}`);
  assertFinite(dense, `${model} input`);
  return dense;
}

/** Class weights: all 1, or n / (classes × count) like scikit-learn's class_weight='balanced'. */
export function classWeights(y: Float64Array, classes: number, mode: unknown): Float64Array {
  const weights = new Float64Array(Math.max(classes, 1)).fill(1);
  if (mode !== 'balanced') return weights;
  const counts = new Float64Array(weights.length);
  for (let i = 0; i < y.length; i++) counts[y[i]]++;
  let present = 0;
  for (const c of counts) if (c > 0) present++;
  for (let k = 0; k < counts.length; k++) if (counts[k] > 0) weights[k] = y.length / (present * counts[k]);
  return weights;
}
