import { beforeAll, describe, expect, it } from 'vitest';
import { kernel as svm, type SvmState } from '../../src/runtime/models/svm.ts';
import { kernel as mlp } from '../../src/runtime/models/mlp_net.ts';
import { KernelError, type DenseMatrix, type FitInput } from '../../src/runtime/models/contract.ts';
import { rng } from '../../src/runtime/random.ts';

const dense = (rows: number[][]): DenseMatrix => ({ kind: 'dense', rows: rows.length, cols: rows[0].length, data: Float64Array.from(rows.flat()) });
const cls = (X: DenseMatrix, y: number[], classes = 2, seed = 1): FitInput => ({ X, y: Float64Array.from(y), task: 'classification', classes, seed });
const reg = (X: DenseMatrix, y: number[], seed = 1): FitInput => ({ X, y: Float64Array.from(y), task: 'regression', classes: 0, seed });
const roundTrip = <T>(s: T): T => JSON.parse(JSON.stringify(s));

/** Two Gaussian-ish clusters around (-2,-2) and (2,2). */
function clusters(n: number, seed: number, share1 = 0.5): { X: DenseMatrix; y: number[] } {
  const r = rng(seed), rows: number[][] = [], y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i < n * share1 ? 1 : 0, m = c ? 2 : -2;
    rows.push([m + (r() - 0.5) * 2, m + (r() - 0.5) * 2]);
    y.push(c);
  }
  return { X: dense(rows), y };
}

/** XOR: the sign of x·y on [-1, 1]². */
function xor(n: number, seed: number): { X: DenseMatrix; y: number[] } {
  const r = rng(seed), rows: number[][] = [], y: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = r() * 2 - 1, b = r() * 2 - 1;
    rows.push([a, b]);
    y.push(a * b > 0 ? 1 : 0);
  }
  return { X: dense(rows), y };
}

const accuracy = (p: Float64Array, y: number[]) => p.filter((v, i) => v === y[i]).length / y.length;

describe('svm (libsvm-js)', () => {
  beforeAll(async () => { await svm.init!(); });

  it('separates two clusters with a linear kernel, boundary between them', () => {
    const { X, y } = clusters(40, 3);
    const s = svm.fit(cls(X, y), { kernel: 'linear', C: 1, gamma: 'scale' });
    expect(Array.from(svm.predict(s, X))).toEqual(y);
    expect(Array.from(svm.predict(s, dense([[-0.5, -0.5], [0.5, 0.5], [-5, -5], [5, 5]])))).toEqual([0, 1, 0, 1]);
    expect(s.supportVectors).toBeGreaterThanOrEqual(2);
  });

  it('learns XOR with an RBF kernel', () => {
    const tr = xor(200, 1), te = xor(200, 2);
    const s = svm.fit(cls(tr.X, tr.y), { kernel: 'rbf', C: 10, gamma: 'scale' });
    expect(accuracy(svm.predict(s, te.X), te.y)).toBeGreaterThan(0.9);
  });

  it('fits a line with epsilon-SVR', () => {
    const xs = Array.from({ length: 50 }, (_, i) => i / 10);
    const s = svm.fit(reg(dense(xs.map((x) => [x])), xs.map((x) => 3 * x + 1)), { kernel: 'linear', C: 100, epsilon: 0.01 });
    const p = svm.predict(s, dense([[0.55], [2.25]]));
    expect(p[0]).toBeCloseTo(2.65, 1);
    expect(p[1]).toBeCloseTo(7.75, 1);
  });

  it("class_weight 'balanced' moves the boundary toward the majority class", () => {
    const r = rng(7), rows: number[][] = [], y: number[] = [];
    for (let i = 0; i < 200; i++) { const c = i < 20 ? 1 : 0; rows.push([(c ? 1 : -1) + (r() - 0.5) * 3]); y.push(c); }
    const X = dense(rows);
    const grid = dense(Array.from({ length: 81 }, (_, i) => [-2 + i * 0.05]));
    const ones = (s: SvmState) => svm.predict(s, grid).reduce((a, b) => a + b, 0);
    const plain = svm.fit(cls(X, y), { kernel: 'linear', C: 1 });
    const balanced = svm.fit(cls(X, y), { kernel: 'linear', C: 1, class_weight: 'balanced' });
    expect(ones(balanced)).toBeGreaterThan(ones(plain));
  });

  it('gives probabilities whose rows sum to 1 (3 classes, one absent from training)', () => {
    const { X, y } = clusters(60, 5);
    const s = svm.fit(cls(X, y, 3), { kernel: 'rbf', probability: true });
    const P = svm.predictProba!(s, X);
    expect(P.length).toBe(60 * 3);
    for (let i = 0; i < 60; i++) {
      expect(P[i * 3] + P[i * 3 + 1] + P[i * 3 + 2]).toBeCloseTo(1, 10);
      expect(P[i * 3 + 2]).toBe(0);
    }
    expect(() => svm.predictProba!(svm.fit(cls(X, y), {}), X)).toThrow(KernelError);
  });

  it('survives a JSON round trip with identical predictions and probabilities', () => {
    const tr = xor(150, 3), te = xor(100, 4);
    const s = svm.fit(cls(tr.X, tr.y), { kernel: 'rbf', C: 3, probability: true });
    const back = roundTrip(s);
    expect(Array.from(svm.predict(back, te.X))).toEqual(Array.from(svm.predict(s, te.X)));
    expect(Array.from(svm.predictProba!(back, te.X))).toEqual(Array.from(svm.predictProba!(s, te.X)));
  });

  it('rejects NaN input, a single class and a feature-count mismatch with KernelErrors', () => {
    const { X, y } = clusters(10, 1);
    const bad = dense([[0, 1], [NaN, 2], [1, 1]]);
    expect(() => svm.fit(cls(bad, [0, 1, 0]), {})).toThrow(KernelError);
    expect(() => svm.fit(cls(X, y.map(() => 1)), {})).toThrow(/single class/);
    const s = svm.fit(cls(X, y), {});
    expect(() => svm.predict(s, bad)).toThrow(KernelError);
    expect(() => svm.predict(s, dense([[1, 2, 3]]))).toThrow(KernelError);
  });
});

describe('mlp_net', () => {
  it('learns XOR (hidden [8], tanh)', () => {
    const tr = xor(400, 11), te = xor(200, 12);
    const s = mlp.fit(cls(tr.X, tr.y), { hidden: [8], activation: 'tanh', learning_rate: 0.01, iterations: 300 });
    expect(accuracy(mlp.predict(s, te.X), te.y)).toBeGreaterThan(0.9);
  });

  it('fits a smooth function (regression, two hidden layers)', () => {
    const r = rng(3), rows: number[][] = [], y: number[] = [];
    for (let i = 0; i < 400; i++) { const a = r() * 4 - 2; rows.push([a]); y.push(Math.sin(a)); }
    const s = mlp.fit(reg(dense(rows), y), { hidden: [32, 16], activation: 'tanh', learning_rate: 0.01, iterations: 300 });
    const p = mlp.predict(s, dense([[-1], [0], [1.2]]));
    expect(p[0]).toBeCloseTo(Math.sin(-1), 1);
    expect(p[1]).toBeCloseTo(0, 1);
    expect(p[2]).toBeCloseTo(Math.sin(1.2), 1);
  });

  it('is deterministic per seed and differs across seeds', () => {
    const { X, y } = xor(100, 5);
    const params = { hidden: [6], iterations: 20 };
    const a = mlp.fit(cls(X, y, 2, 42), params), b = mlp.fit(cls(X, y, 2, 42), params), c = mlp.fit(cls(X, y, 2, 43), params);
    expect(a.weights).toEqual(b.weights);
    expect(a.weights).not.toEqual(c.weights);
  });

  it('gives softmax probabilities and survives a JSON round trip', () => {
    const r = rng(9), rows: number[][] = [], y: number[] = [];
    for (let i = 0; i < 150; i++) { const c = i % 3; rows.push([c + r() * 0.5, -c + r() * 0.5]); y.push(c); }
    const X = dense(rows);
    const s = mlp.fit(cls(X, y, 3), { hidden: [10], iterations: 100, learning_rate: 0.01 });
    const back = roundTrip(s);
    expect(Array.from(mlp.predict(back, X))).toEqual(Array.from(mlp.predict(s, X)));
    const P = mlp.predictProba!(back, X);
    for (let i = 0; i < 150; i++) expect(P[i * 3] + P[i * 3 + 1] + P[i * 3 + 2]).toBeCloseTo(1, 12);
    expect(accuracy(mlp.predict(s, X), y)).toBeGreaterThan(0.95);
  });

  it('early stopping keeps the best validation weights and stops early', () => {
    const { X, y } = xor(300, 8);
    const s = mlp.fit(cls(X, y), { hidden: [16], early_stopping: true, iterations: 500, learning_rate: 0.01 });
    expect(s.epochs).toBeLessThan(500);
    expect(accuracy(mlp.predict(s, X), y)).toBeGreaterThan(0.75);
  });

  it('names the learning rate when the loss diverges; rejects NaN input and one class', () => {
    const xs = Array.from({ length: 50 }, (_, i) => [i * 1e3]);
    expect(() => mlp.fit(reg(dense(xs), xs.map(([x]) => x * 1e6)), { hidden: [4], learning_rate: 1e300, iterations: 50 })).toThrow(/learning_rate/);
    expect(() => mlp.fit(cls(dense([[0], [NaN]]), [0, 1]), {})).toThrow(KernelError);
    expect(() => mlp.fit(cls(dense([[0], [1]]), [1, 1]), {})).toThrow(/single class/);
  });
});
