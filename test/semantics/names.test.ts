/** MLP2xxx: names that do not resolve (columns, features, catalog entries), and duplicates. */
import { describe, it } from 'vitest';
import { expectErrors, expectValid, header, minimal } from './helpers.ts';

const models = 'models { knn = knn() }\n';

describe('UnknownColumn (MLP2001)', () => {
  it('reports an unknown target with a suggestion', () => {
    expectErrors('data penguins = csv("penguins.csv")\nproblem classification { target = specie }\n' + minimal, [
      { code: 'MLP2001', line: 2, column: 35, message: 'Unknown column `specie` in `penguins`.', hint: 'Did you mean `species`?' },
    ]);
  });
  it('reports an unknown column in a prepare step', () => {
    expectErrors(header + 'prepare { impute bill_lenght_mm with median }\n' + minimal, [{ code: 'MLP2001', line: 3, column: 18 }]);
  });
  it('reports a declared column the file does not have', () => {
    expectErrors('data penguins = csv("penguins.csv") {\n  colour: category\n}\nproblem classification { target = species }\n' + minimal, [
      { code: 'MLP2001', line: 2, column: 3, message: 'Unknown column `colour` in `penguins.csv`.' },
    ]);
  });
  it('is case-sensitive but accepts quoted names of real columns', () => {
    expectErrors(header + 'prepare { impute Sex with mode }\n' + minimal, [{ code: 'MLP2001', line: 3 }]);
    expectValid(header + 'prepare { impute `sex` with mode }\n' + minimal);
  });
});

describe('UnknownFeature (MLP2002)', () => {
  it('reports an unknown name in a using list', () => {
    expectErrors(header + 'features { size = standardize(bill_length_mm)\n  depth = standardize(bill_depth_mm) }\nmodels { knn = knn() using size, dept }\n', [
      { code: 'MLP6001', line: 4 },
      { code: 'MLP2002', line: 5, column: 34, message: 'Unknown feature `dept`.', hint: 'Did you mean `depth`?' },
    ]);
  });
  it('accepts a using list of declared features', () => {
    expectValid(header + 'features { size = standardize(bill_length_mm) }\nmodels { knn = knn() using size }\n');
  });
});

describe('UnknownModel (MLP2003)', () => {
  it('suggests the nearest model', () => {
    expectErrors(header + 'features { size = standardize(bill_length_mm) }\nmodels { knn = knnn() }\n', [
      { code: 'MLP2003', line: 4, column: 16, message: 'Unknown model `knnn`.', hint: 'Did you mean `knn`?' },
    ]);
  });
  it('says when the name is a transform', () => {
    expectErrors(header + 'features { size = standardize(bill_length_mm) }\nmodels { s = standardize() }\n', [
      { code: 'MLP2003', line: 4, message: 'Unknown model `standardize (a transform; transforms go in the `features` block)`.' },
    ]);
  });
});

describe('UnknownTransform (MLP2004)', () => {
  it('suggests the nearest transform', () => {
    expectErrors(header + 'features { size = standardise(bill_length_mm) }\n' + models, [
      { code: 'MLP2004', line: 3, column: 19, message: 'Unknown transform `standardise`.', hint: 'Did you mean `standardize`?' },
    ]);
  });
  it('says when the name is a model', () => {
    expectErrors(header + 'features { size = knn(bill_length_mm) }\n' + models, [{ code: 'MLP2004', line: 3, message: 'Unknown transform `knn (a model; models go in the `models` block)`.' }]);
  });
});

describe('UnknownParameter (MLP2005)', () => {
  it('reports an unknown model parameter with a suggestion', () => {
    expectErrors(header + 'features { size = standardize(bill_length_mm) }\nmodels { knn = knn(kk: 3) }\n', [
      { code: 'MLP2005', line: 4, column: 20, message: '`knn` has no parameter `kk`.', hint: 'Did you mean `k`?' },
    ]);
  });
  it('reports an unknown transform parameter', () => {
    expectErrors(header + 'features { size = bin(bill_length_mm, bin: 3) }\n' + models, [{ code: 'MLP2005', line: 3, message: '`bin` has no parameter `bin`.' }]);
  });
  it('accepts named parameters of the catalog', () => {
    expectValid(header + 'features { size = bin(bill_length_mm, bins: 3, strategy: uniform) }\nmodels { knn = knn(k: 3, weights: distance, metric: manhattan) }\n');
  });
});

describe('UnknownMetric (MLP2006)', () => {
  it('reports an unknown metric in the problem', () => {
    expectErrors('data penguins = csv("penguins.csv")\nproblem classification { target = species, metric = acuracy }\n' + minimal, [
      { code: 'MLP2006', line: 2, column: 53, message: 'Unknown metric `acuracy`.', hint: 'Did you mean `accuracy`?' },
    ]);
  });
  it('reports an unknown metric in report', () => {
    expectErrors(header + minimal + 'report accuracy, f1_macr\n', [{ code: 'MLP2006', line: 5, column: 18 }]);
  });
});

describe('UnknownSetting (MLP2007)', () => {
  it('reports an unknown split setting', () => {
    expectErrors(header + minimal + 'split { tst = 20% }\n', [{ code: 'MLP2007', line: 5, column: 9, message: '`split` has no setting `tst`.', hint: 'Did you mean `test`?' }]);
  });
  it('reports an unknown data option', () => {
    expectErrors('data penguins = csv("penguins.csv") {\n  delimitr = ","\n}\nproblem classification { target = species }\n' + minimal, [{ code: 'MLP2007', line: 2, message: '`data` has no setting `delimitr`.' }]);
  });
  it('accepts known settings', () => {
    expectValid(header + minimal + 'split { test = 20%, seed = 3, shuffle = true }\nsearch grid { seed = 1, max_fits = 100 }\n');
  });
});

describe('UnknownValue (MLP2008)', () => {
  it('reports an enum value outside its set', () => {
    expectErrors(header + 'features { size = standardize(bill_length_mm) }\nmodels { knn = knn(weights: uniformm) }\n', [
      { code: 'MLP2008', line: 4, column: 29, message: '`uniformm` is not a valid value of `weights`; expected one of `uniform`, `distance`.', hint: 'Did you mean `uniform`?' },
    ]);
  });
  it('reports an unknown search strategy', () => {
    expectErrors(header + minimal + 'search gird\n', [{ code: 'MLP2008', line: 5, column: 8, hint: 'Did you mean `grid`?' }]);
  });
});

describe('UnknownFunction (MLP2009)', () => {
  it('reports an unknown validation method', () => {
    expectErrors(header + minimal + 'validate kfolds(5)\n', [{ code: 'MLP2009', line: 5, column: 10, message: 'Unknown validation method `kfolds`.', hint: 'Did you mean `kfold`?' }]);
  });
  it('reports an unknown imputation strategy', () => {
    expectErrors(header + 'prepare { impute bill_length_mm with medain }\n' + minimal, [{ code: 'MLP2009', line: 3, message: 'Unknown imputation strategy `medain`.' }]);
  });
  it('reports an unknown column type and an unknown data source', () => {
    expectErrors('data penguins = csv("penguins.csv") {\n  island: categroy\n}\nproblem classification { target = species }\n' + minimal, [{ code: 'MLP2009', line: 2, message: 'Unknown column type `categroy`.' }]);
    expectErrors('data penguins = tsv("penguins.csv")\nproblem classification { target = species }\n' + minimal, [{ code: 'MLP2009', line: 1, column: 17, message: 'Unknown data source `tsv`.' }]);
  });
});

describe('UnknownName (MLP2010)', () => {
  it('reports a name that is neither a column nor a feature', () => {
    expectErrors(header + 'features { size = standardize(bill_lenth_mm) }\n' + models, [
      { code: 'MLP2010', line: 3, column: 31, message: '`bill_lenth_mm` is neither a column nor a feature.', hint: 'Did you mean `bill_length_mm` or `bill_depth_mm`?' },
    ]);
  });
  it('resolves features declared later in the block', () => {
    expectValid(header + 'features { size = base |> standardize\n  base = bill_length_mm * 2 }\nmodels { knn = knn() using size }\n');
  });
});

describe('DuplicateName (MLP2011)', () => {
  it('reports a feature declared twice with the first line', () => {
    expectErrors(header + 'features { size = standardize(bill_length_mm)\n size = standardize(bill_depth_mm) }\n' + models, [
      { code: 'MLP2011', line: 4, column: 2, message: '`size` is already declared at line 3.' },
    ]);
  });
  it('reports a model candidate declared twice', () => {
    expectErrors(header + 'features { size = standardize(bill_length_mm) }\nmodels {\n  a = knn()\n  a = ridge()\n}\n', [{ code: 'MLP2011', line: 6, message: '`a` is already declared at line 5.' }]);
  });
  it('reports a column declared twice', () => {
    expectErrors('data penguins = csv("penguins.csv") {\n  island: category\n  island: category\n}\nproblem classification { target = species }\n' + minimal, [{ code: 'MLP2011', line: 3, column: 3, message: '`island` is already declared at line 2.' }]);
  });
  it('allows a feature and a model with the same name', () => {
    expectValid(header + 'features { knn = standardize(bill_length_mm) }\nmodels { knn = knn() }\n');
  });
});

describe('UnknownTask (MLP2012)', () => {
  it('suggests classification', () => {
    expectErrors('data penguins = csv("penguins.csv")\nproblem classifcation { target = species }\n' + minimal, [
      { code: 'MLP2012', line: 2, column: 9, message: 'Unknown task `classifcation`; expected `classification` or `regression`.', hint: 'Did you mean `classification`?' },
    ]);
  });
  it('accepts regression', () => {
    expectValid('data penguins = csv("penguins.csv")\nproblem regression { target = body_mass_g }\nfeatures { size = standardize(bill_length_mm) }\nmodels { r = ridge() }\n');
  });
});

describe('DuplicateArgument (MLP2013)', () => {
  it('reports a parameter given twice', () => {
    expectErrors(header + 'features { size = standardize(bill_length_mm) }\nmodels { knn = knn(k: 3, k: 4) }\n', [{ code: 'MLP2013', line: 4, column: 26, message: 'Parameter `k` is given twice.' }]);
  });
  it('reports a positional and a named argument for the same parameter', () => {
    expectErrors(header + 'features { size = standardize(bill_length_mm) }\nmodels { knn = knn(3, k: 4) }\n', [{ code: 'MLP2013', line: 4, column: 23 }]);
  });
  it('reports a setting given twice', () => {
    expectErrors(header + minimal + 'split { test = 20%, test = 30% }\n', [{ code: 'MLP2013', line: 5, column: 21 }]);
  });
});
