import type { ModelEntry } from '../types.ts';
import { classWeight, tol } from '../params.ts';

const kernels = ['rbf', 'poly', 'sigmoid'] as const;

export const svm: ModelEntry = {
  kind: 'model', name: 'svm', kernel: 'svm', tasks: ['classification', 'regression'], probabilities: true, sparseInput: false, cost: 8,
  doc: 'Support vector machine (libsvm): C-SVC for classification, epsilon-SVR for regression, with linear, RBF, polynomial or sigmoid kernels. Scale the features first.',
  example: 'svm(kernel: [linear, rbf], C: logspace(-2, 2, 5), gamma: [scale, 0.01])',
  params: [
    { name: 'kernel', doc: 'Kernel function.', type: 'enum', values: ['linear', 'rbf', 'poly', 'sigmoid'], default: 'rbf' },
    { name: 'C', doc: 'Penalty of the error term; larger C fits the training rows more closely.', type: 'number', min: 0, minExclusive: true, default: 1.0 },
    { name: 'gamma', doc: 'Kernel coefficient: `scale` = 1/(features · variance), `auto` = 1/features, or a positive number.', type: 'number', values: ['scale', 'auto'], min: 0, minExclusive: true, default: 'scale', appliesWhen: { param: 'kernel', values: kernels } },
    { name: 'degree', doc: 'Degree of the polynomial kernel.', type: 'integer', min: 1, default: 3, appliesWhen: { param: 'kernel', values: ['poly'] } },
    { name: 'coef0', doc: 'Independent term of the polynomial and sigmoid kernels.', type: 'number', default: 0, appliesWhen: { param: 'kernel', values: ['poly', 'sigmoid'] } },
    { name: 'epsilon', doc: 'Width of the no-penalty tube (regression only).', type: 'number', min: 0, default: 0.1 },
    tol(1e-3), classWeight,
    { name: 'probability', doc: 'Calibrate class probabilities (Platt scaling; slower). Turned on automatically when a metric needs probabilities (ROC AUC, log loss).', type: 'boolean', default: false },
    { name: 'shrinking', doc: 'Use the shrinking heuristic.', type: 'boolean', default: true },
  ],
};
