/**
 * Parity of the linear family, naive Bayes and kNN kernels with scikit-learn
 * 1.2 on the shared datasets: held-out accuracy (R² for regression) within
 * 0.02 of sklearn's, and coefficients within 1e-3 relative where the model has them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ModelKernel, Params } from '../../src/runtime/models/contract.ts';
import { type ParityCase, agreement, maxRelDiff, r2, sklearnCase } from './harness.ts';
import { kernel as linear } from '../../src/runtime/models/linear.ts';
import { kernel as ridge } from '../../src/runtime/models/ridge.ts';
import { kernel as lasso } from '../../src/runtime/models/lasso.ts';
import { kernel as elasticNet } from '../../src/runtime/models/elastic_net.ts';
import { kernel as logistic } from '../../src/runtime/models/logistic.ts';
import { kernel as gaussianNb } from '../../src/runtime/models/gaussian_nb.ts';
import { kernel as multinomialNb } from '../../src/runtime/models/multinomial_nb.ts';
import { kernel as knn } from '../../src/runtime/models/knn.ts';

type Prep = 'standardize' | 'raw' | 'counts' | 'tfidf';
interface Row { kernel: ModelKernel<any>; params: Params; dataset: string; prep: Prep; sklearn: string; coef?: boolean }

const LOGISTIC = { C: 1.0, penalty: 'l2', iterations: 100, tol: 1e-4, fit_intercept: true, class_weight: 'none' };
const SK_LOGISTIC = 'linear_model.LogisticRegression(C=1.0, tol=1e-10, max_iter=10000)';
const classifiers = ['iris', 'breast_cancer', 'digits', 'penguins'];

const rows: Row[] = [
  ...classifiers.map((dataset): Row => ({ kernel: logistic, params: LOGISTIC, dataset, prep: 'standardize', sklearn: SK_LOGISTIC, coef: true })),
  { kernel: logistic, params: LOGISTIC, dataset: 'spam', prep: 'tfidf', sklearn: SK_LOGISTIC, coef: true },
  { kernel: logistic, params: { ...LOGISTIC, penalty: 'l1', iterations: 1000 }, dataset: 'iris', prep: 'standardize', sklearn: 'linear_model.LogisticRegression(penalty="l1", solver="saga", tol=1e-8, max_iter=100000)', coef: true },
  { kernel: multinomialNb, params: { alpha: 1.0, fit_prior: true }, dataset: 'spam', prep: 'counts', sklearn: 'naive_bayes.MultinomialNB()' },
  { kernel: linear, params: { fit_intercept: true }, dataset: 'diabetes', prep: 'standardize', sklearn: 'linear_model.LinearRegression()', coef: true },
  { kernel: ridge, params: { alpha: 1.0, fit_intercept: true }, dataset: 'diabetes', prep: 'standardize', sklearn: 'linear_model.Ridge(alpha=1.0)', coef: true },
  { kernel: ridge, params: { alpha: 1.0, fit_intercept: true }, dataset: 'digits', prep: 'standardize', sklearn: 'linear_model.RidgeClassifier(alpha=1.0)', coef: true },
  { kernel: lasso, params: { alpha: 1.0, iterations: 1000, tol: 1e-4, fit_intercept: true }, dataset: 'diabetes', prep: 'standardize', sklearn: 'linear_model.Lasso(alpha=1.0)', coef: true },
  { kernel: elasticNet, params: { alpha: 1.0, l1_ratio: 0.5, iterations: 1000, tol: 1e-4, fit_intercept: true }, dataset: 'diabetes', prep: 'standardize', sklearn: 'linear_model.ElasticNet(alpha=1.0, l1_ratio=0.5, tol=1e-10, max_iter=100000)', coef: true },
  ...classifiers.map((dataset): Row => ({ kernel: gaussianNb, params: { var_smoothing: 1e-9 }, dataset, prep: 'raw', sklearn: 'naive_bayes.GaussianNB()' })),
  ...['iris', 'breast_cancer', 'digits'].map((dataset): Row => ({ kernel: knn, params: { k: 5, weights: 'uniform', metric: 'euclidean' }, dataset, prep: 'standardize', sklearn: 'neighbors.KNeighborsClassifier(n_neighbors=5)' })),
  { kernel: knn, params: { k: 7, weights: 'distance', metric: 'manhattan' }, dataset: 'penguins', prep: 'standardize', sklearn: 'neighbors.KNeighborsClassifier(n_neighbors=7, weights="distance", p=1)' },
];

const cache = new Map<string, ParityCase>();
/**
 * One scikit-learn run per (dataset, prep, estimator) for the whole file. The harness
 * blocks the worker, so first yield a macrotask: vitest's RPC replies must get through.
 */
async function reference(row: Row): Promise<ParityCase> {
  const key = `${row.dataset}|${row.prep}|${row.sklearn}`;
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (!cache.has(key)) cache.set(key, sklearnCase(row.dataset, row.prep, row.sklearn));
  return cache.get(key)!;
}

const table: string[] = [];
afterAll(() => console.log(['kernel | dataset | ours | sklearn | same predictions (regression: max rel. diff) | coef rel. diff', ...table].join('\n')));

describe('linear family parity with scikit-learn', () => {
  for (const row of rows) {
    it(`${row.kernel.name} on ${row.dataset} (${row.prep}) vs ${row.sklearn}`, async () => {
      const c = await reference(row);
      const state = await row.kernel.fit({ X: c.XTrain, y: c.yTrain, task: c.task, classes: c.classes.length, seed: 42 }, row.params);
      const pred = row.kernel.predict(state, c.XTest);
      const score = (p: ArrayLike<number>) => (c.task === 'classification' ? agreement(p, c.yTest) : r2(c.yTest, p));
      const ours = score(pred), theirs = score(c.sklearn.pred);
      let coefDiff = NaN;
      if (row.coef) coefDiff = Math.max(maxRelDiff(state.coef, c.sklearn.coef!), maxRelDiff(state.intercept, c.sklearn.intercept!));
      const same = c.task === 'classification' ? agreement(pred, c.sklearn.pred).toFixed(4) : `Δ ${maxRelDiff(pred, c.sklearn.pred).toExponential(1)}`;
      table.push(`${row.kernel.name} | ${row.dataset} | ${ours.toFixed(4)} | ${theirs.toFixed(4)} | ${same} | ${row.coef ? coefDiff.toExponential(1) : '–'}`);
      expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(0.02);
      if (row.coef) expect(coefDiff).toBeLessThan(1e-3);
      if (row.kernel.predictProba && c.sklearn.proba && c.task === 'classification') {
        const proba = row.kernel.predictProba(state, c.XTest);
        expect(maxRelDiff(proba, c.sklearn.proba)).toBeLessThan(row.kernel === knn ? 1e-12 : 1e-2);
      }
    }, 120_000);
  }
});
