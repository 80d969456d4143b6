/** MLP5xxx reported by the checker's walk: required blocks, model/task fit, stratification, phases, search spaces. */
import { describe, expect, it } from 'vitest';
import { expectErrors, expectValid, header, minimal } from './helpers.ts';

const data = 'data penguins = csv("penguins.csv")\n';
const feature = 'features { size = standardize(bill_length_mm) }\n';
const regression = data + 'problem regression { target = body_mass_g }\n' + feature + 'models { r = ridge() }\n';

describe('MissingProblem (MLP5001)', () => {
  it('reports a pipeline without a problem at the start of the file', () => {
    expectErrors(data + minimal, [{ code: 'MLP5001', line: 1, column: 1, message: 'The pipeline has no `problem` block.' }]);
  });
});

describe('MissingTarget (MLP5002)', () => {
  it('reports a problem without a target at its keyword', () => {
    expectErrors(data + 'problem classification { metric = accuracy }\n' + minimal, [{ code: 'MLP5002', line: 2, column: 1, message: 'The problem has no `target`.' }]);
  });
  it('offers a fix that inserts a target placeholder before the closing brace', () => {
    const a = expectErrors(data + 'problem classification {\n}\n' + minimal, [{ code: 'MLP5002', line: 2 }]);
    const fix = a.diagnostics[0].fix!;
    const fixed = a.text.slice(0, fix.span.start) + fix.text + a.text.slice(fix.span.end);
    expect(fixed).toContain('problem classification {\n  target = ?\n}\n');
  });
  it('accepts a problem with a target and no other settings', () => {
    expectValid(data + 'problem classification { target = species }\n' + minimal);
  });
});

describe('EmptySearchSpace (MLP5008)', () => {
  it('reports an empty list of values', () => {
    expectErrors(header + feature + 'models { knn = knn(k: []) }\n', [{ code: 'MLP5008', line: 4, column: 23, message: 'The search space of `knn` is empty: `k` has no values.' }]);
  });
  it('accepts a one-element list', () => {
    expectValid(header + feature + 'models { knn = knn(k: [3]) }\n');
  });
});

describe('ModelTaskMismatch (MLP5010)', () => {
  it('reports a regression-only model in a classification problem', () => {
    expectErrors(header + feature + 'models { m = linear() }\n', [{ code: 'MLP5010', line: 4, column: 14, message: '`linear` does not support classification; it supports regression.' }]);
  });
  it('reports a classification-only model in a regression problem', () => {
    expectErrors(data + 'problem regression { target = body_mass_g }\n' + feature + 'models { m = logistic() }\n', [{ code: 'MLP5010', line: 4, column: 14, message: '`logistic` does not support regression; it supports classification.' }]);
  });
  it('accepts a model that supports the task', () => {
    expectValid(regression);
  });
});

describe('StratifyRegression (MLP5014)', () => {
  it('reports stratifying a split by a numeric column', () => {
    expectErrors(regression + 'split { stratify = bill_depth_mm }\n', [{ code: 'MLP5014', line: 5, column: 20, message: 'Stratification needs a categorical column; `bill_depth_mm` is a numeric column.' }]);
  });
  it('reports stratified folds for a regression target', () => {
    expectErrors(regression + 'validate stratified_kfold(5)\n', [{ code: 'MLP5014', line: 5, column: 10, message: 'Stratification needs a categorical column; `body_mass_g` is a regression target.' }]);
  });
  it('accepts stratifying a regression split by a category column', () => {
    expectValid(regression + 'split { stratify = island }\n');
  });
});

describe('InvalidPhase (MLP5016)', () => {
  it('reports a word that is not a phase', () => {
    expectErrors(header + 'prepare { drop rows where species is missing during testing }\n' + minimal, [
      { code: 'MLP5016', line: 3, column: 53, message: '`testing` is not a phase; write `during training` or `during training and prediction`.' },
    ]);
  });
  it('accepts both phases', () => {
    expectValid(header + 'prepare {\n  drop rows where species is missing during training\n  impute sex with mode during training and prediction\n}\n' + minimal);
  });
});

describe('ParameterNotApplicable (MLP6004)', () => {
  it('warns about gamma with a linear kernel only', () => {
    expectErrors(header + feature + 'models { s = svm(kernel: linear, gamma: 0.1) }\n', [
      { code: 'MLP6004', line: 4, column: 41, severity: 'warning', message: '`gamma` only applies when `kernel` is `rbf` or `poly` or `sigmoid`; it is ignored for the other candidates.' },
    ]);
  });
  it('does not warn when one candidate kernel uses gamma', () => {
    expectValid(header + feature + 'models { s = svm(kernel: [linear, rbf], gamma: 0.1) }\n');
  });
});
