/** The catalog: one table of every model, transform, metric, function and block setting. */
import type { BlockEntry, CatalogEntry, FunctionEntry, MetricEntry, ModelEntry, ParamSpec, Task, TransformEntry, ParamValue } from './types.ts';
import { decision_tree } from './models/decision_tree.ts';
import { elastic_net } from './models/elastic_net.ts';
import { gaussian_nb } from './models/gaussian_nb.ts';
import { gradient_boosting } from './models/gradient_boosting.ts';
import { knn } from './models/knn.ts';
import { lasso } from './models/lasso.ts';
import { linear } from './models/linear.ts';
import { logistic } from './models/logistic.ts';
import { mlp_net } from './models/mlp_net.ts';
import { multinomial_nb } from './models/multinomial_nb.ts';
import { random_forest } from './models/random_forest.ts';
import { ridge } from './models/ridge.ts';
import { svm } from './models/svm.ts';
import { abs } from './transforms/abs.ts';
import { bin } from './transforms/bin.ts';
import { bow } from './transforms/bow.ts';
import { date_parts } from './transforms/date_parts.ts';
import { exp } from './transforms/exp.ts';
import { interactions } from './transforms/interactions.ts';
import { length } from './transforms/length.ts';
import { log } from './transforms/log.ts';
import { log1p } from './transforms/log1p.ts';
import { minmax } from './transforms/minmax.ts';
import { onehot } from './transforms/onehot.ts';
import { ordinal } from './transforms/ordinal.ts';
import { polynomial } from './transforms/polynomial.ts';
import { power } from './transforms/power.ts';
import { robust } from './transforms/robust.ts';
import { sqrt } from './transforms/sqrt.ts';
import { square } from './transforms/square.ts';
import { standardize } from './transforms/standardize.ts';
import { tfidf } from './transforms/tfidf.ts';
import { words } from './transforms/words.ts';
import { metrics } from './metrics.ts';
import { functions } from './functions.ts';
import { blocks } from './blocks.ts';

export * from './types.ts';
export { defaultMetric } from './metrics.ts';

export const models: readonly ModelEntry[] = [decision_tree, elastic_net, gaussian_nb, gradient_boosting, knn, lasso, linear, logistic, mlp_net, multinomial_nb, random_forest, ridge, svm];
export const transforms: readonly TransformEntry[] = [abs, bin, bow, date_parts, exp, interactions, length, log, log1p, minmax, onehot, ordinal, polynomial, power, robust, sqrt, square, standardize, tfidf, words];
export { metrics, functions, blocks };

const byName = <E extends { name: string }>(entries: readonly E[]) => new Map(entries.map((e) => [e.name, e]));
const modelMap = byName(models);
const transformMap = byName(transforms);
const metricMap = byName(metrics);
const functionMap = byName(functions);
const blockMap = byName(blocks);

export const model = (name: string): ModelEntry | undefined => modelMap.get(name);
export const transform = (name: string): TransformEntry | undefined => transformMap.get(name);
export const metric = (name: string): MetricEntry | undefined => metricMap.get(name);
export const block = (name: string): BlockEntry | undefined => blockMap.get(name);

/** A built-in function of the given role (e.g. 'validation'), or undefined. */
export function fn(name: string, role?: FunctionEntry['role']): FunctionEntry | undefined {
  const e = functionMap.get(name);
  return e && (!role || e.role === role) ? e : undefined;
}

/** Names of the built-in functions of one role. */
export const functionNames = (role: FunctionEntry['role']): string[] => functions.filter((f) => f.role === role).map((f) => f.name);

/** Every entry, for docs and the language server. */
export const allEntries = (): CatalogEntry[] => [...models, ...transforms, ...metrics, ...functions, ...blocks];

/** A parameter's default for a task (some defaults differ between classification and regression). */
export function defaultFor(spec: ParamSpec, task: Task): ParamValue | string[] | undefined {
  const d = spec.default;
  if (d !== null && typeof d === 'object' && !Array.isArray(d)) return d[task];
  return d;
}
