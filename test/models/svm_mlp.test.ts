import { beforeAll, describe, expect, it } from 'vitest';
import { kernel as svm, type SvmState } from '../../src/runtime/models/svm.ts';
import { kernel as mlp } from '../../src/runtime/models/mlp_net.ts';
import { KernelError, type DenseMatrix, type FitInput } from '../../src/runtime/models/contract.ts';
import { rng } from '../../src/runtime/random.ts';
import { foldDecisionValues, multiclassProbability, pairwiseProbabilities, sigmoidPredict, sigmoidTrain } from '../../src/runtime/models/platt.ts';
import { createRequire } from 'node:module';

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

/** Three noisy clusters (overlapping, so probabilities are not all 0/1). */
function three(n: number, seed: number): { X: DenseMatrix; y: number[] } {
  const r = rng(seed), rows: number[][] = [], y: number[] = [];
  const centre = [[0, 0], [2, 0], [1, 1.7]];
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    rows.push([centre[c][0] + (r() - 0.5) * 3, centre[c][1] + (r() - 0.5) * 3]);
    y.push(c);
  }
  return { X: dense(rows), y };
}

const rowSums = (P: Float64Array, k: number) => Array.from({ length: P.length / k }, (_, i) => P.slice(i * k, i * k + k).reduce((a, b) => a + b, 0));

describe('svm probabilities (seeded Platt scaling, platt.ts)', () => {
  beforeAll(async () => { await svm.init!(); });

  it('same seed gives byte-identical probabilities; another seed changes the folds, not the predictions', () => {
    const tr = three(150, 21), te = three(90, 22);
    const params = { kernel: 'rbf', C: 1, probability: true };
    const a = svm.fit(cls(tr.X, tr.y, 3, 7), params), b = svm.fit(cls(tr.X, tr.y, 3, 7), params), c = svm.fit(cls(tr.X, tr.y, 3, 8), params);
    const Pa = svm.predictProba!(a, te.X), Pb = svm.predictProba!(b, te.X), Pc = svm.predictProba!(c, te.X);
    expect(Buffer.from(Pa.buffer).equals(Buffer.from(Pb.buffer))).toBe(true);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.probA).not.toEqual(c.probA);
    expect(Array.from(svm.predict(c, te.X))).toEqual(Array.from(svm.predict(a, te.X)));
    // the folds only move the sigmoid a little
    let diff = 0;
    for (let i = 0; i < Pa.length; i++) diff = Math.max(diff, Math.abs(Pa[i] - Pc[i]));
    expect(diff).toBeLessThan(0.2);
  });

  it('binary: P(class 1) is the pair sigmoid, rows sum to 1, larger decision value → larger probability', () => {
    const { X, y } = xor(160, 31);
    const s = svm.fit(cls(X, y), { kernel: 'rbf', C: 3, probability: true });
    expect(s.probA).toHaveLength(1);
    expect(s.probA![0]).toBeLessThan(0); // decision value > 0 means class 0 (libsvm's first label)
    const P = svm.predictProba!(s, X);
    for (const v of rowSums(P, 2)) expect(v).toBeCloseTo(1, 12);
    const pred = svm.predict(s, X);
    let agree = 0;
    for (let i = 0; i < y.length; i++) if ((P[i * 2 + 1] > 0.5 ? 1 : 0) === pred[i]) agree++;
    expect(agree / y.length).toBeGreaterThan(0.95);
  });

  it('3 classes: rows sum to 1, probabilities in (0, 1), argmax mostly the vote; JSON round trip keeps them', () => {
    const tr = three(180, 41), te = three(120, 42);
    const s = svm.fit(cls(tr.X, tr.y, 3), { kernel: 'rbf', probability: true });
    expect(s.probA).toHaveLength(3);
    expect(s.probB).toHaveLength(3);
    const P = svm.predictProba!(s, te.X);
    for (const v of rowSums(P, 3)) expect(v).toBeCloseTo(1, 6);
    for (const v of P) { expect(v).toBeGreaterThan(0); expect(v).toBeLessThan(1); }
    const pred = svm.predict(s, te.X);
    let agree = 0;
    for (let i = 0; i < te.y.length; i++) {
      const row = Array.from(P.slice(i * 3, i * 3 + 3));
      if (row.indexOf(Math.max(...row)) === pred[i]) agree++;
    }
    expect(agree / te.y.length).toBeGreaterThan(0.85);
    const back = roundTrip(s);
    expect(Array.from(svm.predictProba!(back, te.X))).toEqual(Array.from(P));
  });

  it('frees every cross-validation model (the WASM heap returns to the same state)', () => {
    const wasm = createRequire(import.meta.url)('libsvm-js/out/wasm/libsvm.js');
    const probe = () => { const p = wasm._malloc(64); wasm._free(p); return p; };
    const { X, y } = three(90, 51);
    svm.fit(cls(X, y, 3), { kernel: 'rbf', probability: true });
    const before = probe(), heap = wasm.HEAPU8.length;
    for (let i = 0; i < 5; i++) svm.fit(cls(X, y, 3, i), { kernel: 'rbf', probability: true });
    expect(probe()).toBe(before);
    expect(wasm.HEAPU8.length).toBe(heap);
  });
});

describe('platt.ts (libsvm sigmoid_train / multiclass_probability)', () => {
  it('sigmoidTrain recovers a known sigmoid; sigmoidPredict is stable for large |A·f+B|', () => {
    const r = rng(3), dec: number[] = [], pos: boolean[] = [];
    for (let i = 0; i < 4000; i++) {
      const f = r() * 8 - 4;
      dec.push(f);
      pos.push(r() < sigmoidPredict(f, -1.5, 0.3));
    }
    const { A, B } = sigmoidTrain(dec, pos);
    expect(A).toBeCloseTo(-1.5, 0);
    expect(B).toBeCloseTo(0.3, 0);
    expect(sigmoidPredict(1000, 1, 0)).toBe(0);
    expect(sigmoidPredict(-1000, 1, 0)).toBe(1);
    expect(sigmoidPredict(0, 1, 0)).toBe(0.5);
  });

  it('multiclassProbability returns p when the pairwise estimates are consistent with it', () => {
    const p = [0.5, 0.3, 0.15, 0.05], k = 4, r = new Float64Array(k * k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) if (i !== j) r[i * k + j] = p[i] / (p[i] + p[j]);
    const out = new Float64Array(k);
    multiclassProbability(k, r, out);
    for (let i = 0; i < k; i++) expect(out[i]).toBeCloseTo(p[i], 2); // stops at max error < 0.005/k, as libsvm
    expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // two classes use the clipped sigmoid directly
    const two = new Float64Array(2);
    pairwiseProbabilities(2, [50], [-1], [0], two);
    expect(two[0]).toBe(1 - 1e-7);
    expect(two[1]).toBeCloseTo(1e-7, 15);
  });

  it('foldDecisionValues: 5 disjoint folds covering every row once, seeded; one-class folds get ±1', () => {
    const l = 23, positive = Array.from({ length: l }, (_, i) => i % 2 === 0);
    const folds = (seed: number) => {
      const seen: number[][] = [];
      const dec = foldDecisionValues(positive, seed, (train, test) => {
        seen.push(Array.from(test));
        expect(train.length + test.length).toBe(l);
        expect(new Set([...train, ...test]).size).toBe(l);
        return Array.from(test, (i) => i + 0.5);
      });
      return { seen, dec };
    };
    const a = folds(1), b = folds(1), c = folds(2);
    expect(a.seen.map((f) => f.length)).toEqual([4, 5, 4, 5, 5]); // ⌊f·23/5⌋ boundaries, as in libsvm
    expect(a.seen.flat().sort((x, y) => x - y)).toEqual(Array.from({ length: l }, (_, i) => i));
    expect(Array.from(a.dec)).toEqual(Array.from({ length: l }, (_, i) => i + 0.5));
    expect(b.seen).toEqual(a.seen);
    expect(c.seen).not.toEqual(a.seen);
    // one positive in 5 rows: the fold holding it trains on negatives only → −1, without a fit
    const onePos = [true, false, false, false, false];
    let fits = 0;
    const dec = foldDecisionValues(onePos, 1, (_, test) => { fits++; return Array.from(test, () => 0.25); });
    expect(fits).toBe(4);
    expect(dec[0]).toBe(-1);
    expect(Array.from(dec.subarray(1))).toEqual([0.25, 0.25, 0.25, 0.25]);
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
