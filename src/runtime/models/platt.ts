/**
 * Platt scaling and pairwise coupling as libsvm does them (svm.cpp 3.2x:
 * svm_binary_svc_probability, sigmoid_train, sigmoid_predict,
 * multiclass_probability, svm_predict_probability), with one difference:
 * the cross-validation folds come from a seeded shuffle (random.ts) instead
 * of the C rand() stream, so one seed gives one set of probabilities.
 *
 * - foldDecisionValues: libsvm's 5-fold split of a shuffled permutation
 *   (fold f holds perm[⌊f·l/5⌋ .. ⌊(f+1)·l/5⌋)); a fold whose training part
 *   holds one class only gets decision values +1 / −1 (0 if it is empty).
 * - sigmoidTrain: Platt's method as improved by Lin, Lin & Weng (2007):
 *   Newton's method with backtracking on prior-corrected targets.
 * - pairwiseProbabilities: r_ij = sigmoid(A·f_ij + B) clipped to
 *   [1e-7, 1 − 1e-7]; two classes use it directly, more are coupled by
 *   Wu, Lin & Weng (2004), method 2 (libsvm's iterative solver).
 */
import { rng, shuffle } from '../random.ts';

export const PLATT_FOLDS = 5;
const MIN_PROB = 1e-7;

/**
 * Out-of-fold decision values for a binary problem of `l` rows (`positive[i]`
 * true for the +1 class). `decide(train, test)` fits on the rows `train`
 * (both classes present) and returns the decision values of the rows `test`,
 * positive meaning the +1 class.
 */
export function foldDecisionValues(
  positive: ArrayLike<boolean>,
  seed: number,
  decide: (train: Int32Array, test: Int32Array) => ArrayLike<number>,
): Float64Array {
  const l = positive.length;
  const perm = new Int32Array(l);
  for (let i = 0; i < l; i++) perm[i] = i;
  shuffle(perm, rng(seed));
  const dec = new Float64Array(l);
  for (let f = 0; f < PLATT_FOLDS; f++) {
    const begin = Math.floor((f * l) / PLATT_FOLDS), end = Math.floor(((f + 1) * l) / PLATT_FOLDS);
    if (end === begin) continue;
    const train = new Int32Array(l - (end - begin));
    let k = 0, pos = 0;
    for (let j = 0; j < begin; j++) train[k++] = perm[j];
    for (let j = end; j < l; j++) train[k++] = perm[j];
    for (let j = 0; j < k; j++) if (positive[train[j]]) pos++;
    const neg = k - pos;
    const test = perm.subarray(begin, end);
    if (pos === 0 || neg === 0) {
      const v = pos === 0 && neg === 0 ? 0 : pos > 0 ? 1 : -1;
      for (let j = 0; j < test.length; j++) dec[test[j]] = v;
      continue;
    }
    const out = decide(train, Int32Array.from(test));
    for (let j = 0; j < test.length; j++) dec[test[j]] = out[j];
  }
  return dec;
}

/** libsvm's sigmoid_train: A, B minimising the cross-entropy of 1/(1+exp(A·f+B)) against the prior-corrected targets. */
export function sigmoidTrain(dec: ArrayLike<number>, positive: ArrayLike<boolean>): { A: number; B: number } {
  const l = dec.length;
  let prior1 = 0, prior0 = 0;
  for (let i = 0; i < l; i++) if (positive[i]) prior1 += 1; else prior0 += 1;
  const maxIter = 100, minStep = 1e-10, sigma = 1e-12, eps = 1e-5;
  const hiTarget = (prior1 + 1) / (prior1 + 2), loTarget = 1 / (prior0 + 2);
  const t = new Float64Array(l);
  let A = 0, B = Math.log((prior0 + 1) / (prior1 + 1));
  let fval = 0;
  for (let i = 0; i < l; i++) {
    t[i] = positive[i] ? hiTarget : loTarget;
    const fApB = dec[i] * A + B;
    fval += fApB >= 0 ? t[i] * fApB + Math.log(1 + Math.exp(-fApB)) : (t[i] - 1) * fApB + Math.log(1 + Math.exp(fApB));
  }
  for (let iter = 0; iter < maxIter; iter++) {
    // gradient and Hessian (H' = H + sigma·I keeps it strictly positive definite)
    let h11 = sigma, h22 = sigma, h21 = 0, g1 = 0, g2 = 0;
    for (let i = 0; i < l; i++) {
      const fApB = dec[i] * A + B;
      let p: number, q: number;
      if (fApB >= 0) { p = Math.exp(-fApB) / (1 + Math.exp(-fApB)); q = 1 / (1 + Math.exp(-fApB)); }
      else { p = 1 / (1 + Math.exp(fApB)); q = Math.exp(fApB) / (1 + Math.exp(fApB)); }
      const d2 = p * q;
      h11 += dec[i] * dec[i] * d2;
      h22 += d2;
      h21 += dec[i] * d2;
      const d1 = t[i] - p;
      g1 += dec[i] * d1;
      g2 += d1;
    }
    if (Math.abs(g1) < eps && Math.abs(g2) < eps) break;
    // Newton direction −inv(H')·g, then backtracking line search (Armijo)
    const det = h11 * h22 - h21 * h21;
    const dA = -(h22 * g1 - h21 * g2) / det, dB = -(-h21 * g1 + h11 * g2) / det;
    const gd = g1 * dA + g2 * dB;
    let stepsize = 1;
    while (stepsize >= minStep) {
      const newA = A + stepsize * dA, newB = B + stepsize * dB;
      let newf = 0;
      for (let i = 0; i < l; i++) {
        const fApB = dec[i] * newA + newB;
        newf += fApB >= 0 ? t[i] * fApB + Math.log(1 + Math.exp(-fApB)) : (t[i] - 1) * fApB + Math.log(1 + Math.exp(fApB));
      }
      if (newf < fval + 0.0001 * stepsize * gd) { A = newA; B = newB; fval = newf; break; }
      stepsize /= 2;
    }
    if (stepsize < minStep) break; // line search failed: keep the last point, as libsvm does
  }
  return { A, B };
}

/** libsvm's sigmoid_predict: P(+1 | f) = 1/(1+exp(A·f+B)), written to avoid cancellation. */
export function sigmoidPredict(f: number, A: number, B: number): number {
  const fApB = f * A + B;
  return fApB >= 0 ? Math.exp(-fApB) / (1 + Math.exp(-fApB)) : 1 / (1 + Math.exp(fApB));
}

/**
 * libsvm's multiclass_probability (Wu, Lin & Weng 2004, method 2): p minimising
 * Σ_i Σ_{j≠i} (r_ji·p_i − r_ij·p_j)² on the simplex. `r` is k×k row-major with
 * r[i·k+j] = P(i | i or j); `p` (length k) receives the result.
 */
export function multiclassProbability(k: number, r: ArrayLike<number>, p: Float64Array): void {
  const maxIter = Math.max(100, k), eps = 0.005 / k;
  const Q = new Float64Array(k * k), Qp = new Float64Array(k);
  for (let t = 0; t < k; t++) {
    p[t] = 1 / k;
    Q[t * k + t] = 0;
    for (let j = 0; j < t; j++) {
      Q[t * k + t] += r[j * k + t] * r[j * k + t];
      Q[t * k + j] = Q[j * k + t];
    }
    for (let j = t + 1; j < k; j++) {
      Q[t * k + t] += r[j * k + t] * r[j * k + t];
      Q[t * k + j] = -r[j * k + t] * r[t * k + j];
    }
  }
  for (let iter = 0; iter < maxIter; iter++) {
    // stopping condition; Qp and pQp recomputed for numerical accuracy
    let pQp = 0;
    for (let t = 0; t < k; t++) {
      Qp[t] = 0;
      for (let j = 0; j < k; j++) Qp[t] += Q[t * k + j] * p[j];
      pQp += p[t] * Qp[t];
    }
    let maxError = 0;
    for (let t = 0; t < k; t++) maxError = Math.max(maxError, Math.abs(Qp[t] - pQp));
    if (maxError < eps) break;
    for (let t = 0; t < k; t++) {
      const diff = (-Qp[t] + pQp) / Q[t * k + t];
      p[t] += diff;
      pQp = (pQp + diff * (diff * Q[t * k + t] + 2 * Qp[t])) / (1 + diff) / (1 + diff);
      for (let j = 0; j < k; j++) {
        Qp[j] = (Qp[j] + diff * Q[t * k + j]) / (1 + diff);
        p[j] /= 1 + diff;
      }
    }
  }
}

/**
 * libsvm's svm_predict_probability for one row: `dec` holds the k(k−1)/2
 * one-vs-one decision values in libsvm's pair order ((0,1), (0,2), …, (k−2,k−1)),
 * `probA`/`probB` the sigmoid of each pair; writes k probabilities into `p`.
 * `r` is a k×k scratch buffer.
 */
export function pairwiseProbabilities(k: number, dec: ArrayLike<number>, probA: ArrayLike<number>, probB: ArrayLike<number>, p: Float64Array, r = new Float64Array(k * k)): void {
  let pair = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const v = Math.min(Math.max(sigmoidPredict(dec[pair], probA[pair], probB[pair]), MIN_PROB), 1 - MIN_PROB);
      r[i * k + j] = v;
      r[j * k + i] = 1 - v;
      pair++;
    }
  }
  if (k === 2) { p[0] = r[1]; p[1] = r[2]; }
  else multiclassProbability(k, r, p);
}
