/**
 * A small multilayer perceptron on typed arrays, trained like scikit-learn's
 * MLPClassifier/MLPRegressor defaults: Adam (β1 0.9, β2 0.999, ε 1e-8),
 * Glorot-uniform initialisation (bound √(6/(fan_in+fan_out)), √(2/…) for
 * logistic, as sklearn's _init_coef), shuffled mini-batches of min(batch_size, n),
 * L2 penalty alpha, and sklearn's stopping rule (loss improvement < tol for more
 * than n_iter_no_change epochs; with early_stopping the validation score instead,
 * keeping the best weights). Output: softmax + cross-entropy (k > 2 classes),
 * one logistic unit (2 classes), identity + squared loss (regression).
 * The early-stopping validation split is a plain seeded random split (not
 * stratified like sklearn's). Sparse input is densified. All randomness comes
 * from FitInput.seed.
 */
import { KernelError, assertFinite, toDense, type DenseMatrix, type FitInput, type Matrix, type ModelKernel, type Params, type Task } from './contract.ts';
import { deriveSeed, rng, shuffle } from '../random.ts';

type Activation = 'relu' | 'tanh' | 'logistic';
type Output = 'softmax' | 'logistic' | 'identity';

export interface MlpState {
  task: Task;
  classes: number;
  activation: Activation;
  output: Output;
  /** layer widths, input first, output last */
  sizes: number[];
  /** per layer: W (fan_in × fan_out, row-major) then b (fan_out) */
  weights: number[];
  /** epochs run */
  epochs: number;
  loss: number;
}

/** Offsets of each layer's W and b in the flat parameter vector. */
function layout(sizes: number[]): { w: number[]; b: number[]; total: number } {
  const w: number[] = [], b: number[] = [];
  let off = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    w.push(off); off += sizes[l] * sizes[l + 1];
    b.push(off); off += sizes[l + 1];
  }
  return { w, b, total: off };
}

/** Applies the hidden activation in place. */
function activate(a: Float64Array, len: number, f: Activation): void {
  if (f === 'relu') { for (let i = 0; i < len; i++) if (a[i] < 0) a[i] = 0; }
  else if (f === 'tanh') { for (let i = 0; i < len; i++) a[i] = Math.tanh(a[i]); }
  else for (let i = 0; i < len; i++) a[i] = 1 / (1 + Math.exp(-a[i]));
}

/** Applies the output function in place to rows × k values. */
function outputFn(a: Float64Array, rows: number, k: number, f: Output): void {
  if (f === 'logistic') { for (let i = 0; i < rows; i++) a[i] = 1 / (1 + Math.exp(-a[i])); }
  else if (f === 'softmax') {
    for (let i = 0; i < rows; i++) {
      const o = i * k;
      let max = -Infinity;
      for (let j = 0; j < k; j++) if (a[o + j] > max) max = a[o + j];
      let sum = 0;
      for (let j = 0; j < k; j++) sum += (a[o + j] = Math.exp(a[o + j] - max));
      for (let j = 0; j < k; j++) a[o + j] /= sum;
    }
  }
}

/** Z[B×N] += A[B×K] · W[K×N] (W at offset wo in p), unrolled by 4 over K. */
function mulAdd(A: Float64Array, B: number, K: number, p: Float64Array, wo: number, N: number, Z: Float64Array): void {
  for (let i = 0; i < B; i++) {
    const ao = i * K, zo = i * N;
    let k = 0;
    for (; k + 3 < K; k += 4) {
      const a0 = A[ao + k], a1 = A[ao + k + 1], a2 = A[ao + k + 2], a3 = A[ao + k + 3];
      const w0 = wo + k * N, w1 = w0 + N, w2 = w1 + N, w3 = w2 + N;
      for (let j = 0; j < N; j++) Z[zo + j] += a0 * p[w0 + j] + a1 * p[w1 + j] + a2 * p[w2 + j] + a3 * p[w3 + j];
    }
    for (; k < K; k++) {
      const a = A[ao + k], w0 = wo + k * N;
      for (let j = 0; j < N; j++) Z[zo + j] += a * p[w0 + j];
    }
  }
}

/** G[K×N] (at offset go) += A[B×K]ᵀ · D[B×N], unrolled by 4 over B. */
function mulAtB(A: Float64Array, B: number, K: number, D: Float64Array, N: number, G: Float64Array, go: number): void {
  for (let k = 0; k < K; k++) {
    const gk = go + k * N;
    let i = 0;
    for (; i + 3 < B; i += 4) {
      const a0 = A[i * K + k], a1 = A[(i + 1) * K + k], a2 = A[(i + 2) * K + k], a3 = A[(i + 3) * K + k];
      const d0 = i * N, d1 = d0 + N, d2 = d1 + N, d3 = d2 + N;
      for (let j = 0; j < N; j++) G[gk + j] += a0 * D[d0 + j] + a1 * D[d1 + j] + a2 * D[d2 + j] + a3 * D[d3 + j];
    }
    for (; i < B; i++) {
      const a = A[i * K + k], d0 = i * N;
      for (let j = 0; j < N; j++) G[gk + j] += a * D[d0 + j];
    }
  }
}

/** P[B×K] = D[B×N] · W[K×N]ᵀ (W at offset wo in p), four K rows at a time. */
function mulBt(D: Float64Array, B: number, N: number, p: Float64Array, wo: number, K: number, P: Float64Array): void {
  for (let i = 0; i < B; i++) {
    const dof = i * N, po = i * K;
    let k = 0;
    for (; k + 3 < K; k += 4) {
      const w0 = wo + k * N, w1 = w0 + N, w2 = w1 + N, w3 = w2 + N;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let j = 0; j < N; j++) {
        const dv = D[dof + j];
        s0 += dv * p[w0 + j]; s1 += dv * p[w1 + j]; s2 += dv * p[w2 + j]; s3 += dv * p[w3 + j];
      }
      P[po + k] = s0; P[po + k + 1] = s1; P[po + k + 2] = s2; P[po + k + 3] = s3;
    }
    for (; k < K; k++) {
      const w0 = wo + k * N;
      let s = 0;
      for (let j = 0; j < N; j++) s += D[dof + j] * p[w0 + j];
      P[po + k] = s;
    }
  }
}

/** acts[l+1] = f(acts[l] · W_l + b_l) for the first `rows` rows; acts[0] must hold the input. */
function forward(p: Float64Array, sizes: number[], lay: ReturnType<typeof layout>, acts: Float64Array[], rows: number, act: Activation, out: Output): void {
  const L = sizes.length - 1;
  for (let l = 0; l < L; l++) {
    const nin = sizes[l], nout = sizes[l + 1], Z = acts[l + 1], bo = lay.b[l];
    for (let i = 0; i < rows; i++) Z.set(p.subarray(bo, bo + nout), i * nout);
    mulAdd(acts[l], rows, nin, p, lay.w[l], nout, Z);
    if (l < L - 1) activate(Z, rows * nout, act);
    else outputFn(Z, rows, nout, out);
  }
}

/** Data loss of the outputs against targets for `rows` rows (sklearn's squared/log loss). */
function dataLoss(P: Float64Array, y: Float64Array, rows: number, k: number, out: Output): number {
  const eps = 2.220446049250313e-16;
  let s = 0;
  if (out === 'identity') { for (let i = 0; i < rows; i++) s += (P[i] - y[i]) ** 2; return s / (2 * rows); }
  if (out === 'logistic') {
    for (let i = 0; i < rows; i++) {
      const q = Math.min(Math.max(P[i], eps), 1 - eps);
      s -= y[i] === 1 ? Math.log(q) : Math.log(1 - q);
    }
    return s / rows;
  }
  for (let i = 0; i < rows; i++) s -= Math.log(Math.min(Math.max(P[i * k + y[i]], eps), 1 - eps));
  return s / rows;
}

function param<T extends string>(params: Params, key: string, allowed: readonly T[], fallback: T): T {
  const v = params[key] ?? fallback;
  if (!allowed.includes(v as T)) throw new KernelError(`mlp_net: ${key} must be one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`);
  return v as T;
}

function num(params: Params, key: string, fallback: number, min: number): number {
  const v = params[key] ?? fallback;
  if (typeof v !== 'number' || !(v >= min)) throw new KernelError(`mlp_net: ${key} must be a number ≥ ${min}, got ${JSON.stringify(v)}`);
  return v;
}

/** Accuracy (classification) or R² (regression) of the net on rows `idx` of X. */
function score(p: Float64Array, s: MlpState, X: DenseMatrix, y: Float64Array, idx: Int32Array): number {
  const sub = new Float64Array(idx.length * X.cols);
  for (let i = 0; i < idx.length; i++) sub.set(X.data.subarray(idx[i] * X.cols, (idx[i] + 1) * X.cols), i * X.cols);
  const pred = predictRaw(s, p, { kind: 'dense', rows: idx.length, cols: X.cols, data: sub }, true);
  if (s.task === 'classification') {
    let ok = 0;
    for (let i = 0; i < idx.length; i++) if (pred[i] === y[idx[i]]) ok++;
    return ok / idx.length;
  }
  let mean = 0, res = 0, tot = 0;
  for (let i = 0; i < idx.length; i++) mean += y[idx[i]];
  mean /= idx.length;
  for (let i = 0; i < idx.length; i++) { res += (y[idx[i]] - pred[i]) ** 2; tot += (y[idx[i]] - mean) ** 2; }
  return 1 - res / (tot || 1);
}

function fit(input: FitInput, params: Params): MlpState {
  const X = toDense(input.X);
  assertFinite(X, 'mlp_net input');
  const n = X.rows, d = X.cols, y = input.y;
  for (let i = 0; i < n; i++) if (!Number.isFinite(y[i])) throw new KernelError(`mlp_net: target contains ${y[i]} at row ${i}`);
  const classify = input.task === 'classification';
  let k = 1;
  if (classify) {
    k = input.classes;
    for (let i = 0; i < n; i++) k = Math.max(k, y[i] + 1);
    const first = y[0];
    let two = false;
    for (let i = 1; i < n && !two; i++) two = y[i] !== first;
    if (!two) throw new KernelError(`mlp_net: the training data holds a single class (${first}); a classifier needs at least two`);
  }
  const hiddenParam = params.hidden ?? [100];
  const hidden = typeof hiddenParam === 'number' ? [hiddenParam] : hiddenParam;
  if (!Array.isArray(hidden) || hidden.length === 0 || hidden.some((h) => !Number.isInteger(h) || h < 1))
    throw new KernelError(`mlp_net: hidden must be a list of positive layer sizes, got ${JSON.stringify(hiddenParam)}`);
  const act = param(params, 'activation', ['relu', 'tanh', 'logistic'] as const, 'relu');
  const alpha = num(params, 'alpha', 1e-4, 0);
  const lr = num(params, 'learning_rate', 1e-3, Number.MIN_VALUE);
  const maxEpochs = num(params, 'iterations', 200, 1);
  const tol = num(params, 'tol', 1e-4, 0);
  const patience = num(params, 'n_iter_no_change', 10, 1);
  const early = params.early_stopping === true;
  const out: Output = !classify ? 'identity' : k === 2 ? 'logistic' : 'softmax';
  const nOut = out === 'softmax' ? k : 1;
  const sizes = [d, ...hidden, nOut];
  const lay = layout(sizes);
  const L = sizes.length - 1;

  // Glorot-uniform init, as sklearn's _init_coef
  const p = new Float64Array(lay.total);
  const r0 = rng(deriveSeed(input.seed, 'init'));
  for (let l = 0; l < L; l++) {
    const bound = Math.sqrt((act === 'logistic' ? 2 : 6) / (sizes[l] + sizes[l + 1]));
    for (let i = lay.w[l]; i < lay.b[l] + sizes[l + 1]; i++) p[i] = (2 * r0() - 1) * bound;
  }

  // training / validation rows
  let train = new Int32Array(n);
  for (let i = 0; i < n; i++) train[i] = i;
  let valid = new Int32Array(0);
  if (early) {
    const frac = num(params, 'validation_fraction', 0.1, 0);
    const nv = Math.ceil(frac * n);
    if (nv < 1 || nv >= n) throw new KernelError(`mlp_net: validation_fraction ${frac} leaves no training or validation rows (n = ${n})`);
    shuffle(train, rng(deriveSeed(input.seed, 'validation')));
    valid = train.slice(0, nv);
    train = train.slice(nv);
  }
  const nt = train.length;
  const bs = Math.max(1, Math.min(num(params, 'batch_size', 200, 1), nt));

  const acts = sizes.map((s) => new Float64Array(bs * s));
  const deltas = sizes.map((s) => new Float64Array(bs * s));
  const yb = new Float64Array(bs);
  const g = new Float64Array(lay.total), m = new Float64Array(lay.total), v = new Float64Array(lay.total);
  const b1 = 0.9, b2 = 0.999, eps = 1e-8;
  let t = 0, best = Infinity, bestScore = -Infinity, stall = 0, loss = NaN, epoch = 0;
  let bestP: Float64Array | null = null;
  const state: MlpState = { task: input.task, classes: classify ? k : 0, activation: act, output: out, sizes, weights: [], epochs: 0, loss: NaN };
  const shuf = rng(deriveSeed(input.seed, 'shuffle'));

  for (epoch = 1; epoch <= maxEpochs; epoch++) {
    shuffle(train, shuf);
    let acc = 0;
    for (let start = 0; start < nt; start += bs) {
      const B = Math.min(bs, nt - start);
      for (let i = 0; i < B; i++) {
        const r = train[start + i];
        acts[0].set(X.data.subarray(r * d, r * d + d), i * d);
        yb[i] = y[r];
      }
      forward(p, sizes, lay, acts, B, act, out);
      // output delta = prediction − target
      const P = acts[L], D = deltas[L];
      let reg = 0;
      for (let l = 0; l < L; l++) for (let i = lay.w[l]; i < lay.b[l]; i++) reg += p[i] * p[i];
      acc += (dataLoss(P, yb, B, nOut, out) + (0.5 * alpha * reg) / B) * B;
      D.set(P.subarray(0, B * nOut));
      if (out === 'softmax') { for (let i = 0; i < B; i++) D[i * nOut + yb[i]] -= 1; }
      else for (let i = 0; i < B; i++) D[i] -= yb[i];
      // backward: gradients of W_l, b_l, then the previous layer's delta
      for (let l = L - 1; l >= 0; l--) {
        const nin = sizes[l], nout = sizes[l + 1], A = acts[l], Dl = deltas[l + 1], wo = lay.w[l], bo = lay.b[l];
        g.fill(0, wo, bo + nout);
        mulAtB(A, B, nin, Dl, nout, g, wo);
        for (let i = 0; i < B; i++) for (let j = 0; j < nout; j++) g[bo + j] += Dl[i * nout + j];
        for (let i = wo; i < bo; i++) g[i] = (g[i] + alpha * p[i]) / B;
        for (let j = 0; j < nout; j++) g[bo + j] /= B;
        if (l === 0) break;
        const Dp = deltas[l];
        mulBt(Dl, B, nout, p, wo, nin, Dp);
        const len = B * nin;
        if (act === 'relu') { for (let i = 0; i < len; i++) if (A[i] === 0) Dp[i] = 0; }
        else if (act === 'tanh') { for (let i = 0; i < len; i++) Dp[i] *= 1 - A[i] * A[i]; }
        else for (let i = 0; i < len; i++) Dp[i] *= A[i] * (1 - A[i]);
      }
      // Adam
      t++;
      const step = (lr * Math.sqrt(1 - b2 ** t)) / (1 - b1 ** t);
      for (let i = 0; i < lay.total; i++) {
        const gi = g[i];
        m[i] = b1 * m[i] + (1 - b1) * gi;
        v[i] = b2 * v[i] + (1 - b2) * gi * gi;
        p[i] -= (step * m[i]) / (Math.sqrt(v[i]) + eps);
      }
    }
    loss = acc / nt;
    if (!Number.isFinite(loss)) throw new KernelError(`mlp_net: the training loss became ${loss} at epoch ${epoch}; lower learning_rate (now ${lr}) or standardize the features`);
    if (early) {
      const sc = score(p, state, X, y, valid);
      stall = sc < bestScore + tol ? stall + 1 : 0;
      if (sc > bestScore) { bestScore = sc; bestP = p.slice(); }
    } else {
      stall = loss > best - tol ? stall + 1 : 0;
      if (loss < best) best = loss;
    }
    if (stall > patience) break;
  }
  state.weights = Array.from(bestP ?? p);
  state.epochs = Math.min(epoch, maxEpochs);
  state.loss = loss;
  return state;
}

/** Forward pass in blocks; returns outputs (rows × nOut) or, with labels, class indices / values. */
function predictRaw(s: MlpState, p: Float64Array, Xin: Matrix, labels: boolean): Float64Array {
  if (Xin.cols !== s.sizes[0]) throw new KernelError(`mlp_net: model was fitted on ${s.sizes[0]} features, got ${Xin.cols}`);
  const X = toDense(Xin);
  assertFinite(X, 'mlp_net input');
  const lay = layout(s.sizes), L = s.sizes.length - 1, nOut = s.sizes[L], d = X.cols;
  const block = Math.min(256, Math.max(1, X.rows));
  const acts = s.sizes.map((z) => new Float64Array(block * z));
  const res = new Float64Array(X.rows * (labels ? 1 : nOut));
  for (let start = 0; start < X.rows; start += block) {
    const B = Math.min(block, X.rows - start);
    acts[0].set(X.data.subarray(start * d, (start + B) * d));
    forward(p, s.sizes, lay, acts, B, s.activation, s.output);
    const P = acts[L];
    if (!labels) { res.set(P.subarray(0, B * nOut), start * nOut); continue; }
    for (let i = 0; i < B; i++) {
      if (s.output === 'identity') res[start + i] = P[i];
      else if (s.output === 'logistic') res[start + i] = P[i] > 0.5 ? 1 : 0;
      else {
        let arg = 0;
        for (let j = 1; j < nOut; j++) if (P[i * nOut + j] > P[i * nOut + arg]) arg = j;
        res[start + i] = arg;
      }
    }
  }
  return res;
}

/** The kernel (typed by `satisfies`, so fit's synchronous return type stays visible). */
export const kernel = {
  name: 'mlp_net',
  fit,
  predict: (state, X) => predictRaw(state, Float64Array.from(state.weights), X, true),
  predictProba(state, X) {
    if (state.task !== 'classification') throw new KernelError('mlp_net: probabilities are for classification only');
    const P = predictRaw(state, Float64Array.from(state.weights), X, false);
    if (state.output !== 'logistic') return P;
    const out = new Float64Array(P.length * 2);
    for (let i = 0; i < P.length; i++) { out[2 * i] = 1 - P[i]; out[2 * i + 1] = P[i]; }
    return out;
  },
} satisfies ModelKernel<MlpState>;
