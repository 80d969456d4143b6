/** Loads a model family's kernel by its catalog `kernel` name (lazily: the SVM loads WebAssembly). */
import type { ModelKernel } from './contract.ts';

const loaders: Record<string, () => Promise<{ kernel: ModelKernel }>> = {
  gaussian_nb: () => import('./gaussian_nb.ts'),
  multinomial_nb: () => import('./multinomial_nb.ts'),
  knn: () => import('./knn.ts'),
  linear: () => import('./linear.ts'),
  ridge: () => import('./ridge.ts'),
  lasso: () => import('./lasso.ts'),
  elastic_net: () => import('./elastic_net.ts'),
  logistic: () => import('./logistic.ts'),
  svm: () => import('./svm.ts'),
  decision_tree: () => import('./decision_tree.ts'),
  random_forest: () => import('./random_forest.ts'),
  gradient_boosting: () => import('./gradient_boosting.ts'),
  mlp_net: () => import('./mlp_net.ts'),
};

const loaded = new Map<string, Promise<ModelKernel>>();

/** The kernel for a catalog model, initialised once per process (or worker). */
export function loadKernel(name: string): Promise<ModelKernel> {
  let k = loaded.get(name);
  if (!k) {
    const load = loaders[name];
    if (!load) return Promise.reject(new Error(`model \`${name}\` has no kernel`));
    k = load().then(async (m) => {
      await m.kernel.init?.();
      return m.kernel;
    });
    loaded.set(name, k);
  }
  return k;
}
