/** Rule metricFitsTask: metrics fit the task; binary metrics need `positive` and two classes. */
import { describe, it } from 'vitest';
import { expectErrors, expectValid, header, minimal } from '../helpers.ts';

const data = 'data penguins = csv("penguins.csv")\n';
const rest = 'features { size = standardize(bill_length_mm) }\nmodels { knn = knn() }\n';

describe('MetricTaskMismatch (MLP5003)', () => {
  it('reports a classification metric on regression, suggesting regression metrics', () => {
    expectErrors(data + 'problem regression { target = body_mass_g, metric = accuracy }\n' + rest, [
      { code: 'MLP5003', line: 2, column: 53, message: '`accuracy` is a classification metric, but the task is regression.', hint: 'For regression, try `rmse`, `mse`, `mae`, `r2`.' },
    ]);
  });
  it('reports a regression metric in the report of a classification', () => {
    expectErrors(header + minimal + 'report accuracy, rmse\n', [{ code: 'MLP5003', line: 5, column: 18, message: '`rmse` is a regression metric, but the task is classification.' }]);
  });
  it('accepts regression metrics on regression', () => {
    expectValid(data + 'problem regression { target = body_mass_g, metric = mae }\n' + rest + 'report rmse, r2\n');
  });
});

describe('BinaryMetricNeedsPositive (MLP5012)', () => {
  it('reports f1 on a two-class target without positive, suggesting a level', () => {
    expectErrors(data + 'problem classification { target = sex, metric = f1 }\n' + rest, [
      { code: 'MLP5012', line: 2, column: 49, message: '`f1` is a binary metric: set `positive` in the problem block, e.g. `positive = "male"`.' },
    ]);
  });
  it('accepts f1 with a positive class', () => {
    expectValid(data + 'problem classification { target = sex, metric = f1, positive = "male" }\n' + rest);
  });
});

describe('BinaryMetricMulticlass (MLP5013)', () => {
  it('reports a binary metric on a three-class target', () => {
    expectErrors(header + minimal + 'report f1\n', [
      { code: 'MLP5013', line: 5, column: 8, message: '`f1` is a binary metric, but `species` has 3 levels; use `f1_macro` or `f1_weighted`.' },
    ]);
  });
  it('accepts the macro variant', () => {
    expectValid(header + minimal + 'report f1_macro, precision_weighted\n');
  });
});
