/**
 * Quantile binning like scikit-learn's _BinMapper: per feature, bin edges are
 * the midpoints between distinct values when there are at most max_bins of
 * them, else the max_bins-quantiles (numpy's 'midpoint' percentiles).
 * Bin b holds the values x with edges[b - 1] < x <= edges[b].
 */

/** Bin edges per feature, fitted on the given rows of a row-major matrix. */
export function fitBinEdges(data: Float64Array, cols: number, rowIndices: Int32Array, maxBins: number): number[][] {
  const n = rowIndices.length;
  const values = new Float64Array(n);
  const edges: number[][] = [];
  for (let f = 0; f < cols; f++) {
    for (let p = 0; p < n; p++) values[p] = data[rowIndices[p] * cols + f];
    values.sort();
    const distinct: number[] = [];
    for (let p = 0; p < n && distinct.length <= maxBins; p++) if (p === 0 || values[p] !== values[p - 1]) distinct.push(values[p]);
    const featureEdges: number[] = [];
    if (distinct.length <= maxBins) {
      for (let b = 0; b + 1 < distinct.length; b++) featureEdges.push((distinct[b] + distinct[b + 1]) * 0.5);
    } else {
      for (let b = 1; b < maxBins; b++) {
        const at = (b / maxBins) * (n - 1);
        featureEdges.push((values[Math.floor(at)] + values[Math.ceil(at)]) * 0.5);
      }
    }
    edges.push(featureEdges);
  }
  return edges;
}

/** Bin index of x: the number of edges below it (binary search). */
function binOf(featureEdges: number[], x: number): number {
  let lo = 0, hi = featureEdges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (featureEdges[mid] < x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Column-major bin indices (cols × rowIndices.length) of the given rows. */
export function binRows(data: Float64Array, cols: number, rowIndices: Int32Array, edges: number[][]): Uint8Array {
  const n = rowIndices.length;
  const bins = new Uint8Array(n * cols);
  for (let f = 0; f < cols; f++) {
    const featureEdges = edges[f];
    for (let p = 0; p < n; p++) bins[f * n + p] = binOf(featureEdges, data[rowIndices[p] * cols + f]);
  }
  return bins;
}
