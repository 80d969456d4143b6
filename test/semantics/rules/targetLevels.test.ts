/** Rule targetLevels: a classification target has two or more levels; a regression target is numeric. */
import { afterAll, describe, it } from 'vitest';
import { expectErrors, expectValid, tempDir } from '../helpers.ts';

const rest = 'features { f = standardize(x) }\nmodels { knn = knn() }\n';
const files = tempDir({ 'one-class.csv': 'x,y\n1,a\n2,a\n3,a\n', 'two-class.csv': 'x,y\n1,a\n2,b\n3,a\n' });
afterAll(files.cleanup);

describe('SingleClassTarget (MLP5005)', () => {
  it('reports a target with one level in the sample', () => {
    expectErrors('data d = csv("one-class.csv")\nproblem classification { target = y }\n' + rest, [
      { code: 'MLP5005', line: 2, column: 35, message: 'The target `y` has only one level ("a") in the data sample; there is nothing to classify.' },
    ], { dir: files.dir });
  });
  it('accepts two levels', () => {
    expectValid('data d = csv("two-class.csv")\nproblem classification { target = y }\n' + rest, { dir: files.dir });
  });
});

describe('TargetNotNumeric (MLP5011)', () => {
  it('reports regression on a category target', () => {
    expectErrors('data penguins = csv("penguins.csv")\nproblem regression { target = island }\nfeatures { size = standardize(bill_length_mm) }\nmodels { knn = knn() }\n', [
      { code: 'MLP5011', line: 2, column: 31, message: 'Regression needs a numeric target, but `island` is a category column.', hint: 'Did you mean `problem classification`?' },
    ]);
  });
  it('accepts an integer target', () => {
    expectValid('data d = csv("two-class.csv")\nproblem regression { target = x }\nfeatures { f = y |> onehot }\nmodels { r = ridge() }\n', { dir: files.dir });
  });
});
