/** Rule targetLeak: no feature reads the target column, directly or through another feature. */
import { describe, it } from 'vitest';
import { expectErrors, expectValid, header } from '../helpers.ts';

describe('TargetLeak (MLP5006)', () => {
  it('reports a feature computed from the target', () => {
    expectErrors(header + 'features { size = onehot(species) }\nmodels { knn = knn() }\n', [
      { code: 'MLP5006', line: 3, column: 12, message: 'Feature `size` uses the target `species`: the model would see the answer.', hint: 'Remove `species` from `size`; the target is only for training labels.' },
    ]);
  });
  it('reports leakage through another feature', () => {
    expectErrors(header + 'features {\n  leak = onehot(species)\n  both = standardize(bill_length_mm) + 0 * leak\n}\nmodels { knn = knn() using both }\n', [
      { code: 'MLP5006', line: 4, column: 3 },
      { code: 'MLP5006', line: 5, column: 3, message: 'Feature `both` uses the target `species`: the model would see the answer.' },
    ]);
  });
  it('accepts features of other columns', () => {
    expectValid(header + 'features { kind = onehot(island) }\nmodels { knn = knn() }\n');
  });
});
