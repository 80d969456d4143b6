/**
 * Evaluation metrics, matching scikit-learn's definitions. Labels are class
 * indices stored as floats; probabilities are row-major (rows × classes).
 * Averaged classification metrics use the classes present in y_true or y_pred,
 * and 0/0 counts as 0 (sklearn's zero_division default).
 */

/** Invalid metric input (length mismatch, undefined metric on this data). */
export class MetricError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MetricError';
  }
}

export type Average = 'binary' | 'macro' | 'weighted';

function checkLengths(a: Float64Array, b: Float64Array, what: string): void {
  if (a.length !== b.length) throw new MetricError(`${what}: y_true has ${a.length} rows but the predictions have ${b.length}`);
  if (a.length === 0) throw new MetricError(`${what}: no rows to score`);
}

function classCount(yTrue: Float64Array, yPred: Float64Array, classes?: number): number {
  let max = (classes ?? 0) - 1;
  for (let i = 0; i < yTrue.length; i++) {
    if (!Number.isInteger(yTrue[i]) || yTrue[i] < 0 || !Number.isInteger(yPred[i]) || yPred[i] < 0)
      throw new MetricError(`row ${i}: class labels must be non-negative integer indices`);
    max = Math.max(max, yTrue[i], yPred[i]);
  }
  return max + 1;
}

/** Confusion matrix C[t][p] = number of rows with true class t predicted as p. */
export function confusionMatrix(yTrue: Float64Array, yPred: Float64Array, classes?: number): number[][] {
  checkLengths(yTrue, yPred, 'confusion matrix');
  const k = classCount(yTrue, yPred, classes);
  const c = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < yTrue.length; i++) c[yTrue[i]][yPred[i]]++;
  return c;
}

/** Fraction of rows predicted exactly right. */
export function accuracy(yTrue: Float64Array, yPred: Float64Array): number {
  checkLengths(yTrue, yPred, 'accuracy');
  let hit = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) hit++;
  return hit / yTrue.length;
}

/** Mean recall over the classes present in y_true. */
export function balancedAccuracy(yTrue: Float64Array, yPred: Float64Array): number {
  const c = confusionMatrix(yTrue, yPred);
  let sum = 0, m = 0;
  for (let t = 0; t < c.length; t++) {
    const support = c[t].reduce((a, b) => a + b, 0);
    if (support > 0) { sum += c[t][t] / support; m++; }
  }
  return sum / m;
}

const div = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Precision, recall and F1: for class `positive` ('binary'), or averaged ('macro', 'weighted' by support). */
export function precisionRecallF1(yTrue: Float64Array, yPred: Float64Array, average: Average, positive = 1): { precision: number; recall: number; f1: number } {
  const c = confusionMatrix(yTrue, yPred, average === 'binary' ? positive + 1 : undefined);
  const k = c.length;
  const per = (j: number) => {
    let predicted = 0, support = 0;
    for (let t = 0; t < k; t++) { predicted += c[t][j]; support += c[j][t]; }
    const p = div(c[j][j], predicted), r = div(c[j][j], support);
    return { p, r, f: div(2 * p * r, p + r), support, present: predicted + support > 0 };
  };
  if (average === 'binary') {
    const s = per(positive);
    return { precision: s.p, recall: s.r, f1: s.f };
  }
  let P = 0, R = 0, F = 0, W = 0;
  for (let j = 0; j < k; j++) {
    const s = per(j);
    if (!s.present) continue;
    const w = average === 'weighted' ? s.support : 1;
    P += w * s.p; R += w * s.r; F += w * s.f; W += w;
  }
  return { precision: div(P, W), recall: div(R, W), f1: div(F, W) };
}

/** Binary ROC AUC from scores for the positive class (trapezoid over distinct thresholds; ties count half). */
export function rocAucBinary(isPositive: (i: number) => boolean, scores: Float64Array): number {
  const n = scores.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let P = 0;
  for (let i = 0; i < n; i++) if (isPositive(i)) P++;
  const N = n - P;
  if (P === 0 || N === 0) throw new MetricError('roc_auc: only one class present in y_true; ROC AUC is not defined');
  let area = 0, tp = 0, fp = 0;
  for (let a = 0; a < n; ) {
    const s = scores[order[a]];
    if (s !== s) throw new MetricError('roc_auc: scores contain NaN');
    const tp0 = tp, fp0 = fp;
    for (; a < n && scores[order[a]] === s; a++) isPositive(order[a]) ? tp++ : fp++;
    area += ((fp - fp0) * (tp + tp0)) / 2;
  }
  return area / (P * N);
}

/** ROC AUC: binary (2 classes: scores of class `positive`) or one-vs-rest macro average over classes. */
export function rocAuc(yTrue: Float64Array, proba: Float64Array, classes: number, positive = 1): number {
  const n = yTrue.length;
  if (classes < 2 || proba.length !== n * classes) throw new MetricError(`roc_auc: expected ${n} × ${classes} probabilities, got ${proba.length} values`);
  const column = (j: number) => Float64Array.from({ length: n }, (_, i) => proba[i * classes + j]);
  if (classes === 2) return rocAucBinary((i) => yTrue[i] === positive, column(positive));
  let sum = 0;
  for (let j = 0; j < classes; j++) sum += rocAucBinary((i) => yTrue[i] === j, column(j));
  return sum / classes;
}

/** Mean negative log-likelihood; probabilities clipped to [eps, 1 − eps] with eps = 2^-52 (sklearn ≥ 1.2 'auto' for float64), rows renormalized. */
export function logLoss(yTrue: Float64Array, proba: Float64Array, classes: number): number {
  const n = yTrue.length;
  if (n === 0) throw new MetricError('log_loss: no rows to score');
  if (proba.length !== n * classes) throw new MetricError(`log_loss: expected ${n} × ${classes} probabilities, got ${proba.length} values`);
  const eps = Number.EPSILON;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const y = yTrue[i];
    if (!Number.isInteger(y) || y < 0 || y >= classes) throw new MetricError(`log_loss: row ${i} has class ${y}, outside 0..${classes - 1}`);
    let sum = 0, py = 0;
    for (let j = 0; j < classes; j++) {
      const p = Math.min(Math.max(proba[i * classes + j], eps), 1 - eps);
      if (p !== p) throw new MetricError(`log_loss: probabilities contain NaN at row ${i}`);
      sum += p;
      if (j === y) py = p;
    }
    loss -= Math.log(py / sum);
  }
  return loss / n;
}

/** Mean squared error. */
export function mse(yTrue: Float64Array, yPred: Float64Array): number {
  checkLengths(yTrue, yPred, 'mse');
  let s = 0;
  for (let i = 0; i < yTrue.length; i++) { const d = yTrue[i] - yPred[i]; s += d * d; }
  return s / yTrue.length;
}

/** Root mean squared error. */
export function rmse(yTrue: Float64Array, yPred: Float64Array): number {
  return Math.sqrt(mse(yTrue, yPred));
}

/** Mean absolute error. */
export function mae(yTrue: Float64Array, yPred: Float64Array): number {
  checkLengths(yTrue, yPred, 'mae');
  let s = 0;
  for (let i = 0; i < yTrue.length; i++) s += Math.abs(yTrue[i] - yPred[i]);
  return s / yTrue.length;
}

/** Coefficient of determination; a constant y_true gives 1 if predicted exactly, else 0 (sklearn force_finite). */
export function r2(yTrue: Float64Array, yPred: Float64Array): number {
  checkLengths(yTrue, yPred, 'r2');
  let mean = 0;
  for (let i = 0; i < yTrue.length; i++) mean += yTrue[i];
  mean /= yTrue.length;
  let res = 0, tot = 0;
  for (let i = 0; i < yTrue.length; i++) { res += (yTrue[i] - yPred[i]) ** 2; tot += (yTrue[i] - mean) ** 2; }
  if (tot === 0) return res === 0 ? 1 : 0;
  return 1 - res / tot;
}

/** What a registered metric is given: predictions for 'labels' metrics, probabilities for 'scores' metrics. */
export interface MetricInput {
  yTrue: Float64Array;
  yPred?: Float64Array;
  proba?: Float64Array;
  /** number of classes (classification) */
  classes?: number;
  /** positive class index for binary metrics (default 1) */
  positive?: number;
}

export interface MetricSpec {
  fn: (input: MetricInput) => number;
  greaterIsBetter: boolean;
  needs: 'labels' | 'scores';
}

function labels(name: string, f: (t: Float64Array, p: Float64Array, x: MetricInput) => number, greaterIsBetter = true): MetricSpec {
  return {
    greaterIsBetter,
    needs: 'labels',
    fn: (x) => {
      if (!x.yPred) throw new MetricError(`${name} needs predictions`);
      return f(x.yTrue, x.yPred, x);
    },
  };
}

function scores(name: string, f: (t: Float64Array, p: Float64Array, classes: number, x: MetricInput) => number, greaterIsBetter: boolean): MetricSpec {
  return {
    greaterIsBetter,
    needs: 'scores',
    fn: (x) => {
      if (!x.proba || !x.classes) throw new MetricError(`${name} needs class probabilities`);
      return f(x.yTrue, x.proba, x.classes, x);
    },
  };
}

const prf = (avg: Average, key: 'precision' | 'recall' | 'f1') => (t: Float64Array, p: Float64Array, x: MetricInput) =>
  precisionRecallF1(t, p, avg, x.positive ?? 1)[key];

/** The catalog metrics by name. */
export const metrics: Record<string, MetricSpec> = {
  accuracy: labels('accuracy', accuracy),
  balanced_accuracy: labels('balanced_accuracy', balancedAccuracy),
  precision: labels('precision', prf('binary', 'precision')),
  recall: labels('recall', prf('binary', 'recall')),
  f1: labels('f1', prf('binary', 'f1')),
  precision_macro: labels('precision_macro', prf('macro', 'precision')),
  recall_macro: labels('recall_macro', prf('macro', 'recall')),
  f1_macro: labels('f1_macro', prf('macro', 'f1')),
  precision_weighted: labels('precision_weighted', prf('weighted', 'precision')),
  recall_weighted: labels('recall_weighted', prf('weighted', 'recall')),
  f1_weighted: labels('f1_weighted', prf('weighted', 'f1')),
  roc_auc: scores('roc_auc', (t, p, k, x) => rocAuc(t, p, k, x.positive ?? 1), true),
  log_loss: scores('log_loss', logLoss, false),
  rmse: labels('rmse', rmse, false),
  mse: labels('mse', mse, false),
  mae: labels('mae', mae, false),
  r2: labels('r2', r2),
};
