/** Rule modelsReachable: there are model candidates, and each is reached by a feature. */
import { describe, it } from 'vitest';
import { expectErrors, expectValid, header } from '../helpers.ts';

const feature = 'features { size = standardize(bill_length_mm) }\n';

describe('UnreachableModel (MLP5007)', () => {
  it('reports a model when no features are declared', () => {
    expectErrors(header + 'models { knn = knn() }\n', [
      { code: 'MLP5007', line: 3, column: 10, message: 'No feature reaches model `knn`.', hint: 'Declare features in a `features { … }` block.' },
    ]);
  });
  it('does not cascade from an unknown feature in `using`', () => {
    expectErrors(header + feature + 'models { knn = knn() using siz }\n', [{ code: 'MLP6001', line: 3 }, { code: 'MLP2002', line: 4 }]);
  });
  it('does not cascade from features that have errors', () => {
    expectErrors(header + 'features { size = standardise(bill_length_mm) }\nmodels { knn = knn() }\n', [{ code: 'MLP2004', line: 3 }]);
  });
  it('accepts a model with features', () => {
    expectValid(header + feature + 'models { knn = knn() }\n');
  });
});

describe('NoModels (MLP5009)', () => {
  it('reports an empty models block at its keyword', () => {
    expectErrors(header + feature + 'models { }\n', [{ code: 'MLP5009', line: 4, column: 1, message: 'The pipeline has no model candidates.' }]);
  });
  it('reports a missing models block at the start of the file', () => {
    expectErrors(header + feature, [{ code: 'MLP5009', line: 1, column: 1 }]);
  });
});
