/**
 * Support vector machines (C-SVC for classification, epsilon-SVR for
 * regression) backed by libsvm-js 0.2.1, libsvm compiled to WebAssembly.
 *
 * - The WASM loads once per process/worker in init(); fit/predict throw a
 *   KernelError if init() was not awaited.
 * - Sparse input is densified (libsvm-js only takes dense rows).
 * - Training rows are passed grouped by class (a stable sort), so libsvm's
 *   label order is 0..k-1 like scikit-learn's (this decides one-vs-one vote ties).
 * - The fitted state is plain JSON read straight out of the C `svm_model`
 *   (full-precision rho, coefficients and support vectors: libsvm-js's own
 *   serializeModel() prints rho with 6 digits and vectors with 8).
 * - predict() is libsvm's svm_predict re-implemented on dense typed arrays
 *   (libsvm-js's sparse-node WASM predict was 3–50× slower than sklearn's).
 * - A single class in the training data is a KernelError (as in scikit-learn).
 * - probability: true does libsvm's Platt scaling outside libsvm (platt.ts):
 *   libsvm's own draws its 5 cross-validation folds from the C rand() stream,
 *   which libsvm-js cannot seed, so probabilities differed between processes.
 *   Here the model is trained with libsvm's probability off; for each pair of
 *   classes (libsvm's one-vs-one order) a 5-fold cross-validation on that
 *   pair's rows, folds from a shuffle seeded by FitInput.seed, gives
 *   out-of-fold decision values (each fold model trained in the WASM and
 *   freed), fitted to a sigmoid (probA, probB) by libsvm's sigmoid_train.
 *   predictProba() is libsvm's svm_predict_probability in TypeScript (pairwise
 *   coupling for 3+ classes). Same seed, same probabilities; they differ from
 *   scikit-learn's only through the folds. predict() never uses them (it is
 *   libsvm's vote, not the most probable class).
 */
import { createRequire } from 'node:module';
import type { LibsvmModule } from 'libsvm-js/out/wasm/libsvm.js';
import type { SVM as SVMClass, SVMOptions } from 'libsvm-js/src/loadSVM.js';
import { KernelError, assertFinite, toDense, type DenseMatrix, type FitInput, type Matrix, type ModelKernel, type Params, type Task } from './contract.ts';
import { foldDecisionValues, pairwiseProbabilities, sigmoidTrain } from './platt.ts';
import { deriveSeed } from '../random.ts';

type Kernel = 'linear' | 'rbf' | 'poly' | 'sigmoid';

export interface SvmState {
  task: Task;
  /** number of classes the runtime knows (predictProba width); 0 for regression */
  classes: number;
  kernel: Kernel;
  gamma: number;
  degree: number;
  coef0: number;
  cols: number;
  /** libsvm labels (class indices; empty for regression) */
  labels: number[];
  /** support vectors per label */
  nSV: number[];
  rho: number[];
  /** Platt sigmoid per one-vs-one pair (P(first class) = 1/(1+exp(A·f+B))); null without probability: true */
  probA: number[] | null;
  probB: number[] | null;
  /** (labels-1) × supportVectors dual coefficients, row-major */
  svCoef: number[];
  /** supportVectors × cols, row-major */
  sv: number[];
  supportVectors: number;
}

/** What a fitted state takes from the fit call rather than from libsvm. */
type Base = Pick<SvmState, 'task' | 'classes' | 'kernel' | 'gamma' | 'degree' | 'coef0'>;

const KERNEL_CODE: Record<Kernel, string> = { linear: '0', poly: '1', rbf: '2', sigmoid: '3' };

let lib: { SVM: typeof SVMClass; wasm: LibsvmModule } | null = null;
let loading: Promise<void> | null = null;

/** Loads the libsvm WASM once, dropping its "streaming compile failed" noise and its process-exiting unhandledRejection hook. */
async function load(): Promise<void> {
  const require = createRequire(import.meta.url);
  const hooks = new Set(process.listeners('unhandledRejection'));
  const wasm: LibsvmModule = require('libsvm-js/out/wasm/libsvm.js');
  for (const h of process.listeners('unhandledRejection')) if (!hooks.has(h)) process.off('unhandledRejection', h);
  wasm.printErr = (m: string) => { if (!/streaming compile failed|falling back to ArrayBuffer/.test(m)) console.warn(m); };
  await wasm.load();
  const loadSVM: (m: LibsvmModule) => typeof SVMClass = require('libsvm-js/src/loadSVM.js');
  lib = { SVM: loadSVM(wasm), wasm };
}

function ready(): NonNullable<typeof lib> {
  if (!lib) throw new KernelError('svm: the libsvm WebAssembly is not loaded; await kernel.init() before fit/predict');
  return lib;
}

function num(params: Params, key: string, fallback: number): number {
  const v = params[key] ?? fallback;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new KernelError(`svm: ${key} must be a number, got ${JSON.stringify(v)}`);
  return v;
}

/** sklearn's gamma: 'scale' = 1/(n_features·Var(X)), 'auto' = 1/n_features, or the number given. */
function resolveGamma(g: unknown, X: DenseMatrix): number {
  if (typeof g === 'number' && g > 0) return g;
  if (g === 'auto') return 1 / X.cols;
  if (g !== 'scale' && g !== undefined && g !== null) throw new KernelError(`svm: gamma must be 'scale', 'auto' or a positive number, got ${JSON.stringify(g)}`);
  const d = X.data;
  let mean = 0;
  for (let i = 0; i < d.length; i++) mean += d[i];
  mean /= d.length;
  let ss = 0;
  for (let i = 0; i < d.length; i++) ss += (d[i] - mean) * (d[i] - mean);
  const v = ss / d.length;
  return v !== 0 ? 1 / (X.cols * v) : 1;
}

function fit(input: FitInput, params: Params): SvmState {
  const { SVM, wasm } = ready();
  const X = toDense(input.X);
  assertFinite(X, 'svm input');
  const n = X.rows, d = X.cols;
  if (n === 0 || d === 0) throw new KernelError('svm: empty training matrix');
  for (let i = 0; i < n; i++) if (!Number.isFinite(input.y[i])) throw new KernelError(`svm: target contains ${input.y[i]} at row ${i}`);
  const kernel = (params.kernel ?? 'rbf') as Kernel;
  if (!(kernel in KERNEL_CODE)) throw new KernelError(`svm: unknown kernel ${JSON.stringify(kernel)} (linear, rbf, poly, sigmoid)`);
  const C = num(params, 'C', 1);
  if (C <= 0) throw new KernelError(`svm: C must be positive, got ${C}`);
  const gamma = resolveGamma(params.gamma ?? 'scale', X);
  const degree = num(params, 'degree', 3), coef0 = num(params, 'coef0', 0);
  const classify = input.task === 'classification';

  // rows grouped by class (stable), so labels appear in ascending order
  const order = new Int32Array(n);
  const weight: Record<string, number> = {};
  let k = 0;
  if (classify) {
    k = input.classes;
    for (let i = 0; i < n; i++) k = Math.max(k, input.y[i] + 1);
    const count = new Int32Array(k);
    for (let i = 0; i < n; i++) count[input.y[i]]++;
    const present = count.filter((c) => c > 0).length;
    if (present < 2) throw new KernelError(`svm: the training data holds a single class (${input.y[0]}); a classifier needs at least two`);
    const start = new Int32Array(k);
    for (let c = 1; c < k; c++) start[c] = start[c - 1] + count[c - 1];
    for (let i = 0; i < n; i++) order[start[input.y[i]]++] = i;
    const cw = params.class_weight ?? 'none';
    if (cw === 'balanced') for (let c = 0; c < k; c++) { if (count[c] > 0) weight[c] = n / (present * count[c]); }
    else if (cw !== 'none' && cw !== null) throw new KernelError(`svm: class_weight must be 'none' or 'balanced', got ${JSON.stringify(cw)}`);
  } else {
    for (let i = 0; i < n; i++) order[i] = i;
  }
  const labels = new Float64Array(n);
  for (let i = 0; i < n; i++) labels[i] = input.y[order[i]];
  const probability = classify && params.probability === true;
  const options: SVMOptions = {
    type: classify ? SVM.SVM_TYPES.C_SVC : SVM.SVM_TYPES.EPSILON_SVR,
    kernel: KERNEL_CODE[kernel], degree, gamma, coef0, cost: C,
    epsilon: num(params, 'epsilon', 0.1), tolerance: num(params, 'tol', 1e-3), cacheSize: 200,
    shrinking: params.shrinking !== false, probabilityEstimates: false,
    ...(Object.keys(weight).length ? { weight } : {}),
    quiet: true,
  };
  const base = { task: input.task, classes: k, kernel, gamma, degree, coef0 };
  const state = train(SVM, wasm, X, order, labels, options, base);
  if (probability) {
    const cw = (c: number) => C * (weight[c] ?? 1);
    const ab = platt(SVM, wasm, X, order, labels, state.labels, input.seed, { ...options, cost: 1 }, base, cw);
    state.probA = ab.A;
    state.probB = ab.B;
  }
  return state;
}

/** Trains libsvm on the rows `rows` of X (labels given per row), reads the model into JSON state and frees it. */
function train(SVM: typeof SVMClass, wasm: LibsvmModule, X: DenseMatrix, rows: ArrayLike<number>, labels: Float64Array,
  options: SVMOptions, base: Base): SvmState {
  const d = X.cols, samples: Float64Array[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) samples[i] = X.data.subarray(rows[i] * d, rows[i] * d + d);
  const svm = new SVM(options);
  try {
    svm.train(samples, labels);
    return readModel(svm.model!, wasm, svm.getSVIndices().map((i) => rows[i]), X, base);
  } finally {
    svm.free();
  }
}

/**
 * libsvm's svm_binary_svc_probability for every one-vs-one pair (i, j) of
 * `present` (libsvm's label order): the pair's rows (class i first, as +1),
 * seeded 5-fold decision values, sigmoid_train. Fold models get C = 1 and
 * weights Cp = cw(i), Cn = cw(j), as in libsvm.
 */
function platt(SVM: typeof SVMClass, wasm: LibsvmModule, X: DenseMatrix, order: Int32Array, labels: Float64Array, present: number[],
  seed: number, options: SVMOptions, base: Base,
  cw: (c: number) => number): { A: number[]; B: number[] } {
  const A: number[] = [], B: number[] = [];
  const rowsOf = (c: number) => { const r: number[] = []; for (let i = 0; i < order.length; i++) if (labels[i] === c) r.push(order[i]); return r; };
  const byClass = present.map(rowsOf);
  for (let i = 0; i < present.length; i++) {
    for (let j = i + 1; j < present.length; j++) {
      const rows = Int32Array.from([...byClass[i], ...byClass[j]]);
      const positive = Array.from(rows, (_, r) => r < byClass[i].length);
      const foldOptions: SVMOptions = { ...options, weight: { 0: cw(present[i]), 1: cw(present[j]) } };
      const dec = foldDecisionValues(positive, deriveSeed(seed, `svm-platt:${present[i]}:${present[j]}`), (tr, te) => {
        // +1 rows first (label 0), so libsvm's first label is the positive class
        const trRows: number[] = [], trLabels: number[] = [];
        for (const r of tr) if (positive[r]) { trRows.push(rows[r]); trLabels.push(0); }
        for (const r of tr) if (!positive[r]) { trRows.push(rows[r]); trLabels.push(1); }
        const sub = train(SVM, wasm, X, trRows, Float64Array.from(trLabels), foldOptions, { ...base, classes: 2 });
        const sign = sub.labels[0] === 0 ? 1 : -1;
        const out = new Float64Array(te.length);
        decisionValues(sub, X, Array.from(te, (r) => rows[r]), (t, dv) => { out[t] = sign * dv[0]; });
        return out;
      });
      const ab = sigmoidTrain(dec, positive);
      A.push(ab.A);
      B.push(ab.B);
    }
  }
  return { A, B };
}

/** Reads the trained C `struct svm_model` (libsvm 3.2x layout on wasm32) into JSON state. */
function readModel(m: number, wasm: LibsvmModule, svRows: number[], X: DenseMatrix,
  base: Base): SvmState {
  const H32 = wasm.HEAP32, F64 = wasm.HEAPF64;
  const nrClass = H32[(m + 96) >> 2], l = H32[(m + 100) >> 2];
  if (l !== svRows.length || nrClass < 1) throw new Error('svm: unexpected libsvm-js svm_model layout');
  const doubles = (p: number, len: number) => (p ? Array.from(F64.subarray(p >> 3, (p >> 3) + len)) : null);
  const ints = (p: number, len: number) => (p ? Array.from(H32.subarray(p >> 2, (p >> 2) + len)) : []);
  const pairs = (nrClass * (nrClass - 1)) / 2;
  const svCoef: number[] = [];
  for (let r = 0; r < nrClass - 1; r++) {
    const p = H32[(H32[(m + 108) >> 2] >> 2) + r] >> 3;
    for (let s = 0; s < l; s++) svCoef.push(F64[p + s]);
  }
  const d = X.cols;
  const sv: number[] = new Array(l * d);
  for (let s = 0; s < l; s++) for (let j = 0; j < d; j++) sv[s * d + j] = X.data[svRows[s] * d + j];
  const classify = base.task === 'classification';
  return {
    task: base.task, classes: base.classes, kernel: base.kernel, gamma: base.gamma, degree: base.degree, coef0: base.coef0, cols: d,
    labels: classify ? ints(H32[(m + 128) >> 2], nrClass) : [],
    nSV: classify ? ints(H32[(m + 132) >> 2], nrClass) : [],
    rho: doubles(H32[(m + 112) >> 2], pairs)!,
    probA: null,
    probB: null,
    svCoef, sv, supportVectors: l,
  };
}

/**
 * libsvm's svm_predict_values in plain TypeScript on dense rows (all rows of X,
 * or the listed ones): calls visit(t, dec) for the t-th row with the SVR value
 * in dec[0] or the k(k−1)/2 one-vs-one decision values (pair order (0,1), (0,2), …).
 */
function decisionValues(s: SvmState, X: DenseMatrix, rows: ArrayLike<number> | null, visit: (t: number, dec: Float64Array) => void): void {
  const l = s.supportVectors, d = s.cols, sv = Float64Array.from(s.sv), coef = Float64Array.from(s.svCoef);
  const kv = new Float64Array(l);
  const nr = s.labels.length, start = new Int32Array(nr);
  for (let c = 1; c < nr; c++) start[c] = start[c - 1] + s.nSV[c - 1];
  const dec = new Float64Array(s.task === 'regression' ? 1 : (nr * (nr - 1)) / 2);
  const { gamma, coef0, degree, kernel } = s;
  const count = rows ? rows.length : X.rows;
  if (kernel === 'linear') {
    // a linear kernel collapses each pair's support vectors into one weight vector: O(features) per row and pair
    const w = linearWeights(s, sv, coef, start);
    for (let t = 0; t < count; t++) {
      const xo = (rows ? rows[t] : t) * d;
      for (let p = 0; p < dec.length; p++) {
        let acc = 0;
        for (let j = 0; j < d; j++) acc += w[p * d + j] * X.data[xo + j];
        dec[p] = acc - s.rho[p];
      }
      visit(t, dec);
    }
    return;
  }
  for (let t = 0; t < count; t++) {
    const xo = (rows ? rows[t] : t) * d;
    for (let i = 0; i < l; i++) {
      const so = i * d;
      let acc = 0;
      if (kernel === 'rbf') {
        for (let j = 0; j < d; j++) { const u = X.data[xo + j] - sv[so + j]; acc += u * u; }
        kv[i] = Math.exp(-gamma * acc);
      } else {
        for (let j = 0; j < d; j++) acc += X.data[xo + j] * sv[so + j];
        kv[i] = kernel === 'poly' ? (gamma * acc + coef0) ** degree : Math.tanh(gamma * acc + coef0);
      }
    }
    if (s.task === 'regression') {
      let sum = 0;
      for (let i = 0; i < l; i++) sum += coef[i] * kv[i];
      dec[0] = sum - s.rho[0];
    } else {
      let p = 0;
      for (let i = 0; i < nr; i++) {
        for (let j = i + 1; j < nr; j++) {
          let sum = 0;
          const si = start[i], sj = start[j], c1 = (j - 1) * l, c2 = i * l;
          for (let k = 0; k < s.nSV[i]; k++) sum += coef[c1 + si + k] * kv[si + k];
          for (let k = 0; k < s.nSV[j]; k++) sum += coef[c2 + sj + k] * kv[sj + k];
          dec[p] = sum - s.rho[p];
          p++;
        }
      }
    }
    visit(t, dec);
  }
}

/** Per one-vs-one pair (or the one SVR function), w = Σ coef·sv over the pair's support vectors. */
function linearWeights(s: SvmState, sv: Float64Array, coef: Float64Array, start: Int32Array): Float64Array {
  const d = s.cols, l = s.supportVectors, nr = s.labels.length;
  if (s.task === 'regression') {
    const w = new Float64Array(d);
    for (let i = 0; i < l; i++) for (let j = 0; j < d; j++) w[j] += coef[i] * sv[i * d + j];
    return w;
  }
  const w = new Float64Array(((nr * (nr - 1)) / 2) * d);
  let p = 0;
  for (let i = 0; i < nr; i++) {
    for (let j = i + 1; j < nr; j++, p++) {
      const c1 = (j - 1) * l, c2 = i * l;
      for (let k = 0; k < s.nSV[i]; k++) { const r = start[i] + k, a = coef[c1 + r]; for (let q = 0; q < d; q++) w[p * d + q] += a * sv[r * d + q]; }
      for (let k = 0; k < s.nSV[j]; k++) { const r = start[j] + k, a = coef[c2 + r]; for (let q = 0; q < d; q++) w[p * d + q] += a * sv[r * d + q]; }
    }
  }
  return w;
}

/** libsvm's svm_predict: the SVR value, or the one-vs-one vote (ties → lower label). */
function predictDense(s: SvmState, X: DenseMatrix): Float64Array {
  const out = new Float64Array(X.rows);
  const nr = s.labels.length, vote = new Int32Array(nr);
  decisionValues(s, X, null, (r, dec) => {
    if (s.task === 'regression') { out[r] = dec[0]; return; }
    vote.fill(0);
    let p = 0;
    for (let i = 0; i < nr; i++) for (let j = i + 1; j < nr; j++) { if (dec[p++] > 0) vote[i]++; else vote[j]++; }
    let best = 0;
    for (let i = 1; i < nr; i++) if (vote[i] > vote[best]) best = i;
    out[r] = s.labels[best];
  });
  return out;
}

/** libsvm's svm_predict_probability: Platt sigmoids per pair, coupled for 3+ classes; absent classes get 0. */
function probaDense(s: SvmState, X: DenseMatrix): Float64Array {
  const k = s.classes, nr = s.labels.length, out = new Float64Array(X.rows * k);
  const p = new Float64Array(nr), r = new Float64Array(nr * nr), probA = s.probA!, probB = s.probB!;
  decisionValues(s, X, null, (row, dec) => {
    pairwiseProbabilities(nr, dec, probA, probB, p, r);
    for (let c = 0; c < nr; c++) out[row * k + s.labels[c]] = p[c];
  });
  return out;
}

/** Checks and densifies prediction input. */
function checked(state: SvmState, X: Matrix): DenseMatrix {
  if (X.cols !== state.cols) throw new KernelError(`svm: model was fitted on ${state.cols} features, got ${X.cols}`);
  const D = toDense(X);
  assertFinite(D, 'svm input');
  return D;
}

/** The kernel (typed by `satisfies`, so fit's synchronous return type stays visible). */
export const kernel = {
  name: 'svm',
  init: () => (loading ??= load()),
  fit,
  predict: (state, X) => predictDense(state, checked(state, X)),
  predictProba(state, X) {
    if (state.task !== 'classification' || !state.probA || !state.probB) throw new KernelError('svm: probabilities need probability: true (classification only)');
    return probaDense(state, checked(state, X));
  },
} satisfies ModelKernel<SvmState>;
