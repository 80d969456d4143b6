/**
 * Parity of the svm (libsvm-js) and mlp_net kernels with scikit-learn 1.2.1 on
 * the shared datasets (same split and standardization on both sides).
 * SVM: same libsvm solver, so scores and support-vector counts must match.
 * MLP: different random initialisation, so mean test scores over a few seeds
 * are compared (never weights). Diabetes is noisy at sklearn's defaults: with
 * raw targets (≈ 25–346) neither side converges in 200 epochs (R² ≈ −0.9, a
 * seed-to-seed spread of ≈ 0.09), so it gets a wider, explicit bound of 0.1.
 * SVC probabilities: both sides run libsvm's Platt scaling, but on different
 * 5-fold splits (ours seeded, sklearn's from C rand()), so they are close, not
 * equal (mean absolute difference ≈ 0.006–0.009 measured), and predictions
 * stay libsvm's vote on both sides.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { agreement, r2, sklearnCase, type ParityCase } from './harness.ts';
import { kernel as svm } from '../../src/runtime/models/svm.ts';
import { kernel as mlp } from '../../src/runtime/models/mlp_net.ts';
import type { FitInput } from '../../src/runtime/models/contract.ts';

const input = (c: ParityCase, seed: number): FitInput => ({ X: c.XTrain, y: c.yTrain, task: c.task, classes: c.classes.length, seed });
const score = (c: ParityCase, pred: ArrayLike<number>) => (c.task === 'regression' ? r2(c.yTest, pred) : agreement(pred, c.yTest));
/** Lets vitest's worker RPC run between long synchronous steps (avoids its onTaskUpdate timeout). */
const breathe = () => new Promise((r) => setImmediate(r));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('svm parity with sklearn.svm.SVC / SVR', () => {
  beforeAll(async () => { await svm.init!(); });
  const cases: [string, 'linear' | 'rbf'][] = [];
  for (const ds of ['iris', 'breast_cancer', 'digits', 'penguins']) for (const k of ['linear', 'rbf'] as const) cases.push([ds, k]);
  it.each(cases)('%s, %s kernel', async (ds, k) => {
    const c = sklearnCase(ds, 'standardize', `svm.SVC(kernel='${k}', C=1.0, gamma='scale')`);
    await breathe();
    const s = svm.fit(input(c, 0), { kernel: k, C: 1, gamma: 'scale' });
    const ours = score(c, svm.predict(s, c.XTest)), theirs = score(c, c.sklearn.pred);
    console.log(`svm ${ds} ${k}: ours ${ours.toFixed(4)} sklearn ${theirs.toFixed(4)} SVs ${s.supportVectors}/${c.sklearn.nSupport}`);
    expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(s.supportVectors - c.sklearn.nSupport!)).toBeLessThanOrEqual(0.02 * c.sklearn.nSupport!);
  }, 30_000);
  it.each(['iris', 'breast_cancer'])('%s, rbf kernel, probability=True (seeded Platt scaling)', async (ds) => {
    const c = sklearnCase(ds, 'standardize', `svm.SVC(kernel='rbf', probability=True, random_state=0)`);
    await breathe();
    const s = svm.fit(input(c, 0), { kernel: 'rbf', C: 1, gamma: 'scale', probability: true });
    const P = svm.predictProba!(s, c.XTest), Q = c.sklearn.proba!, k = c.classes.length, n = c.XTest.rows;
    expect(P.length).toBe(Q.length);
    let mad = 0;
    for (let i = 0; i < P.length; i++) mad += Math.abs(P[i] - Q[i]);
    mad /= P.length;
    const argmax = (M: ArrayLike<number>, i: number) => { let b = 0; for (let j = 1; j < k; j++) if (M[i * k + j] > M[i * k + b]) b = j; return b; };
    const ours = Array.from({ length: n }, (_, i) => argmax(P, i)), theirs = Array.from({ length: n }, (_, i) => argmax(Q, i));
    console.log(`svm proba ${ds}: mean |ours − sklearn| ${mad.toFixed(4)} argmax agreement ${agreement(ours, theirs).toFixed(3)}`);
    expect(mad).toBeLessThan(0.03);
    expect(agreement(ours, theirs)).toBeGreaterThanOrEqual(0.95);
    expect(agreement(svm.predict(s, c.XTest), c.sklearn.pred)).toBe(1);
  }, 30_000);
  it('diabetes, epsilon-SVR (rbf)', () => {
    const c = sklearnCase('diabetes', 'standardize', `svm.SVR(kernel='rbf', C=1.0, gamma='scale')`);
    const s = svm.fit(input(c, 0), { kernel: 'rbf', C: 1, gamma: 'scale', epsilon: 0.1 });
    const ours = score(c, svm.predict(s, c.XTest)), theirs = score(c, c.sklearn.pred);
    console.log(`svr diabetes rbf: ours R² ${ours.toFixed(4)} sklearn ${theirs.toFixed(4)} SVs ${s.supportVectors}/${c.sklearn.nSupport}`);
    expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(s.supportVectors - c.sklearn.nSupport!)).toBeLessThanOrEqual(0.02 * c.sklearn.nSupport!);
  }, 30_000);
});

describe('mlp_net parity with sklearn.neural_network MLPClassifier / MLPRegressor', () => {
  const cases: [string, number, number][] = [['iris', 3, 0.02], ['breast_cancer', 3, 0.02], ['digits', 1, 0.02], ['diabetes', 5, 0.1]];
  it.each(cases)('%s (mean of %i seeds, bound %f)', async (ds, seeds, bound) => {
    const est = ds === 'diabetes' ? 'MLPRegressor' : 'MLPClassifier';
    const ours: number[] = [], theirs: number[] = [];
    for (let seed = 0; seed < seeds; seed++) {
      const c = sklearnCase(ds, 'standardize', `neural_network.${est}(hidden_layer_sizes=(100,), max_iter=200, random_state=${seed})`);
      theirs.push(score(c, c.sklearn.pred));
      await breathe();
      ours.push(score(c, mlp.predict(mlp.fit(input(c, seed), { hidden: [100], iterations: 200 }), c.XTest)));
      await breathe();
    }
    console.log(`mlp ${ds}: ours ${mean(ours).toFixed(4)} [${ours.map((x) => x.toFixed(3))}] sklearn ${mean(theirs).toFixed(4)} [${theirs.map((x) => x.toFixed(3))}]`);
    expect(Math.abs(mean(ours) - mean(theirs))).toBeLessThanOrEqual(bound);
  }, 60_000);
});
