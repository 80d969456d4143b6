/** Feature selection on the assembled matrix: k best by F statistic, or a variance threshold. */
import { toDense, type Matrix } from '../runtime/models/contract.ts';
import type { SelectIR } from '../semantics/ir.ts';

export interface SelectorState {
  name: string;
  /** indices of the kept columns */
  keep: number[];
}

function columnStats(X: Matrix): { mean: Float64Array; variance: Float64Array } {
  const d = toDense(X);
  const mean = new Float64Array(d.cols), sq = new Float64Array(d.cols);
  for (let i = 0; i < d.rows; i++) for (let j = 0; j < d.cols; j++) { const v = d.data[i * d.cols + j]; mean[j] += v; sq[j] += v * v; }
  const variance = new Float64Array(d.cols);
  for (let j = 0; j < d.cols; j++) { mean[j] /= d.rows || 1; variance[j] = sq[j] / (d.rows || 1) - mean[j] * mean[j]; }
  return { mean, variance };
}

/** F statistic per column: ANOVA between classes (classification) or from the correlation with y (regression). */
function fScores(X: Matrix, y: Float64Array, task: 'classification' | 'regression'): Float64Array {
  const d = toDense(X);
  const n = d.rows, p = d.cols;
  const scores = new Float64Array(p);
  const { mean, variance } = columnStats(d);
  if (task === 'regression') {
    let ym = 0; for (let i = 0; i < n; i++) ym += y[i]; ym /= n;
    let yv = 0; for (let i = 0; i < n; i++) yv += (y[i] - ym) ** 2;
    for (let j = 0; j < p; j++) {
      let cov = 0; for (let i = 0; i < n; i++) cov += (d.data[i * p + j] - mean[j]) * (y[i] - ym);
      const r = cov / Math.sqrt(variance[j] * n * yv) || 0;
      scores[j] = (r * r) / Math.max(1e-300, 1 - r * r) * (n - 2);
    }
    return scores;
  }
  const classes = y.reduce((m, v) => Math.max(m, v), 0) + 1;
  for (let j = 0; j < p; j++) {
    const sum = new Float64Array(classes), count = new Float64Array(classes);
    for (let i = 0; i < n; i++) { sum[y[i]] += d.data[i * p + j]; count[y[i]]++; }
    let between = 0, within = 0;
    for (let c = 0; c < classes; c++) if (count[c]) between += count[c] * (sum[c] / count[c] - mean[j]) ** 2;
    for (let i = 0; i < n; i++) within += (d.data[i * p + j] - sum[y[i]] / count[y[i]]) ** 2;
    const k = count.filter((c) => c > 0).length;
    scores[j] = within > 0 ? (between / Math.max(1, k - 1)) / (within / Math.max(1, n - k)) : between > 0 ? Infinity : 0;
  }
  return scores;
}

export function fitSelector(s: SelectIR, X: Matrix, y: Float64Array, task: 'classification' | 'regression'): SelectorState {
  if (s.name === 'variance') {
    const { variance } = columnStats(X);
    const threshold = (s.params.threshold as number | undefined) ?? 0;
    return { name: s.name, keep: Array.from(variance.keys()).filter((j) => variance[j] > threshold) };
  }
  const k = Math.min(s.params.k as number, X.cols);
  const scores = fScores(X, y, task);
  const order = Array.from(scores.keys()).sort((a, b) => (scores[b] || 0) - (scores[a] || 0) || a - b);
  return { name: s.name, keep: order.slice(0, k).sort((a, b) => a - b) };
}

export function applySelector(st: SelectorState, X: Matrix, names: string[]): { matrix: Matrix; names: string[] } {
  const d = toDense(X);
  const cols = st.keep.length;
  const data = new Float64Array(d.rows * cols);
  for (let i = 0; i < d.rows; i++) for (let j = 0; j < cols; j++) data[i * cols + j] = d.data[i * d.cols + st.keep[j]];
  return { matrix: { kind: 'dense', rows: d.rows, cols, data }, names: st.keep.map((j) => names[j]) };
}
