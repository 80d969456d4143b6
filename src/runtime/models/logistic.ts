/**
 * Logistic regression like scikit-learn's LogisticRegression: binary (one
 * coefficient row) or multinomial softmax, minimizing C·Σ wᵢ·lossᵢ + ½||W||²
 * ('l2', sklearn's lbfgs), + ||W||₁ ('l1', sklearn's saga; by OWL-QN) or no
 * penalty, with the intercept unpenalized. Dense or CSR input.
 */
import { type Matrix, type ModelKernel, type SparseMatrix, KernelError } from './contract.ts';
import { argmax, checkFitInput, toNumbers, checkPredictInput, linearScores } from './linear.ts';
import { lbfgs, type Objective } from './lbfgs.ts';

export interface LogisticState {
  cols: number;
  classes: number;
  /** class indices seen in training, in order; the model's outputs map onto these */
  labels: number[];
  /** 1 (binary) or labels.length (multinomial); 0 when only one class was seen */
  targets: number;
  coef: number[];
  intercept: number[];
}

/** out[i] = max(0, −m) + log(1 + e^−|m|) = log(1 + e^−m), without overflow. */
function softplusNeg(m: number): number {
  return m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));
}

/** Adds Rᵀ·X (targets × cols) to G, CSR rows. */
function addGradientCsr(X: SparseMatrix, R: Float64Array, t: number, G: Float64Array): void {
  const { rows, cols: p, data, indptr, indices } = X;
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < t; k++) {
      const r = R[i * t + k];
      if (r !== 0) for (let q = indptr[i], go = k * p; q < indptr[i + 1]; q++) G[go + indices[q]] += r * data[q];
    }
  }
}

/** G[go + j] += r·data[o + j] for j < p. */
function axpy(G: Float64Array, go: number, r: number, data: Float64Array, o: number, p: number): void {
  for (let j = 0; j < p; j++) G[go + j] += r * data[o + j];
}

/**
 * Adds Rᵀ·X (targets × cols) to G for dense row-major X. Each G entry still accumulates
 * the rows in order, one rounded add per row (bit-identical to the plain loop), but eight
 * rows share one load and store of G.
 */
function addGradientDense(data: Float64Array, n: number, p: number, R: Float64Array, t: number, G: Float64Array): void {
  let i = 0;
  for (; i + 7 < n; i += 8) {
    const o0 = i * p, o1 = o0 + p, o2 = o1 + p, o3 = o2 + p, o4 = o3 + p, o5 = o4 + p, o6 = o5 + p, o7 = o6 + p, ro = i * t;
    for (let k = 0; k < t; k++) {
      const go = k * p, r0 = R[ro + k], r1 = R[ro + t + k], r2 = R[ro + 2 * t + k], r3 = R[ro + 3 * t + k];
      const r4 = R[ro + 4 * t + k], r5 = R[ro + 5 * t + k], r6 = R[ro + 6 * t + k], r7 = R[ro + 7 * t + k];
      if (r0 !== 0 && r1 !== 0 && r2 !== 0 && r3 !== 0 && r4 !== 0 && r5 !== 0 && r6 !== 0 && r7 !== 0) {
        for (let j = 0; j < p; j++) {
          G[go + j] = G[go + j] + r0 * data[o0 + j] + r1 * data[o1 + j] + r2 * data[o2 + j] + r3 * data[o3 + j]
            + r4 * data[o4 + j] + r5 * data[o5 + j] + r6 * data[o6 + j] + r7 * data[o7 + j];
        }
      } else {
        for (let q = 0; q < 8; q++) { const r = R[ro + q * t + k]; if (r !== 0) axpy(G, go, r, data, o0 + q * p, p); }
      }
    }
  }
  for (; i < n; i++) {
    for (let k = 0; k < t; k++) { const r = R[i * t + k]; if (r !== 0) axpy(G, k * p, r, data, i * p, p); }
  }
}

/**
 * Dense scores Z = X·Wᵀ + b (n × t), with the same four-partial-sum dot products as
 * linearScores (bit-identical), two rows per pass so each coefficient load serves both.
 */
function denseScores(data: Float64Array, n: number, p: number, W: Float64Array, b: Float64Array, t: number, Z: Float64Array): void {
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const o = i * p, oo = o + p, zo = i * t;
    for (let k = 0; k < t; k++) {
      const c = k * p;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, u0 = 0, u1 = 0, u2 = 0, u3 = 0, j = 0;
      for (; j + 3 < p; j += 4) {
        const w0 = W[c + j], w1 = W[c + j + 1], w2 = W[c + j + 2], w3 = W[c + j + 3];
        s0 += data[o + j] * w0; s1 += data[o + j + 1] * w1; s2 += data[o + j + 2] * w2; s3 += data[o + j + 3] * w3;
        u0 += data[oo + j] * w0; u1 += data[oo + j + 1] * w1; u2 += data[oo + j + 2] * w2; u3 += data[oo + j + 3] * w3;
      }
      for (; j < p; j++) { const w = W[c + j]; s0 += data[o + j] * w; u0 += data[oo + j] * w; }
      Z[zo + k] = b[k] + ((s0 + s1) + (s2 + s3));
      Z[zo + t + k] = b[k] + ((u0 + u1) + (u2 + u3));
    }
  }
  for (; i < n; i++) {
    const o = i * p, zo = i * t;
    for (let k = 0; k < t; k++) {
      const c = k * p;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, j = 0;
      for (; j + 3 < p; j += 4) {
        s0 += data[o + j] * W[c + j]; s1 += data[o + j + 1] * W[c + j + 1];
        s2 += data[o + j + 2] * W[c + j + 2]; s3 += data[o + j + 3] * W[c + j + 3];
      }
      for (; j < p; j++) s0 += data[o + j] * W[c + j];
      Z[zo + k] = b[k] + ((s0 + s1) + (s2 + s3));
    }
  }
}

/**
 * The penalized loss over parameters [coef (t × p), intercept (t)]; `target` holds each
 * row's label position, `weight` each row's C × class weight.
 */
function logisticObjective(X: Matrix, target: Int32Array, weight: Float64Array, t: number, fitIntercept: boolean, penalized: boolean): Objective {
  const n = X.rows, p = X.cols, Z = new Float64Array(n * t), zeros = new Float64Array(t);
  const dense = X.kind === 'dense' ? X.data : null;
  return (x, grad) => {
    const W = x.subarray(0, t * p), b = fitIntercept ? x.subarray(t * p) : zeros;
    if (dense) denseScores(dense, n, p, W, b, t, Z);
    else linearScores(X, W, b, t, Z);
    let loss = 0;
    if (t === 1) {
      for (let i = 0; i < n; i++) {
        const w = weight[i], sign = target[i] === 1 ? 1 : -1, m = sign * Z[i];
        loss += w * softplusNeg(m);
        Z[i] = -sign * w * (m > 0 ? Math.exp(-m) / (1 + Math.exp(-m)) : 1 / (1 + Math.exp(m)));
      }
    } else {
      for (let i = 0, o = 0; i < n; i++, o += t) {
        const w = weight[i];
        let max = Z[o];
        for (let k = 1; k < t; k++) if (Z[o + k] > max) max = Z[o + k];
        const own = Z[o + target[i]];
        let sum = 0;
        for (let k = 0; k < t; k++) { const e = Math.exp(Z[o + k] - max); Z[o + k] = e; sum += e; }
        loss += w * (max + Math.log(sum) - own);
        const scale = w / sum;
        for (let k = 0; k < t; k++) Z[o + k] *= scale;
        Z[o + target[i]] -= w;
      }
    }
    grad.fill(0);
    if (dense) addGradientDense(dense, n, p, Z, t, grad);
    else addGradientCsr(X as SparseMatrix, Z, t, grad);
    if (fitIntercept) for (let i = 0; i < n; i++) for (let k = 0; k < t; k++) grad[t * p + k] += Z[i * t + k];
    if (penalized) for (let j = 0; j < t * p; j++) { loss += 0.5 * W[j] * W[j]; grad[j] += W[j]; }
    if (Number.isNaN(loss)) throw new KernelError('logistic: the loss became NaN; check the data scale and C');
    return loss;
  };
}

/** Row-major rows × labels scores of a fitted state. */
function scores(state: LogisticState, X: Matrix): Float64Array {
  checkPredictInput(X, state.cols, 'logistic');
  return linearScores(X, Float64Array.from(state.coef), Float64Array.from(state.intercept), state.targets);
}

export const kernel: ModelKernel<LogisticState> = {
  name: 'logistic',
  fit(input, params) {
    checkFitInput(input, 'logistic');
    if (input.task !== 'classification') throw new KernelError('logistic is a classification model; use ridge or linear for regression');
    const C = Number(params.C), penalty = String(params.penalty);
    if (!(C > 0)) throw new KernelError(`logistic: C must be > 0, got ${params.C}`);
    if (penalty !== 'l2' && penalty !== 'l1' && penalty !== 'none') throw new KernelError(`logistic: penalty '${penalty}' is not supported; use 'l2', 'l1' or 'none'`);
    const { X, y } = input, n = X.rows, p = X.cols;
    const count = new Float64Array(input.classes);
    for (let i = 0; i < n; i++) count[y[i]]++;
    const labels: number[] = [];
    for (let c = 0; c < input.classes; c++) if (count[c] > 0) labels.push(c);
    const t = labels.length === 1 ? 0 : labels.length === 2 ? 1 : labels.length;
    if (t === 0) return { cols: p, classes: input.classes, labels, targets: 0, coef: [], intercept: [] };
    const position = new Int32Array(input.classes);
    labels.forEach((c, k) => { position[c] = k; });
    const target = new Int32Array(n), weight = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      target[i] = position[y[i]];
      weight[i] = params.class_weight === 'balanced' ? C * n / (labels.length * count[y[i]]) : C;
    }
    const fitIntercept = params.fit_intercept !== false;
    const objective = logisticObjective(X, target, weight, t, fitIntercept, penalty === 'l2');
    const x0 = new Float64Array(t * p + (fitIntercept ? t : 0));
    const l1 = penalty === 'l1' ? { weight: 1, count: t * p } : undefined;
    const { x } = lbfgs(objective, x0, { maxIterations: Number(params.iterations), gtol: Number(params.tol), l1 });
    const intercept = fitIntercept ? toNumbers(x.subarray(t * p)) : new Array<number>(t).fill(0);
    return { cols: p, classes: input.classes, labels, targets: t, coef: toNumbers(x.subarray(0, t * p)), intercept };
  },
  predict(state, X) {
    const out = new Float64Array(X.rows), t = state.targets;
    if (t === 0) { checkPredictInput(X, state.cols, 'logistic'); return out.fill(state.labels[0]); }
    const Z = scores(state, X);
    for (let i = 0; i < X.rows; i++) out[i] = state.labels[t === 1 ? (Z[i] > 0 ? 1 : 0) : argmax(Z, i * t, t)];
    return out;
  },
  predictProba(state, X) {
    const k = state.classes, t = state.targets, P = new Float64Array(X.rows * k);
    if (t === 0) {
      checkPredictInput(X, state.cols, 'logistic');
      for (let i = 0; i < X.rows; i++) P[i * k + state.labels[0]] = 1;
      return P;
    }
    const Z = scores(state, X);
    for (let i = 0; i < X.rows; i++) {
      if (t === 1) {
        const p1 = 1 / (1 + Math.exp(-Z[i]));
        P[i * k + state.labels[0]] = 1 - p1;
        P[i * k + state.labels[1]] = p1;
        continue;
      }
      const o = i * t, max = Z[o + argmax(Z, o, t)];
      let sum = 0;
      for (let c = 0; c < t; c++) sum += Math.exp(Z[o + c] - max);
      for (let c = 0; c < t; c++) P[i * k + state.labels[c]] = Math.exp(Z[o + c] - max) / sum;
    }
    return P;
  },
};
