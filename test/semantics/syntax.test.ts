/** MLP1xxx: lexer and parser errors, reported with recovery so several appear at once. */
import { describe, it } from 'vitest';
import { expectErrors, expectValid, header, minimal } from './helpers.ts';

describe('UnexpectedToken (MLP1001)', () => {
  it('reports a missing closing parenthesis', () => {
    expectErrors(header + 'features { size = standardize(bill_length_mm) }\nmodels { knn = knn( }\n', [
      { code: 'MLP1001', line: 4, column: 21, message: 'Expected `)` but found `}`.' },
    ]);
  });
  it('reports junk at the top level as a declaration error', () => {
    expectErrors(header + minimal + '= 3\n', [{ code: 'MLP1001', line: 5, column: 1 }]);
  });
  it('accepts trailing commas in settings and argument lists', () => {
    expectValid(header + 'features { size = standardize(bill_length_mm, bill_depth_mm,) }\nmodels { knn = knn(k: 3,), }\n');
  });
});

describe('UnexpectedCharacter (MLP1002)', () => {
  it('reports a character that starts no token', () => {
    expectErrors(header + 'features { size = standardize(bill_length_mm) @ }\nmodels { knn = knn() }\n', [
      { code: 'MLP1002', line: 3, column: 47, message: 'Unexpected character `@`.' },
    ]);
  });
  it('allows any character inside strings and comments', () => {
    expectValid('// @ $ ünïcödé\n' + header + minimal + 'export "out/@$é.json"\n');
  });
});

describe('UnterminatedString (MLP1003)', () => {
  it('reports a string that reaches the end of the line', () => {
    expectErrors(header + minimal + 'export "out\n', [{ code: 'MLP1003', line: 5, column: 8 }]);
  });
  it('accepts escaped quotes inside a string', () => {
    expectValid(header + minimal + 'export "out/a\\"b.json"\n');
  });
});

describe('UnknownKeyword (MLP1004)', () => {
  it('suggests the nearest declaration keyword', () => {
    expectErrors(header + 'featurs { size = standardize(bill_length_mm) }\nmodels { knn = knn() }\n', [
      { code: 'MLP1004', line: 3, column: 1, message: 'Unknown keyword `featurs`.', hint: 'Did you mean `features`?' },
      { code: 'MLP5007', line: 4 },
    ]);
  });
  it('accepts every declaration keyword', () => {
    expectValid(header + minimal + 'split { test = 20% }\nvalidate kfold(5)\nsearch grid\nreport accuracy\nexport "out/m.json"\n');
  });
});

describe('DuplicateBlock (MLP1005)', () => {
  it('reports a second problem block and points at the first', () => {
    expectErrors(header + minimal + 'problem classification { target = species }\n', [
      { code: 'MLP1005', line: 5, column: 1, message: 'Only one `problem` block is allowed; the first is at line 2.' },
    ]);
  });
  it('reports a second search block', () => {
    expectErrors(header + minimal + 'search grid\nsearch random\n', [{ code: 'MLP1005', line: 6, message: 'Only one `search` block is allowed; the first is at line 5.' }]);
  });
  it('reports a second explore, serve or monitor block', () => {
    expectErrors(header + minimal + 'serve { port = 8080 }\nmonitor { drift = ks }\nserve { port = 9090 }\n', [{ code: 'MLP1005', line: 7, column: 1, message: 'Only one `serve` block is allowed; the first is at line 5.' }]);
  });
  it('does not count a second data source as a duplicate block', () => {
    expectErrors('data a = csv("penguins.csv")\ndata b = csv("penguins.csv")\nproblem classification { target = species }\n' + minimal, [{ code: 'MLP4006', line: 2 }]);
  });
});
