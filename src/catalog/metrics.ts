/** Every evaluation metric: which task it fits, which way is better, what it needs. */
import type { MetricEntry, Task } from './types.ts';

const m = (name: string, tasks: Task[], greaterIsBetter: boolean, doc: string, extra: Partial<MetricEntry> = {}): MetricEntry =>
  ({ kind: 'metric', name, doc, tasks, greaterIsBetter, binary: false, scores: false, optimizable: true, ...extra });
const C: Task[] = ['classification'];
const R: Task[] = ['regression'];

export const metrics: readonly MetricEntry[] = [
  m('accuracy', C, true, 'Share of rows whose predicted class is right.'),
  m('balanced_accuracy', C, true, 'Mean recall over classes; not fooled by a majority class.'),
  m('precision', C, true, 'Of the rows predicted positive, the share that are positive (binary; needs `positive`).', { binary: true }),
  m('recall', C, true, 'Of the positive rows, the share predicted positive (binary; needs `positive`).', { binary: true }),
  m('f1', C, true, 'Harmonic mean of precision and recall (binary; needs `positive`).', { binary: true }),
  m('precision_macro', C, true, 'Precision per class, averaged with equal weight.'),
  m('recall_macro', C, true, 'Recall per class, averaged with equal weight.'),
  m('f1_macro', C, true, 'F1 per class, averaged with equal weight.'),
  m('precision_weighted', C, true, 'Precision per class, averaged weighted by class support.'),
  m('recall_weighted', C, true, 'Recall per class, averaged weighted by class support.'),
  m('f1_weighted', C, true, 'F1 per class, averaged weighted by class support.'),
  m('roc_auc', C, true, 'Area under the ROC curve from class probabilities (one-vs-rest macro average for more than two classes).', { scores: true }),
  m('log_loss', C, false, 'Cross-entropy of the predicted class probabilities; lower is better.', { scores: true }),
  m('confusion', C, true, 'Confusion matrix (rows: true class, columns: predicted). Reported, not optimised.', { optimizable: false }),
  m('rmse', R, false, 'Root mean squared error; in the target\'s units; lower is better.'),
  m('mse', R, false, 'Mean squared error; lower is better.'),
  m('mae', R, false, 'Mean absolute error; lower is better.'),
  m('r2', R, true, 'Coefficient of determination: 1 is perfect, 0 is no better than predicting the mean.'),
];

/** The default metric optimised for a task when the file names none. */
export const defaultMetric = (task: Task): string => (task === 'classification' ? 'accuracy' : 'rmse');
