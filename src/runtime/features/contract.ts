/**
 * The feature blocks that feature transforms produce, and their assembly
 * into the one matrix a model sees.
 */
import type { DenseMatrix, Matrix, SparseMatrix } from '../models/contract.ts';

/** A group of output columns from one transform: dense columns or a CSR block. */
export type FeatureBlock =
  | { kind: 'dense'; names: string[]; columns: Float64Array[] }
  | { kind: 'sparse'; names: string[]; matrix: SparseMatrix };

/** A transform failure caused by the data or the options (bad domain, unseen level...). */
export class FeatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeatureError';
  }
}

/** Orders strings by Unicode code point (Python's str order), not by UTF-16 unit. */
export function byCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x === y) continue;
    // a surrogate (astral code point) sorts after every BMP unit above it
    const sx = x >= 0xd800 && x <= 0xdfff, sy = y >= 0xd800 && y <= 0xdfff;
    if (sx !== sy && (x >= 0xe000 || y >= 0xe000)) return sx ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/**
 * Concatenates blocks, in the given order, into one matrix with column names.
 * The result is CSR when some block is sparse and the sparse blocks have at least
 * as many columns as the dense ones; otherwise dense. Zeros are not stored in CSR.
 */
export function assemble(blocks: FeatureBlock[], rows: number): { matrix: Matrix; names: string[] } {
  const names: string[] = [];
  let sparseCols = 0, denseCols = 0;
  for (const b of blocks) {
    for (const n of b.names) names.push(n); // a vocabulary can be too large for push(...spread)
    if (b.kind === 'sparse') {
      if (b.matrix.rows !== rows) throw new FeatureError(`feature block has ${b.matrix.rows} rows, expected ${rows}`);
      sparseCols += b.names.length;
    } else {
      for (const c of b.columns) if (c.length !== rows) throw new FeatureError(`feature column has ${c.length} rows, expected ${rows}`);
      denseCols += b.names.length;
    }
  }
  const cols = names.length;
  if (sparseCols > 0 && sparseCols >= denseCols) return { matrix: assembleSparse(blocks, rows, cols), names };
  return { matrix: assembleDense(blocks, rows, cols), names };
}

function assembleDense(blocks: FeatureBlock[], rows: number, cols: number): DenseMatrix {
  const data = new Float64Array(rows * cols);
  let off = 0;
  for (const b of blocks) {
    if (b.kind === 'dense') {
      for (let j = 0; j < b.columns.length; j++) {
        const c = b.columns[j];
        for (let i = 0; i < rows; i++) data[i * cols + off + j] = c[i];
      }
    } else {
      const m = b.matrix;
      for (let i = 0; i < rows; i++)
        for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) data[i * cols + off + m.indices[p]] = m.data[p];
    }
    off += b.names.length;
  }
  return { kind: 'dense', rows, cols, data };
}

function assembleSparse(blocks: FeatureBlock[], rows: number, cols: number): SparseMatrix {
  const indptr = new Int32Array(rows + 1);
  for (const b of blocks) {
    if (b.kind === 'sparse') {
      for (let i = 0; i < rows; i++) indptr[i + 1] += b.matrix.indptr[i + 1] - b.matrix.indptr[i];
    } else {
      for (const c of b.columns) for (let i = 0; i < rows; i++) if (c[i] !== 0) indptr[i + 1]++;
    }
  }
  for (let i = 0; i < rows; i++) indptr[i + 1] += indptr[i];
  const nnz = indptr[rows];
  const indices = new Int32Array(nnz), data = new Float64Array(nnz);
  const fill = indptr.slice(0, rows);
  let off = 0;
  for (const b of blocks) {
    if (b.kind === 'sparse') {
      const m = b.matrix;
      for (let i = 0; i < rows; i++)
        for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) {
          indices[fill[i]] = off + m.indices[p];
          data[fill[i]++] = m.data[p];
        }
    } else {
      for (let j = 0; j < b.columns.length; j++) {
        const c = b.columns[j];
        for (let i = 0; i < rows; i++) if (c[i] !== 0) { indices[fill[i]] = off + j; data[fill[i]++] = c[i]; }
      }
    }
    off += b.names.length;
  }
  return { kind: 'csr', rows, cols, indptr, indices, data };
}
