/**
 * Fit and predict times of the linear-family, naive Bayes and kNN kernels next
 * to scikit-learn's, on the parity harness's splits. Ours: median of 5 runs in
 * one warm process. scikit-learn's: a single in-process fit and predict as the
 * harness measures them (no warm-up, so small fits are flattered less than ours).
 * Run: npx tsx bench/models_linear.ts
 */
import type { ModelKernel, Params } from '../src/runtime/models/contract.ts';
import { sklearnCase } from '../test/parity/harness.ts';
import { kernel as linear } from '../src/runtime/models/linear.ts';
import { kernel as ridge } from '../src/runtime/models/ridge.ts';
import { kernel as lasso } from '../src/runtime/models/lasso.ts';
import { kernel as elasticNet } from '../src/runtime/models/elastic_net.ts';
import { kernel as logistic } from '../src/runtime/models/logistic.ts';
import { kernel as gaussianNb } from '../src/runtime/models/gaussian_nb.ts';
import { kernel as multinomialNb } from '../src/runtime/models/multinomial_nb.ts';
import { kernel as knn } from '../src/runtime/models/knn.ts';

type Prep = 'standardize' | 'raw';
const classification: [ModelKernel<any>, Params, Prep, string][] = [
  [logistic, { C: 1, penalty: 'l2', iterations: 100, tol: 1e-4, fit_intercept: true, class_weight: 'none' }, 'standardize', 'linear_model.LogisticRegression()'],
  [ridge, { alpha: 1, fit_intercept: true }, 'standardize', 'linear_model.RidgeClassifier()'],
  [gaussianNb, { var_smoothing: 1e-9 }, 'raw', 'naive_bayes.GaussianNB()'],
  [multinomialNb, { alpha: 1, fit_prior: true }, 'raw', 'naive_bayes.MultinomialNB()'],
  [knn, { k: 5, weights: 'uniform', metric: 'euclidean' }, 'standardize', 'neighbors.KNeighborsClassifier()'],
];
const regression: [ModelKernel<any>, Params, Prep, string][] = [
  [linear, { fit_intercept: true }, 'standardize', 'linear_model.LinearRegression()'],
  [ridge, { alpha: 1, fit_intercept: true }, 'standardize', 'linear_model.Ridge()'],
  [lasso, { alpha: 1, iterations: 1000, tol: 1e-4, fit_intercept: true }, 'standardize', 'linear_model.Lasso()'],
  [elasticNet, { alpha: 1, l1_ratio: 0.5, iterations: 1000, tol: 1e-4, fit_intercept: true }, 'standardize', 'linear_model.ElasticNet()'],
];

/** Median wall time in ms of `runs` calls. */
async function median(runs: number, f: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const jobs = [
  ...['breast_cancer', 'digits'].flatMap((dataset) => classification.map((job) => [dataset, ...job] as const)),
  ...regression.map((job) => ['diabetes', ...job] as const),
];
console.log('kernel | dataset | fit ms (ours / sklearn = ratio) | predict ms (ours / sklearn = ratio)');
for (const [dataset, kernel, params, prep, estimator] of jobs) {
  const c = sklearnCase(dataset, prep, estimator);
  const input = { X: c.XTrain, y: c.yTrain, task: c.task, classes: c.classes.length, seed: 42 };
  const state = await kernel.fit(input, params);
  const fitMs = await median(5, () => kernel.fit(input, params));
  const predictMs = await median(5, () => kernel.predict(state, c.XTest));
  const cell = (ours: number, theirs: number) => `${ours.toFixed(2)} / ${theirs.toFixed(2)} = ${(ours / theirs).toFixed(2)}×`;
  console.log(`${kernel.name} | ${dataset} | ${cell(fitMs, c.sklearn.fitMs)} | ${cell(predictMs, c.sklearn.predictMs)}`);
}
