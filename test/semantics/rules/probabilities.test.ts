/** Rule probabilities: ROC AUC and log loss need models that give class probabilities. */
import { describe, it } from 'vitest';
import { expectErrors, expectValid } from '../helpers.ts';

const data = 'data penguins = csv("penguins.csv")\nproblem classification { target = sex, metric = roc_auc, positive = "male" }\nfeatures { size = standardize(bill_length_mm) }\n';

describe('MetricNeedsProbabilities (MLP5015)', () => {
  it('reports a model without probabilities', () => {
    expectErrors(data + 'models { r = ridge() }\n', [
      { code: 'MLP5015', line: 4, column: 10, message: '`roc_auc` needs class probabilities, which `ridge` does not give; choose a model with probabilities or another metric.' },
    ]);
  });
  it('accepts models with probabilities', () => {
    expectValid(data + 'models {\n  knn = knn()\n  lr = logistic()\n}\n');
  });
});
