/** Declarations for libsvm-js 0.2.1 (CommonJS, no bundled types): the parts mlp uses. */

declare module 'libsvm-js/src/loadSVM.js' {
  /** Options turned into a libsvm command line; numbers are passed as strings/numbers verbatim. */
  export interface SVMOptions {
    type?: string;
    kernel?: string;
    degree?: number;
    gamma?: number;
    coef0?: number;
    cost?: number;
    nu?: number;
    epsilon?: number;
    cacheSize?: number;
    tolerance?: number;
    shrinking?: boolean;
    probabilityEstimates?: boolean;
    /** class label → weight multiplying C */
    weight?: Record<string, number>;
    quiet?: boolean;
  }
  export interface ProbabilityResult {
    prediction: number;
    estimates: { label: number; probability: number }[];
  }
  export class SVM {
    constructor(options?: SVMOptions);
    /** raw pointer to the C `svm_model` (0/null when untrained) */
    model: number | null;
    train(samples: ArrayLike<number>[], labels: ArrayLike<number>): void;
    crossValidation(samples: ArrayLike<number>[], labels: ArrayLike<number>, kFold: number): number[];
    free(): void;
    predictOne(sample: ArrayLike<number>): number;
    predict(samples: ArrayLike<number>[]): number[];
    predictOneProbability(sample: ArrayLike<number>): ProbabilityResult;
    predictProbability(samples: ArrayLike<number>[]): ProbabilityResult[];
    getLabels(): number[];
    getSVIndices(): number[];
    serializeModel(): string;
    static load(serializedModel: string): SVM;
    static SVM_TYPES: { C_SVC: string; NU_SVC: string; ONE_CLASS: string; EPSILON_SVR: string; NU_SVR: string };
    static KERNEL_TYPES: { LINEAR: string; POLYNOMIAL: string; RBF: string; SIGMOID: string; PRECOMPUTED: string };
  }
  /** Builds the SVM class on an initialized emscripten module. */
  export default function loadSVM(libsvm: import('libsvm-js/out/wasm/libsvm.js').LibsvmModule): typeof SVM;
}

declare module 'libsvm-js/out/wasm/libsvm.js' {
  /** The emscripten module (WASM build). Heap views are replaced when memory grows: read them from the module each time. */
  export interface LibsvmModule {
    load(): Promise<void>;
    HEAPU8: Uint8Array;
    HEAP32: Int32Array;
    HEAPF64: Float64Array;
    printErr: (message: string) => void;
    _malloc(bytes: number): number;
    _free(pointer: number): void;
    /** parses a NUL-terminated libsvm model text at a heap pointer; returns an svm_model pointer */
    _deserialize_model(text: number): number;
  }
  const libsvm: LibsvmModule;
  export default libsvm;
}

declare module 'libsvm-js' {
  import type { SVM } from 'libsvm-js/src/loadSVM.js';
  /** Resolves to the SVM class once the WASM is compiled. */
  const ready: Promise<typeof SVM>;
  export default ready;
}
