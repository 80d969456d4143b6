/** Rule positiveClass: the positive class is a level of the target. */
import { describe, it } from 'vitest';
import { expectErrors, expectValid } from '../helpers.ts';

const data = 'data penguins = csv("penguins.csv")\n';
const rest = 'features { size = standardize(bill_length_mm) }\nmodels { knn = knn() }\n';

describe('UnknownPositiveClass (MLP5004)', () => {
  it('reports a level the target does not have', () => {
    expectErrors(data + 'problem classification { target = sex, metric = f1, positive = "mail" }\n' + rest, [
      { code: 'MLP5004', line: 2, column: 64, message: 'The positive class "mail" is not a level of `sex` in the data sample (levels: "female", "male").' },
    ]);
  });
  it('is case-sensitive, and suggests the level that differs in case', () => {
    expectErrors(data + 'problem classification { target = sex, positive = "Male" }\n' + rest, [{ code: 'MLP5004', line: 2, hint: 'Did you mean `male`?' }]);
  });
  it('accepts a level of the target', () => {
    expectValid(data + 'problem classification { target = sex, positive = "female" }\n' + rest);
  });
});
