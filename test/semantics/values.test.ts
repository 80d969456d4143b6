/** MLP3xxx: types of columns and features, and values of parameters. */
import { describe, it } from 'vitest';
import { expectErrors, expectValid, header, minimal } from './helpers.ts';

const feature = 'features { size = standardize(bill_length_mm) }\n';
const models = 'models { knn = knn() }\n';

describe('TypeMismatch (MLP3001)', () => {
  it('reports a numeric column given to tfidf', () => {
    expectErrors(header + 'features { size = tfidf(bill_length_mm) }\n' + models, [
      { code: 'MLP3001', line: 3, column: 25, message: '`tfidf` needs a text input, but `bill_length_mm` is a numeric.' },
    ]);
  });
  it('reports a category column given to standardize', () => {
    expectErrors(header + 'features { size = standardize(bill_length_mm, island) }\n' + models, [{ code: 'MLP3001', line: 3, column: 47 }]);
  });
  it('reports median imputation of a category column', () => {
    expectErrors(header + 'prepare { impute island with median }\n' + minimal, [{ code: 'MLP3001', line: 3, column: 18, message: '`median` needs a numeric input, but `island` is a category.' }]);
  });
  it('accepts onehot of categories and mode imputation of them', () => {
    expectValid(header + 'prepare { impute island with mode }\nfeatures { kind = onehot(island, sex) }\n' + models);
  });
});

describe('OutOfDomain (MLP3002)', () => {
  it('reports k = 0', () => {
    expectErrors(header + feature + 'models { knn = knn(k: 0) }\n', [{ code: 'MLP3002', line: 4, column: 23, message: '`k` must be an integer ≥ 1; got 0.' }]);
  });
  it('reports a test share of 100%', () => {
    expectErrors(header + minimal + 'split { test = 100% }\n', [{ code: 'MLP3002', line: 5, column: 16, message: '`test` must be a number in (0, 1); got 100%.' }]);
  });
  it('reports a range reaching outside the domain', () => {
    expectErrors(header + feature + 'models { knn = knn(k: 0..3) }\n', [{ code: 'MLP3002', line: 4, message: '`k` must be an integer ≥ 1; got 0 (in a range).' }]);
  });
  it('accepts the boundary value', () => {
    expectValid(header + feature + 'models { knn = knn(k: 1) }\n');
  });
});

describe('WrongValueType (MLP3003)', () => {
  it('reports a string where an integer is needed', () => {
    expectErrors(header + feature + 'models { knn = knn(k: "three") }\n', [{ code: 'MLP3003', line: 4, column: 23, message: '`k` expects an integer; got "three".' }]);
  });
  it('reports a fractional number where an integer is needed', () => {
    expectErrors(header + feature + 'models { knn = knn(k: 2.5) }\n', [{ code: 'MLP3003', line: 4, message: '`k` expects an integer; got 2.5.' }]);
  });
  it('reports an export path that is not a string', () => {
    expectErrors(header + minimal + 'export model\n', [{ code: 'MLP3003', line: 5, column: 8 }]);
  });
});

describe('EmptyRange (MLP3004)', () => {
  it('reports a descending range', () => {
    expectErrors(header + feature + 'models { knn = knn(k: 5..1) }\n', [{ code: 'MLP3004', line: 4, column: 23, message: 'The range 5..1 is empty: its start is greater than its end.' }]);
  });
  it('accepts a one-value range', () => {
    expectValid(header + feature + 'models { knn = knn(k: 3..3) }\n');
  });
});

describe('DeclaredTypeMismatch (MLP3005)', () => {
  it('reports a category column declared numeric', () => {
    expectErrors('data penguins = csv("penguins.csv") {\n  island: numeric\n}\nproblem classification { target = species }\n' + minimal, [
      { code: 'MLP3005', line: 2, column: 11, message: "Column `island` is declared numeric, but value 'Torgersen' at row 1 does not parse as numeric." },
    ]);
  });
  it('reports levels that the data does not respect', () => {
    expectErrors('data penguins = csv("penguins.csv") {\n  island: category(levels: ["Biscoe", "Dream"])\n}\nproblem classification { target = species }\n' + minimal, [{ code: 'MLP3005', line: 2, column: 11 }]);
  });
  it('accepts a numeric column declared numeric', () => {
    expectValid('data penguins = csv("penguins.csv") {\n  bill_length_mm: numeric\n}\nproblem classification { target = species }\n' + minimal);
  });
});

describe('NonNumericArithmetic (MLP3006)', () => {
  it('reports arithmetic on a category', () => {
    expectErrors(header + 'features { size = standardize(bill_length_mm) + island }\n' + models, [
      { code: 'MLP3006', line: 3, column: 49, message: 'Arithmetic needs numeric operands, but `island` is a category.' },
    ]);
  });
  it('accepts arithmetic on numeric columns', () => {
    expectValid(header + 'features { ratio = bill_length_mm / bill_depth_mm |> standardize }\n' + models);
  });
});

describe('MissingArgument (MLP3007)', () => {
  it('reports group_kfold without groups', () => {
    expectErrors(header + minimal + 'validate group_kfold(5)\n', [{ code: 'MLP3007', line: 5, column: 10, message: '`group_kfold` needs `groups`.' }]);
  });
  it('reports csv() without a path', () => {
    expectErrors('data penguins = csv()\nproblem classification { target = species }\n' + minimal, [{ code: 'MLP3007', line: 1, column: 17, message: '`csv` needs `path`.' }]);
  });
  it('accepts group_kfold with groups', () => {
    expectValid(header + minimal + 'validate group_kfold(5, groups: island)\n');
  });
});

describe('TooManyArguments (MLP3008)', () => {
  it('reports an extra positional argument', () => {
    expectErrors(header + minimal + 'validate kfold(5, 6)\n', [{ code: 'MLP3008', line: 5, column: 19, message: '`kfold` takes at most 1 positional argument(s).' }]);
  });
  it('accepts the extra argument when named', () => {
    expectValid(header + minimal + 'validate repeated_kfold(5, repeats: 2)\n');
  });
});

describe('NumberOutOfRange (MLP3009)', () => {
  it('reports a number that overflows to infinity', () => {
    expectErrors(header + feature + 'models { knn = knn(k: 1e309) }\n', [{ code: 'MLP3009', line: 4, column: 23, message: 'The number 1e309 is not a finite double.' }]);
  });
  it('accepts numbers with exponents', () => {
    expectValid(header + feature + 'models { knn = knn(k: 1e2) }\n');
  });
});

describe('NotSearchable (MLP3010)', () => {
  it('reports a list for a transform parameter', () => {
    expectErrors(header + 'features { size = bin(bill_length_mm, bins: [3, 5]) }\n' + models, [
      { code: 'MLP3010', line: 3, column: 45, message: '`bins` of `bin` takes one value here, not a search space.' },
    ]);
  });
  it('reports a list for a validation parameter', () => {
    expectErrors(header + minimal + 'validate kfold([5, 10])\n', [{ code: 'MLP3010', line: 5, column: 16 }]);
  });
  it('accepts a list for a model parameter', () => {
    expectValid(header + feature + 'models { knn = knn(k: [3, 5]) }\n');
  });
});

describe('InvalidExpression (MLP3011)', () => {
  it('reports a list as a feature', () => {
    expectErrors(header + 'features { size = [bill_length_mm] }\n' + models, [
      { code: 'MLP3011', line: 3, column: 19, message: 'A list is not allowed here; a feature is a column, a transform call, a pipe or arithmetic.' },
    ]);
  });
  it('reports a feature that refers to itself', () => {
    expectErrors(header + 'features { size = standardize(size) }\n' + models, [{ code: 'MLP3011', line: 3, column: 31 }]);
  });
  it('reports a cycle between two features once', () => {
    expectErrors(header + 'features { a = b + 1\n  b = a * 2 }\n' + models, [{ code: 'MLP3011', line: 4, column: 7, message: 'A reference to `a` from its own definition is not allowed here; features cannot depend on themselves.' }]);
  });
  it('reports a predicate that is not a condition', () => {
    expectErrors(header + 'prepare { drop rows where bill_length_mm }\n' + minimal, [{ code: 'MLP3011', line: 3, column: 27 }]);
  });
  it('accepts a comparison as a predicate', () => {
    expectValid(header + 'prepare { drop rows where bill_length_mm > 100 or island in ["Dream"] }\n' + minimal);
  });
});

describe('FeatureNeedsEncoding (MLP3012)', () => {
  it('reports a bare category column as a feature', () => {
    expectErrors(header + 'features { kind = island }\n' + models, [
      { code: 'MLP3012', line: 3, column: 19, message: 'Feature `kind` is a category column; models need numbers: use `onehot(…)` or `ordinal(…)`.' },
    ]);
  });
  it('accepts an encoded category', () => {
    expectValid(header + 'features { kind = island |> ordinal }\n' + models);
  });
});

describe('RandomSpaceInGrid (MLP3013)', () => {
  it('reports a distribution in a grid search', () => {
    expectErrors(header + feature + 'models { knn = knn(k: randint(1, 5)) }\n', [
      { code: 'MLP3013', line: 4, column: 23, message: '`randint` is a random-search distribution; a grid search cannot enumerate it.' },
    ]);
  });
  it('accepts a distribution in a random search', () => {
    expectValid(header + feature + 'models { knn = knn(k: randint(1, 5)) }\nsearch random { trials = 5 }\n');
  });
});
