/** Rule unusedFeature: warns about features no model uses (directly or through another feature). */
import { describe, it } from 'vitest';
import { expectErrors, expectValid, header } from '../helpers.ts';

describe('UnusedFeature (MLP6001)', () => {
  it('warns about a feature outside every using list', () => {
    expectErrors(header + 'features {\n  size = standardize(bill_length_mm)\n  depth = standardize(bill_depth_mm)\n}\nmodels { knn = knn() using size }\n', [
      { code: 'MLP6001', line: 5, column: 3, severity: 'warning', message: 'Feature `depth` is declared but no model uses it.' },
    ]);
  });
  it('counts features used by other features', () => {
    expectValid(header + 'features {\n  base = bill_length_mm * 2\n  size = base |> standardize\n}\nmodels { knn = knn() using size }\n');
  });
  it('counts every feature for a model without using', () => {
    expectValid(header + 'features {\n  size = standardize(bill_length_mm)\n  depth = standardize(bill_depth_mm)\n}\nmodels { knn = knn() }\n');
  });
});
