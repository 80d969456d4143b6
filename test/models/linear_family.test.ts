import { describe, expect, it } from 'vitest';
import { type DenseMatrix, type FitInput, type Matrix, type ModelKernel, type Params, type SparseMatrix, KernelError } from '../../src/runtime/models/contract.ts';
import { kernel as linear } from '../../src/runtime/models/linear.ts';
import { kernel as ridge } from '../../src/runtime/models/ridge.ts';
import { kernel as lasso } from '../../src/runtime/models/lasso.ts';
import { kernel as elasticNet } from '../../src/runtime/models/elastic_net.ts';
import { kernel as logistic } from '../../src/runtime/models/logistic.ts';
import { kernel as gaussianNb } from '../../src/runtime/models/gaussian_nb.ts';
import { kernel as multinomialNb } from '../../src/runtime/models/multinomial_nb.ts';
import { kernel as knn } from '../../src/runtime/models/knn.ts';
import { lbfgs } from '../../src/runtime/models/lbfgs.ts';

const dense = (rows: number[][]): DenseMatrix => ({ kind: 'dense', rows: rows.length, cols: rows[0].length, data: Float64Array.from(rows.flat()) });
const csr = (rows: number[][]): SparseMatrix => {
  const indptr = [0], indices: number[] = [], data: number[] = [];
  for (const row of rows) {
    row.forEach((v, j) => { if (v !== 0) { indices.push(j); data.push(v); } });
    indptr.push(indices.length);
  }
  return { kind: 'csr', rows: rows.length, cols: rows[0].length, indptr: Int32Array.from(indptr), indices: Int32Array.from(indices), data: Float64Array.from(data) };
};
const regression = (X: Matrix, y: number[]): FitInput => ({ X, y: Float64Array.from(y), task: 'regression', classes: 0, seed: 1 });
const classification = (X: Matrix, y: number[], classes: number): FitInput => ({ X, y: Float64Array.from(y), task: 'classification', classes, seed: 1 });
const fitted = <S>(k: ModelKernel<S>, input: FitInput, params: Params) => k.fit(input, params) as S;

const P = {
  linear: { fit_intercept: true },
  ridge: { alpha: 1.0, fit_intercept: true },
  lasso: { alpha: 1.0, iterations: 1000, tol: 1e-4, fit_intercept: true },
  elasticNet: { alpha: 1.0, l1_ratio: 0.5, iterations: 1000, tol: 1e-4, fit_intercept: true },
  logistic: { C: 1.0, penalty: 'l2', iterations: 100, tol: 1e-4, fit_intercept: true, class_weight: 'none' },
  gaussianNb: { var_smoothing: 1e-9 },
  multinomialNb: { alpha: 1.0, fit_prior: true },
  knn: { k: 3, weights: 'uniform', metric: 'euclidean' },
};

/** Gradient of C·Σ log(1 + exp(−yᵢ(w·xᵢ + b))) + ½||w||² (binary, labels 0/1). */
function binaryLogisticGradient(X: number[][], y: number[], w: number[], b: number, C: number): number[] {
  const g = [...w, 0];
  X.forEach((row, i) => {
    const s = y[i] === 1 ? 1 : -1;
    const z = row.reduce((acc, v, j) => acc + v * w[j], b);
    const r = -s * C / (1 + Math.exp(s * z));
    row.forEach((v, j) => { g[j] += r * v; });
    g[row.length] += r;
  });
  return g;
}

describe('linear (OLS)', () => {
  it('fits a noiseless line exactly', () => {
    const s = fitted(linear, regression(dense([[0], [1], [2], [3]]), [3, 5, 7, 9]), P.linear);
    expect(s.coef[0]).toBeCloseTo(2, 12);
    expect(s.intercept[0]).toBeCloseTo(3, 12);
    expect(Array.from(linear.predict(s, dense([[10]])))).toEqual([expect.closeTo(23, 10)]);
  });

  it('handles a constant column and duplicate columns like the minimum-norm solution', () => {
    const X = dense([[1, 5, 1], [2, 5, 2], [3, 5, 3], [4, 5, 4]]);
    const s = fitted(linear, regression(X, [1, 3, 5, 7]), P.linear);
    expect(s.coef[1]).toBeCloseTo(0, 10);
    expect(s.coef[0]).toBeCloseTo(1, 8);
    expect(s.coef[2]).toBeCloseTo(1, 8);
    expect(Array.from(linear.predict(s, dense([[5, 5, 5]])))[0]).toBeCloseTo(9, 8);
  });

  it('fits more features than rows (minimum norm, exact on the training rows)', () => {
    const X = dense([[1, 2, 3, 4], [0, 1, 0, 1]]);
    const s = fitted(linear, regression(X, [1, 2]), P.linear);
    const pred = linear.predict(s, X);
    expect(pred[0]).toBeCloseTo(1, 8);
    expect(pred[1]).toBeCloseTo(2, 8);
  });

  it('rejects classification', () => {
    expect(() => linear.fit(classification(dense([[0], [1]]), [0, 1], 2), P.linear)).toThrow(/regression model/);
  });
});

describe('ridge', () => {
  const rows = [[1, 2], [2, 1], [3, 5], [4, 3], [5, 6]], y = [1, 2, 4, 3, 7];
  it('matches the closed form on centered data', () => {
    const alpha = 2;
    const n = rows.length, mx = [0, 1].map((j) => rows.reduce((s, r) => s + r[j], 0) / n), my = y.reduce((a, b) => a + b) / n;
    const Xc = rows.map((r) => [r[0] - mx[0], r[1] - mx[1]]), yc = y.map((v) => v - my);
    const a = Xc.reduce((s, r) => s + r[0] * r[0], alpha), b = Xc.reduce((s, r) => s + r[0] * r[1], 0), d = Xc.reduce((s, r) => s + r[1] * r[1], alpha);
    const r0 = Xc.reduce((s, r, i) => s + r[0] * yc[i], 0), r1 = Xc.reduce((s, r, i) => s + r[1] * yc[i], 0);
    const det = a * d - b * b, w = [(d * r0 - b * r1) / det, (a * r1 - b * r0) / det];
    const s = fitted(ridge, regression(dense(rows), y), { alpha, fit_intercept: true });
    expect(s.coef[0]).toBeCloseTo(w[0], 12);
    expect(s.coef[1]).toBeCloseTo(w[1], 12);
    expect(s.intercept[0]).toBeCloseTo(my - mx[0] * w[0] - mx[1] * w[1], 12);
    const sparse = fitted(ridge, regression(csr(rows), y), { alpha, fit_intercept: true });
    expect(sparse.coef[0]).toBeCloseTo(w[0], 8);
    expect(sparse.coef[1]).toBeCloseTo(w[1], 8);
    expect(sparse.intercept[0]).toBeCloseTo(s.intercept[0], 8);
  });

  it('uses the dual form when features outnumber rows, with the same answer', () => {
    const X = [[1, 0, 2, 1], [0, 1, 1, 3], [2, 2, 0, 1]], t = [1, 0, 2];
    const s = fitted(ridge, regression(dense(X), t), P.ridge);
    const viaSparse = fitted(ridge, regression(csr(X), t), P.ridge);
    for (let j = 0; j < 4; j++) expect(s.coef[j]).toBeCloseTo(viaSparse.coef[j], 8);
  });

  it('classifies with ±1 targets (binary and multiclass)', () => {
    const X = dense([[0], [1], [2], [10], [11], [12], [20], [21], [22]]);
    const two = fitted(ridge, classification(dense([[0], [1], [10], [11]]), [0, 0, 1, 1], 2), P.ridge);
    expect(Array.from(ridge.predict(two, dense([[-1], [12]])))).toEqual([0, 1]);
    const three = fitted(ridge, classification(X, [0, 0, 0, 1, 1, 1, 2, 2, 2], 3), { alpha: 0.01, fit_intercept: true });
    expect(three.targets).toBe(3);
    expect(Array.from(ridge.predict(three, dense([[1], [21]])))).toEqual([0, 2]);
  });
});

describe('lasso and elastic net', () => {
  const rows = [[1, 0.5, 0], [2, 0.1, 1], [3, 0.7, 0], [4, 0.2, 1], [5, 0.9, 0], [6, 0.3, 1]];
  const y = [1.1, 2.3, 2.9, 4.2, 5.1, 5.8];
  /** KKT conditions of (1/2n)||y − Xw − b||² + α·ρ||w||₁ + ½α(1−ρ)||w||². */
  const expectKkt = (coef: number[], intercept: number, alpha: number, rho: number) => {
    const n = rows.length;
    const r = rows.map((row, i) => y[i] - intercept - row.reduce((s, v, j) => s + v * coef[j], 0));
    coef.forEach((w, j) => {
      const g = rows.reduce((s, row, i) => s + row[j] * r[i], 0) / n - alpha * (1 - rho) * w;
      if (w !== 0) expect(g).toBeCloseTo(alpha * rho * Math.sign(w), 4);
      else expect(Math.abs(g)).toBeLessThanOrEqual(alpha * rho + 1e-6);
    });
    expect(r.reduce((a, b) => a + b)).toBeCloseTo(0, 8);
  };
  it('lasso satisfies the optimality conditions and zeroes weak features', () => {
    const s = fitted(lasso, regression(dense(rows), y), { ...P.lasso, alpha: 0.1, tol: 1e-10 });
    expectKkt(s.coef, s.intercept[0], 0.1, 1);
    expect(s.coef[0]).toBeGreaterThan(0.8);
    const big = fitted(lasso, regression(dense(rows), y), P.lasso);
    expect(big.coef.filter((w) => w !== 0).length).toBeLessThan(3);
  });
  it('elastic net satisfies the optimality conditions', () => {
    const s = fitted(elasticNet, regression(dense(rows), y), { ...P.elasticNet, alpha: 0.2, tol: 1e-10 });
    expectKkt(s.coef, s.intercept[0], 0.2, 0.5);
  });
  it('gives the same coefficients on CSR input (kept sparse, centered implicitly)', () => {
    const withConstant = rows.map((r) => [...r, 2]);
    for (const [k, params] of [[lasso, { ...P.lasso, alpha: 0.05, tol: 1e-12 }], [elasticNet, { ...P.elasticNet, alpha: 0.05, tol: 1e-12 }]] as const) {
      const d = fitted(k as ModelKernel<any>, regression(dense(withConstant), y), params);
      const s = fitted(k as ModelKernel<any>, regression(csr(withConstant), y), params);
      for (let j = 0; j < 4; j++) expect(s.coef[j]).toBeCloseTo(d.coef[j], 9);
      expect(s.intercept[0]).toBeCloseTo(d.intercept[0], 9);
    }
  });
  it('works with more features than rows and a constant column', () => {
    const X = dense([[1, 7, 2, 0, 5], [2, 7, 0, 1, 3], [3, 7, 1, 1, 0]]);
    const s = fitted(elasticNet, regression(X, [1, 2, 3]), { ...P.elasticNet, alpha: 0.01 });
    expect(s.coef[1]).toBe(0);
    expect(Array.from(elasticNet.predict(s, X)).every(Number.isFinite)).toBe(true);
    const l = fitted(lasso, regression(X, [1, 2, 3]), { ...P.lasso, alpha: 0.01 });
    expect(lasso.predict(l, X)[2]).toBeCloseTo(3, 1);
  });
});

describe('logistic', () => {
  const nonSeparable = { X: [[0], [1], [2], [3], [1.5], [2.5]], y: [0, 0, 1, 1, 1, 0] };
  const separable = { X: [[0, 1], [1, 0], [3, 4], [4, 3]], y: [0, 0, 1, 1] };
  for (const [name, data] of Object.entries({ nonSeparable, separable })) {
    it(`has a zero gradient at the solution (${name})`, () => {
      const s = fitted(logistic, classification(dense(data.X), data.y, 2), { ...P.logistic, tol: 1e-8 });
      const g = binaryLogisticGradient(data.X, data.y, s.coef, s.intercept[0], 1);
      for (const v of g) expect(Math.abs(v)).toBeLessThan(1e-6);
      const proba = logistic.predictProba!(s, dense(data.X));
      for (let i = 0; i < data.y.length; i++) expect(proba[2 * i] + proba[2 * i + 1]).toBeCloseTo(1, 12);
    });
  }
  it('fits multinomial softmax with probabilities that sum to one and a sparse copy that agrees', () => {
    const rows = [[0, 0], [0, 1], [5, 5], [5, 6], [10, 0], [11, 1], [1, 0.5], [6, 5]];
    const y = [0, 0, 1, 1, 2, 2, 0, 1];
    const s = fitted(logistic, classification(dense(rows), y, 3), P.logistic);
    expect(Array.from(logistic.predict(s, dense(rows)))).toEqual(y);
    const sp = fitted(logistic, classification(csr(rows), y, 3), P.logistic);
    for (let j = 0; j < s.coef.length; j++) expect(sp.coef[j]).toBeCloseTo(s.coef[j], 6);
  });
  it('handles a class missing from the training rows and a single class', () => {
    const s = fitted(logistic, classification(dense([[0], [1], [4], [5]]), [0, 0, 2, 2], 3), P.logistic);
    expect(Array.from(logistic.predict(s, dense([[0], [5]])))).toEqual([0, 2]);
    const proba = logistic.predictProba!(s, dense([[0]]));
    expect(proba[1]).toBe(0);
    const one = fitted(logistic, classification(dense([[0], [1]]), [1, 1], 2), P.logistic);
    expect(Array.from(logistic.predict(one, dense([[7]])))).toEqual([1]);
  });
  it('balanced class weights move the boundary toward the majority class', () => {
    const X = dense([[0], [0.5], [1], [1.5], [2], [2.5], [3], [3.2]]), y = [0, 0, 0, 0, 0, 0, 1, 1];
    const plain = fitted(logistic, classification(X, y, 2), P.logistic);
    const balanced = fitted(logistic, classification(X, y, 2), { ...P.logistic, class_weight: 'balanced' });
    const boundary = (s: typeof plain) => -s.intercept[0] / s.coef[0];
    expect(boundary(balanced)).toBeLessThan(boundary(plain));
  });
  it('l1 penalty (OWL-QN) meets the optimality conditions and zeroes a useless feature', () => {
    const X = [[0, 0.3], [1, -0.2], [2, 0.1], [3, 0.4], [1.5, -0.1], [2.5, 0.2], [0.5, 0.0], [3.5, -0.3]], y = [0, 0, 1, 1, 1, 0, 0, 1];
    const s = fitted(logistic, classification(dense(X), y, 2), { ...P.logistic, penalty: 'l1', C: 2, tol: 1e-9, iterations: 1000 });
    const g = binaryLogisticGradient(X, y, s.coef, s.intercept[0], 2).map((v, j) => (j < 2 ? v - s.coef[j] : v)); // drop the L2 part
    expect(s.coef[1]).toBe(0);
    expect(Math.abs(g[1])).toBeLessThanOrEqual(1);
    expect(g[0] + Math.sign(s.coef[0])).toBeCloseTo(0, 6);
    expect(g[2]).toBeCloseTo(0, 6);
  });
  it('rejects unsupported penalties', () => {
    expect(() => logistic.fit(classification(dense([[0], [1]]), [0, 1], 2), { ...P.logistic, penalty: 'elasticnet' })).toThrow(/not supported/);
  });
});

describe('lbfgs', () => {
  it('minimizes the Rosenbrock function', () => {
    const r = lbfgs((x, g) => {
      g[0] = -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2);
      g[1] = 200 * (x[1] - x[0] ** 2);
      return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2;
    }, Float64Array.from([-1.2, 1]), { maxIterations: 200, gtol: 1e-8, ftol: 0 });
    expect(r.x[0]).toBeCloseTo(1, 6);
    expect(r.x[1]).toBeCloseTo(1, 6);
  });
});

describe('gaussian_nb', () => {
  it('gives the hand-computed log-probabilities', () => {
    const x = [1, 2, 3, 6, 8], y = [0, 0, 0, 1, 1];
    const s = fitted(gaussianNb, classification(dense(x.map((v) => [v])), y, 2), P.gaussianNb);
    const mean = x.reduce((a, b) => a + b) / 5, eps = 1e-9 * x.reduce((a, v) => a + (v - mean) ** 2, 0) / 5;
    const logPdf = (v: number, m: number, variance: number) => -0.5 * Math.log(2 * Math.PI * variance) - (v - m) ** 2 / (2 * variance);
    const q = 4;
    const j0 = Math.log(3 / 5) + logPdf(q, 2, 2 / 3 + eps), j1 = Math.log(2 / 5) + logPdf(q, 7, 1 + eps);
    const p1 = 1 / (1 + Math.exp(j0 - j1));
    const proba = gaussianNb.predictProba!(s, dense([[q]]));
    expect(proba[1]).toBeCloseTo(p1, 12);
    expect(proba[0]).toBeCloseTo(1 - p1, 12);
  });
  it('survives a constant column, an all-constant matrix and a class without rows', () => {
    const s = fitted(gaussianNb, classification(dense([[1, 5], [2, 5], [8, 5], [9, 5]]), [0, 0, 2, 2], 3), P.gaussianNb);
    expect(Array.from(gaussianNb.predict(s, dense([[1.5, 5], [8.5, 5]])))).toEqual([0, 2]);
    const proba = gaussianNb.predictProba!(s, dense([[1.5, 5]]));
    expect(proba[1]).toBe(0);
    expect(Array.from(proba).every(Number.isFinite)).toBe(true);
    const flat = fitted(gaussianNb, classification(dense([[3], [3], [3]]), [0, 1, 1], 2), P.gaussianNb);
    expect(Array.from(gaussianNb.predict(flat, dense([[3]])))).toEqual([1]);
  });
});

describe('multinomial_nb', () => {
  const rows = [[2, 0, 1], [1, 0, 0], [0, 3, 1], [0, 1, 0]], y = [0, 0, 1, 1];
  it('gives the hand-computed probabilities on sparse and dense input', () => {
    const s = fitted(multinomialNb, classification(csr(rows), y, 2), P.multinomialNb);
    // class 0 counts [3, 0, 1] + 1 → [4, 1, 2] / 7; class 1 counts [0, 4, 1] + 1 → [1, 5, 2] / 8
    const q = [1, 1, 0];
    const j0 = Math.log(0.5) + Math.log(4 / 7) + Math.log(1 / 7), j1 = Math.log(0.5) + Math.log(1 / 8) + Math.log(5 / 8);
    const expected = 1 / (1 + Math.exp(j0 - j1));
    expect(multinomialNb.predictProba!(s, csr([q]))[1]).toBeCloseTo(expected, 12);
    const d = fitted(multinomialNb, classification(dense(rows), y, 2), P.multinomialNb);
    expect(multinomialNb.predictProba!(d, dense([q]))[1]).toBeCloseTo(expected, 12);
  });
  it('rejects negative values', () => {
    expect(() => multinomialNb.fit(classification(dense([[1, -1], [0, 1]]), [0, 1], 2), P.multinomialNb)).toThrow(/negative value -1/);
  });
  it('gives a class without rows probability 0 and uses uniform priors without fit_prior', () => {
    const s = fitted(multinomialNb, classification(csr(rows), y, 3), P.multinomialNb);
    expect(JSON.parse(JSON.stringify(s)).classLogPrior[2]).toBeNull();
    expect(multinomialNb.predictProba!(s, csr([[1, 0, 0]]))[2]).toBe(0);
    const u = fitted(multinomialNb, classification(csr(rows), [0, 0, 0, 1], 2), { alpha: 1, fit_prior: false });
    expect(u.classLogPrior).toEqual([-Math.log(2), -Math.log(2)]);
  });
});

describe('knn', () => {
  const X = dense([[0, 0], [1, 0], [0, 1], [5, 5], [6, 5]]), y = [0, 0, 1, 1, 1];
  it('votes with uniform weights, ties to the smallest class', () => {
    const s = fitted(knn, classification(X, y, 2), P.knn);
    expect(Array.from(knn.predict(s, dense([[0.2, 0.2], [5, 4]])))).toEqual([0, 1]);
    expect(Array.from(knn.predictProba!(s, dense([[0.2, 0.2]])))).toEqual([2 / 3, 1 / 3]);
    const two = fitted(knn, classification(X, y, 2), { ...P.knn, k: 2 });
    expect(Array.from(knn.predict(two, dense([[0, 0.9]])))).toEqual([0]); // neighbours (0,1) class 1 and (0,0) class 0
  });
  it('weights by inverse distance, exact matches take all the weight', () => {
    const s = fitted(knn, classification(X, y, 2), { ...P.knn, weights: 'distance' });
    const q = [0.1, 0.8];
    const d = [[0, 0], [1, 0], [0, 1]].map(([a, b]) => Math.hypot(q[0] - a, q[1] - b));
    const w0 = 1 / d[0] + 1 / d[1], w1 = 1 / d[2];
    expect(knn.predictProba!(s, dense([q]))[1]).toBeCloseTo(w1 / (w0 + w1), 12);
    expect(Array.from(knn.predictProba!(s, dense([[0, 1]])))).toEqual([0, 1]);
  });
  it('regresses by mean and weighted mean; manhattan metric', () => {
    const t = [1, 2, 3, 10, 20];
    const s = fitted(knn, regression(X, t), { ...P.knn, k: 2, metric: 'manhattan' });
    expect(knn.predict(s, dense([[5.4, 5]]))[0]).toBeCloseTo(15, 12);
    const w = fitted(knn, regression(X, t), { k: 2, weights: 'distance', metric: 'manhattan' });
    expect(knn.predict(w, dense([[5.25, 5]]))[0]).toBeCloseTo((10 / 0.25 + 20 / 0.75) / (1 / 0.25 + 1 / 0.75), 12);
  });
  it('rejects k larger than the training rows', () => {
    expect(() => knn.fit(classification(X, y, 2), { ...P.knn, k: 6 })).toThrow(/k = 6 is more than the 5 training rows/);
  });
});

describe('every kernel', () => {
  const rows = [[0, 1, 3], [1, 1, 2], [2, 1, 2], [2, 1, 2], [5, 1, 0], [6, 1, 1], [7, 1, 0]];
  const labels = [0, 0, 0, 0, 1, 1, 1], values = [0.5, 1.4, 2.6, 2.6, 5.1, 6.2, 6.8];
  const cases: [string, ModelKernel<any>, FitInput, Params][] = [
    ['linear', linear, regression(dense(rows), values), P.linear],
    ['ridge', ridge, regression(dense(rows), values), P.ridge],
    ['ridge classifier', ridge, classification(dense(rows), labels, 2), P.ridge],
    ['lasso', lasso, regression(dense(rows), values), { ...P.lasso, alpha: 0.1 }],
    ['elastic_net', elasticNet, regression(dense(rows), values), { ...P.elasticNet, alpha: 0.1 }],
    ['logistic', logistic, classification(dense(rows), labels, 2), P.logistic],
    ['gaussian_nb', gaussianNb, classification(dense(rows), labels, 2), P.gaussianNb],
    ['multinomial_nb', multinomialNb, classification(csr(rows), labels, 2), P.multinomialNb],
    ['knn', knn, classification(dense(rows), labels, 2), P.knn],
  ];
  for (const [name, k, input, params] of cases) {
    it(`${name}: fits a constant column and duplicate rows, and predicts the same after a JSON round trip`, () => {
      const state = k.fit(input, params);
      const loaded = JSON.parse(JSON.stringify(state));
      const query = input.X.kind === 'csr' ? csr([[3, 1, 1], [0, 1, 3]]) : dense([[3, 1, 1], [0, 1, 3]]);
      const pred = k.predict(state, query);
      expect(Array.from(pred).every(Number.isFinite)).toBe(true);
      expect(Array.from(k.predict(loaded, query))).toEqual(Array.from(pred));
      if (k.predictProba && input.task === 'classification') expect(Array.from(k.predictProba(loaded, query))).toEqual(Array.from(k.predictProba(state, query)));
      if (input.task === 'classification') expect(Array.from(k.predict(state, input.X.kind === 'csr' ? csr([[0, 1, 3], [7, 1, 0]]) : dense([[0, 1, 3], [7, 1, 0]])))).toEqual([0, 1]);
    });
    it(`${name}: NaN in the training matrix is a KernelError naming the row`, () => {
      const bad = rows.map((r) => [...r]);
      bad[2][0] = NaN;
      const X = input.X.kind === 'csr' ? csr(bad) : dense(bad);
      const run = () => k.fit({ ...input, X }, params);
      expect(run).toThrow(KernelError);
      expect(run).toThrow(input.X.kind === 'csr' ? /contains NaN/ : /contains NaN at row 2/);
    });
    it(`${name}: rejects empty data and a wrong column count at predict`, () => {
      expect(() => k.fit({ ...input, X: { kind: 'dense', rows: 0, cols: 3, data: new Float64Array(0) }, y: new Float64Array(0) }, params)).toThrow(/no rows/);
      const state = k.fit(input, params);
      expect(() => k.predict(state, dense([[1, 2]]))).toThrow(/fitted on 3 features but given 2/);
    });
  }
  it('classifiers accept a training set with only one class', () => {
    const X = dense([[0, 1], [1, 2], [2, 2]]), y = [1, 1, 1];
    for (const [k, params] of [[logistic, P.logistic], [gaussianNb, P.gaussianNb], [multinomialNb, P.multinomialNb], [knn, P.knn], [ridge, P.ridge]] as const) {
      const s = (k as ModelKernel<any>).fit(classification(X, y, 2), params);
      expect(Array.from((k as ModelKernel<any>).predict(s, dense([[5, 5]])))).toEqual([1]);
    }
  });
  it('dense-only kernels refuse to densify a huge sparse matrix', () => {
    const X: SparseMatrix = { kind: 'csr', rows: 10_000, cols: 10_000, indptr: new Int32Array(10_001), indices: new Int32Array(0), data: new Float64Array(0) };
    const y = new Array<number>(10_000).fill(0);
    expect(() => knn.fit(classification(X, y, 2), P.knn)).toThrow(/too large to densify/);
    expect(() => gaussianNb.fit(classification(X, y, 2), P.gaussianNb)).toThrow(/too large to densify/);
  });
  it('ridge, lasso and logistic work with more features than rows', () => {
    const X = dense([[1, 0, 2, 5, 1, 0], [0, 1, 1, 2, 0, 3], [4, 2, 0, 1, 1, 1]]);
    expect(ridge.predict(fitted(ridge, regression(X, [1, 2, 3]), P.ridge), X).every(Number.isFinite)).toBe(true);
    expect(lasso.predict(fitted(lasso, regression(X, [1, 2, 3]), { ...P.lasso, alpha: 0.01 }), X).every(Number.isFinite)).toBe(true);
    expect(Array.from(logistic.predict(fitted(logistic, classification(X, [0, 1, 1], 2), P.logistic), X))).toEqual([0, 1, 1]);
  });
});
