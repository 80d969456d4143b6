/** Rule searchSize: warns when a grid needs more fits than max_fits. */
import { describe, it } from 'vitest';
import { expectErrors, expectValid, header } from '../helpers.ts';

const feature = 'features { size = standardize(bill_length_mm) }\n';

describe('LargeSearch (MLP6002)', () => {
  it('warns about a large grid at the models keyword when there is no search block', () => {
    expectErrors(header + feature + 'models { knn = knn(k: 1..100, weights: [uniform, distance], metric: [euclidean, manhattan]) }\n', [
      { code: 'MLP6002', line: 4, column: 1, severity: 'warning', message: 'The search needs 2000 fits (400 candidates × 5 folds), more than max_fits = 500.' },
    ]);
  });
  it('warns at the search keyword and respects max_fits', () => {
    expectErrors(header + feature + 'models { knn = knn(k: 1..20) }\nsearch grid { max_fits = 50 }\n', [{ code: 'MLP6002', line: 5, column: 1, message: 'The search needs 100 fits (20 candidates × 5 folds), more than max_fits = 50.' }]);
  });
  it('accepts a search exactly at max_fits', () => {
    expectValid(header + feature + 'models { knn = knn(k: 1..10) }\nsearch grid { max_fits = 50 }\n');
  });
  it('bounds random search by its trials', () => {
    expectValid(header + feature + 'models { knn = knn(k: 1..100, weights: [uniform, distance]) }\nsearch random { trials = 10 }\n');
  });
});
