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
 *   (libsvm-js's sparse-node WASM predict was 3–50× slower than sklearn's);
 *   predictProba() rebuilds libsvm's model text, loads it into the WASM,
 *   uses libsvm's Platt/pairwise-coupling code and frees it.
 * - A single class in the training data is a KernelError (as in scikit-learn).
 * - probability: true uses libsvm's internal 5-fold Platt scaling. libsvm-js
 *   exports no srand(), so those folds come from the C rand() stream of the
 *   process: probabilities (not predictions) can differ between processes.
 */
import { createRequire } from 'node:module';
import type { LibsvmModule } from 'libsvm-js/out/wasm/libsvm.js';
import type { SVM as SVMClass, SVMOptions } from 'libsvm-js/src/loadSVM.js';
import { KernelError, assertFinite, toDense, type DenseMatrix, type FitInput, type Matrix, type ModelKernel, type Params, type Task } from './contract.ts';

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
  probA: number[] | null;
  probB: number[] | null;
  /** (labels-1) × supportVectors dual coefficients, row-major */
  svCoef: number[];
  /** supportVectors × cols, row-major */
  sv: number[];
  supportVectors: number;
}

const KERNEL_CODE: Record<Kernel, string> = { linear: '0', poly: '1', rbf: '2', sigmoid: '3' };
const KERNEL_NAME: Record<Kernel, string> = { linear: 'linear', poly: 'polynomial', rbf: 'rbf', sigmoid: 'sigmoid' };

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
  const samples: Float64Array[] = new Array(n);
  const labels = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    samples[i] = X.data.subarray(order[i] * d, order[i] * d + d);
    labels[i] = input.y[order[i]];
  }
  const probability = classify && params.probability === true;
  const options: SVMOptions = {
    type: classify ? SVM.SVM_TYPES.C_SVC : SVM.SVM_TYPES.EPSILON_SVR,
    kernel: KERNEL_CODE[kernel], degree, gamma, coef0, cost: C,
    epsilon: num(params, 'epsilon', 0.1), tolerance: num(params, 'tol', 1e-3), cacheSize: 200,
    shrinking: params.shrinking !== false, probabilityEstimates: probability,
    ...(Object.keys(weight).length ? { weight } : {}),
    quiet: true,
  };
  const svm = new SVM(options);
  try {
    svm.train(samples, labels);
    const svIndex = svm.getSVIndices();
    return readModel(svm.model!, wasm, svIndex.map((i) => order[i]), X, {
      task: input.task, classes: k, kernel, gamma, degree, coef0, probability,
    });
  } finally {
    svm.free();
  }
}

/** Reads the trained C `struct svm_model` (libsvm 3.2x layout on wasm32) into JSON state. */
function readModel(m: number, wasm: LibsvmModule, svRows: number[], X: DenseMatrix,
  base: Pick<SvmState, 'task' | 'classes' | 'kernel' | 'gamma' | 'degree' | 'coef0'> & { probability: boolean }): SvmState {
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
    probA: base.probability ? doubles(H32[(m + 116) >> 2], pairs) : null,
    probB: base.probability ? doubles(H32[(m + 120) >> 2], pairs) : null,
    svCoef, sv, supportVectors: l,
  };
}

/** libsvm's model file text for a state (what svm_load_model reads). */
function modelText(s: SvmState): string {
  const out = [`svm_type ${s.task === 'classification' ? 'c_svc' : 'epsilon_svr'}`, `kernel_type ${KERNEL_NAME[s.kernel]}`];
  if (s.kernel === 'poly') out.push(`degree ${s.degree}`);
  if (s.kernel !== 'linear') out.push(`gamma ${s.gamma}`);
  if (s.kernel === 'poly' || s.kernel === 'sigmoid') out.push(`coef0 ${s.coef0}`);
  const nrClass = s.task === 'classification' ? s.labels.length : 2;
  out.push(`nr_class ${nrClass}`, `total_sv ${s.supportVectors}`, `rho ${s.rho.join(' ')}`);
  if (s.task === 'classification') {
    out.push(`label ${s.labels.join(' ')}`);
    if (s.probA && s.probB) out.push(`probA ${s.probA.join(' ')}`, `probB ${s.probB.join(' ')}`);
    out.push(`nr_sv ${s.nSV.join(' ')}`);
  }
  out.push('SV');
  const l = s.supportVectors, d = s.cols;
  for (let i = 0; i < l; i++) {
    let line = '';
    for (let r = 0; r < nrClass - 1; r++) line += `${s.svCoef[r * l + i]} `;
    for (let j = 0; j < d; j++) line += `${j + 1}:${s.sv[i * d + j]} `;
    out.push(line);
  }
  return out.join('\n') + '\n';
}

/** libsvm's svm_predict in plain TypeScript on dense rows: kernel values, one-vs-one votes (ties → lower label) or the SVR sum. */
function predictDense(s: SvmState, X: DenseMatrix): Float64Array {
  const l = s.supportVectors, d = s.cols, sv = Float64Array.from(s.sv), coef = Float64Array.from(s.svCoef);
  const kv = new Float64Array(l), out = new Float64Array(X.rows);
  const nr = s.labels.length, start = new Int32Array(nr), vote = new Int32Array(nr);
  for (let c = 1; c < nr; c++) start[c] = start[c - 1] + s.nSV[c - 1];
  const { gamma, coef0, degree, kernel } = s;
  for (let r = 0; r < X.rows; r++) {
    const xo = r * d;
    for (let i = 0; i < l; i++) {
      const so = i * d;
      let acc = 0;
      if (kernel === 'rbf') {
        for (let j = 0; j < d; j++) { const t = X.data[xo + j] - sv[so + j]; acc += t * t; }
        kv[i] = Math.exp(-gamma * acc);
      } else {
        for (let j = 0; j < d; j++) acc += X.data[xo + j] * sv[so + j];
        kv[i] = kernel === 'linear' ? acc : kernel === 'poly' ? (gamma * acc + coef0) ** degree : Math.tanh(gamma * acc + coef0);
      }
    }
    if (s.task === 'regression') {
      let sum = 0;
      for (let i = 0; i < l; i++) sum += coef[i] * kv[i];
      out[r] = sum - s.rho[0];
      continue;
    }
    vote.fill(0);
    let p = 0;
    for (let i = 0; i < nr; i++) {
      for (let j = i + 1; j < nr; j++) {
        let sum = 0;
        const si = start[i], sj = start[j], c1 = (j - 1) * l, c2 = i * l;
        for (let k = 0; k < s.nSV[i]; k++) sum += coef[c1 + si + k] * kv[si + k];
        for (let k = 0; k < s.nSV[j]; k++) sum += coef[c2 + sj + k] * kv[sj + k];
        if (sum - s.rho[p++] > 0) vote[i]++; else vote[j]++;
      }
    }
    let best = 0;
    for (let i = 1; i < nr; i++) if (vote[i] > vote[best]) best = i;
    out[r] = s.labels[best];
  }
  return out;
}

const texts = new WeakMap<SvmState, string>();

/** Runs fn on the state's model loaded into WASM, then frees it. */
function withModel<T>(state: SvmState, X: Matrix, fn: (svm: SVMClass, D: DenseMatrix) => T): T {
  const { SVM, wasm } = ready();
  if (X.cols !== state.cols) throw new KernelError(`svm: model was fitted on ${state.cols} features, got ${X.cols}`);
  const D = toDense(X);
  assertFinite(D, 'svm input');
  let text = texts.get(state);
  if (text === undefined) texts.set(state, (text = modelText(state)));
  // SVM.load() would copy the text onto the 5 MB WASM stack (4 bytes a character): malloc it instead
  const bytes = new TextEncoder().encode(text), ptr = wasm._malloc(bytes.length + 1);
  wasm.HEAPU8.set(bytes, ptr);
  wasm.HEAPU8[ptr + bytes.length] = 0;
  const svm = new SVM();
  svm.model = wasm._deserialize_model(ptr);
  wasm._free(ptr);
  try {
    return fn(svm, D);
  } finally {
    svm.free();
  }
}

/** The kernel (typed by `satisfies`, so fit's synchronous return type stays visible). */
export const kernel = {
  name: 'svm',
  init: () => (loading ??= load()),
  fit,
  predict(state, X) {
    if (X.cols !== state.cols) throw new KernelError(`svm: model was fitted on ${state.cols} features, got ${X.cols}`);
    const D = toDense(X);
    assertFinite(D, 'svm input');
    return predictDense(state, D);
  },
  predictProba(state, X) {
    if (state.task !== 'classification' || !state.probA) throw new KernelError('svm: probabilities need probability: true (classification only)');
    return withModel(state, X, (svm, D) => {
      const k = state.classes, out = new Float64Array(D.rows * k);
      for (let i = 0; i < D.rows; i++) {
        const r = svm.predictOneProbability(D.data.subarray(i * D.cols, (i + 1) * D.cols));
        for (const e of r.estimates) out[i * k + e.label] = e.probability;
      }
      return out;
    });
  },
} satisfies ModelKernel<SvmState>;
