/** Rule missingValues: warns about features reading a column with many missing values that no step handles. */
import { afterAll, describe, it } from 'vitest';
import { expectErrors, expectValid, tempDir } from '../helpers.ts';

const files = tempDir({ 'gappy.csv': 'x,y,z\n1,a,\n2,b,\n3,a,\n4,b,1\n' });
afterAll(files.cleanup);
const data = 'data d = csv("gappy.csv")\nproblem classification { target = y }\n';
const rest = 'features { f = standardize(x, z) }\nmodels { knn = knn() }\n';

describe('HighMissingShare (MLP6003)', () => {
  it('warns about a mostly missing column with an impute hint', () => {
    expectErrors(data + rest, [
      { code: 'MLP6003', line: 3, column: 12, severity: 'warning', message: 'Column `z` is 75.0% missing in the sample and no preparation step handles it.', hint: 'Add `impute z with median` to the prepare block.' },
    ], { dir: files.dir });
  });
  it('accepts the column once imputed', () => {
    expectValid(data + 'prepare { impute z with median }\n' + rest, { dir: files.dir });
  });
  it('accepts the column once rows missing it are dropped', () => {
    expectValid(data + 'prepare { drop rows where z is missing }\n' + rest, { dir: files.dir });
  });
  it('does not warn about the penguins columns (under 5% missing)', () => {
    expectValid('data penguins = csv("penguins.csv")\nproblem classification { target = species }\nfeatures { f = standardize(bill_length_mm) }\nmodels { knn = knn() }\n');
  });
});
