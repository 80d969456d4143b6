/**
 * The kernel contract every model family implements. The runtime calls
 * models only through this interface; fitted state is plain JSON data
 * (numbers, strings, booleans, arrays, objects — never typed arrays,
 * functions or class instances) so artifacts can be saved and loaded
 * without executing anything.
 */

/** Row-major dense matrix. */
export interface DenseMatrix {
  kind: 'dense';
  rows: number;
  cols: number;
  data: Float64Array;
}

/** Compressed sparse rows (text features). Column indices sorted within a row. */
export interface SparseMatrix {
  kind: 'csr';
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  data: Float64Array;
}

export type Matrix = DenseMatrix | SparseMatrix;

export type Task = 'classification' | 'regression';

/** A hyperparameter value as written in a .mlp file after search-space expansion. */
export type ParamValue = number | string | boolean | null | number[];
export type Params = Record<string, ParamValue>;

export interface FitInput {
  X: Matrix;
  /** classification: class index 0..classes-1 (as float); regression: target value */
  y: Float64Array;
  task: Task;
  /** number of classes (classification); 0 for regression */
  classes: number;
  /** seed for every random choice the kernel makes (uint32) */
  seed: number;
}

/** JSON-serializable fitted state. */
export type FittedState = unknown;

export interface ModelKernel<State = FittedState> {
  /** catalog name, e.g. "ridge" */
  name: string;
  /** one-time asynchronous set-up (e.g. loading WebAssembly); optional */
  init?(): Promise<void>;
  /**
   * Fit on one training matrix. Params are complete (catalog defaults filled in).
   * Throws a KernelError on failure (singular matrix, NaN loss, bad input).
   * May return a Promise (e.g. a forest that trains trees on worker threads).
   */
  fit(input: FitInput, params: Params): State | Promise<State>;
  /** Class index (classification) or value (regression) per row. */
  predict(state: State, X: Matrix): Float64Array;
  /** Row-major rows × classes probabilities (classification only, when the family has them). */
  predictProba?(state: State, X: Matrix): Float64Array;
}

/** A model failure that is the data's or the parameters' fault, not a bug. */
export class KernelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KernelError';
  }
}

/** Reads row i of a matrix into out (dense copy); helper for kernels that want rows. */
export function rowInto(X: Matrix, i: number, out: Float64Array): Float64Array {
  if (X.kind === 'dense') {
    out.set(X.data.subarray(i * X.cols, (i + 1) * X.cols));
  } else {
    out.fill(0);
    for (let p = X.indptr[i]; p < X.indptr[i + 1]; p++) out[X.indices[p]] = X.data[p];
  }
  return out;
}

/** Dense view of any matrix (copies a sparse one). */
export function toDense(X: Matrix): DenseMatrix {
  if (X.kind === 'dense') return X;
  const data = new Float64Array(X.rows * X.cols);
  for (let i = 0; i < X.rows; i++)
    for (let p = X.indptr[i]; p < X.indptr[i + 1]; p++) data[i * X.cols + X.indices[p]] = X.data[p];
  return { kind: 'dense', rows: X.rows, cols: X.cols, data };
}

/** Throws a KernelError if any value is NaN or infinite. */
export function assertFinite(X: Matrix, what = 'input'): void {
  const d = X.data;
  for (let i = 0; i < d.length; i++) {
    if (!Number.isFinite(d[i])) {
      const row = X.kind === 'dense' ? Math.floor(i / X.cols) : undefined;
      throw new KernelError(`${what} contains ${d[i]}${row === undefined ? '' : ` at row ${row}`}; impute or drop missing values before this model`);
    }
  }
}
