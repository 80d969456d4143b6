/** MLP4xxx: data sources: files that are missing, unreadable or malformed, and source counts. */
import { afterAll, describe, it } from 'vitest';
import { expectErrors, expectValid, tempDir } from './helpers.ts';

const problem = 'problem classification { target = y }\nfeatures { f = standardize(x) }\nmodels { knn = knn() }\n';
const good = 'x,y\n1,a\n2,b\n3,a\n4,b\n';
const files = tempDir({
  'good.csv': good,
  'empty-header.csv': 'x,,y\n1,2,a\n2,3,b\n',
  'empty.csv': '',
  'duplicate-header.csv': 'x,y,x\n1,a,2\n2,b,3\n',
  'invalid-utf8.csv': Buffer.from([0x78, 0xff, 0xfe, 0x2c, 0x79, 0x0a, 0x31, 0x2c, 0x61, 0x0a]),
  'folder.csv/inside.txt': 'not a file',
  'sub/nested.csv': good,
});
afterAll(files.cleanup);
const src = (file: string, extra = '') => `data d = csv("${file}")${extra}\n${problem}`;

describe('SourceNotFound (MLP4001)', () => {
  it('reports a missing file relative to the .mlp folder', () => {
    expectErrors(src('nope.csv'), [{ code: 'MLP4001', line: 1, column: 10, message: 'Data file not found: nope.csv.' }], { dir: files.dir });
  });
  it('resolves paths in subfolders', () => {
    expectValid(src('sub/nested.csv'), { dir: files.dir });
  });
});

describe('SourceUnreadable (MLP4002)', () => {
  it('reports a folder named like a CSV', () => {
    expectErrors(src('folder.csv'), [{ code: 'MLP4002', line: 1, column: 10, message: 'Cannot read folder.csv: is a directory, not a file.' }], { dir: files.dir });
  });
  it('reports a header that is not UTF-8', () => {
    expectErrors(src('invalid-utf8.csv'), [{ code: 'MLP4002', line: 1, column: 10 }], { dir: files.dir });
  });
  it('reads a well-formed file', () => {
    expectValid(src('good.csv'), { dir: files.dir });
  });
});

describe('EmptyHeader (MLP4003)', () => {
  it('reports an empty column name', () => {
    expectErrors(src('empty-header.csv'), [{ code: 'MLP4003', line: 1, column: 10, message: 'The CSV header of empty-header.csv is empty (column #2).' }], { dir: files.dir });
  });
  it('reports an empty file', () => {
    expectErrors(src('empty.csv'), [{ code: 'MLP4003', line: 1, message: 'The CSV header of empty.csv is empty.' }], { dir: files.dir });
  });
});

describe('DuplicateHeader (MLP4004)', () => {
  it('reports a column named twice', () => {
    expectErrors(src('duplicate-header.csv'), [{ code: 'MLP4004', line: 1, column: 10, message: 'The CSV header of duplicate-header.csv names `x` twice.' }], { dir: files.dir });
  });
});

describe('NoDataSource (MLP4005)', () => {
  it('reports a pipeline without data at the start of the file', () => {
    expectErrors(problem, [{ code: 'MLP4005', line: 1, column: 1, message: 'The pipeline has no `data` source.' }], { dir: files.dir });
  });
});

describe('MultipleSources (MLP4006)', () => {
  it('reports the second source by name', () => {
    expectErrors(`data d = csv("good.csv")\ndata e = csv("good.csv")\n${problem}`, [
      { code: 'MLP4006', line: 2, column: 6, message: 'Only one data source is supported; `e` is a second one.' },
    ], { dir: files.dir });
  });
  it('accepts one source with options', () => {
    expectValid(src('good.csv', ' {\n  missing_values = ["", "NA"]\n  on_bad_rows = skip\n}'), { dir: files.dir });
  });
});
