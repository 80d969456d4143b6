/**
 * Incremental re-analysis (the language server's ParseCache) must give exactly
 * what a fresh analysis gives: the same syntax tree, spans included, the same
 * diagnostics and the same IR, after every edit of a random edit sequence.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/semantics/analyze.ts';
import { SchemaCache } from '../../src/semantics/schema.ts';
import { ParseCache } from '../../src/syntax/incremental.ts';
import { repoRoot } from './helpers.ts';

const RUNS = Number(process.env.MLP_FUZZ_RUNS ?? 40);
const schemas = new SchemaCache();
const file = path.join(repoRoot, 'examples/penguins/penguins.mlp');
const base = fs.readFileSync(file, 'utf8');

/** Snippets an edit inserts: whole declarations, brackets, keywords, doc comments, junk. */
const snippets = ['', 'x', '\n', '{', '}', '(', ')', '[', ']', ',', '=', 'models', 'report', ' report accuracy\n', 'features { f = standardize(bill_length_mm) }\n',
  '/// doc\n', '// note\n', '"', '`', 'data d = csv("penguins.csv")\n', 'search random { trials = 3 }\n', 'm2 = knn(k: 3)\n', '\nvalidate kfold(3)\n', 'using ',
  // statements of the features and models blocks, whole or broken
  '\n  g = log1p(bill_depth_mm)\n', '  select size\n', '\n  /// a model\n  m3 = ridge(alpha: 1) using size, kind\n', ' using size,', 'ridge(', 'alpha: ', 'x = ', ' |> standardize', '\n  `quoted name` = x\n'];

const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 40 }), insert: fc.constantFrom(...snippets) });
/** Most edits land inside the features and models blocks, where statements are reused one by one. */
const blocks = [base.indexOf('features {'), base.indexOf('models {')];

const snapshot = (text: string, parses?: ParseCache) => {
  const a = analyze(text, { file, schemas, parses });
  return { ast: a.ast, diagnostics: a.diagnostics, ir: a.ir ?? null };
};

describe('incremental analysis', () => {
  it('equals a fresh analysis after every edit of random edit sequences', () => {
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
      const parses = new ParseCache();
      let text = base;
      snapshot(text, parses);
      for (const e of edits) {
        const at = e.at % 3 === 0 ? e.at % (text.length + 1) : Math.min(text.length, blocks[e.at % 2] + (e.at % 200));
        text = text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.length));
        expect(JSON.stringify(snapshot(text, parses))).toBe(JSON.stringify(snapshot(text)));
      }
    }), { numRuns: RUNS });
  });

  it('reuses the trees of declarations an edit did not touch, shifted to their new place', () => {
    const parses = new ParseCache();
    const before = analyze(base, { file, schemas, parses }).ast;
    const last = before.decls.at(-1)!;
    const start = last.span.start;
    const text = '// a new first line\n' + base;
    const after = analyze(text, { file, schemas, parses }).ast;
    // the same objects, moved by the inserted line's length
    expect(after.decls.at(-1)).toBe(last);
    expect(last.span.start).toBe(start + '// a new first line\n'.length);
    expect(JSON.stringify(after)).toBe(JSON.stringify(analyze(text, { file, schemas }).ast));
  });

  it('reuses the unchanged statements of a block an edit touched', () => {
    const parses = new ParseCache();
    const models = (t: string) => analyze(t, { file, schemas, parses }).ast.decls.find((d) => d.kind === 'Models')!;
    const before = models(base);
    if (before.kind !== 'Models') throw new Error('no models block');
    const [first, ...rest] = before.models;
    const text = base.replace(`${first.name.text} =`, `${first.name.text}2 =`);
    const after = models(text);
    if (after.kind !== 'Models') throw new Error('no models block');
    expect(after.models[0]).not.toBe(first);
    expect(after.models.slice(1)).toEqual(rest);
    after.models.slice(1).forEach((m, i) => expect(m).toBe(rest[i])); // the same objects, moved by one character
    expect(JSON.stringify(after)).toBe(JSON.stringify(analyze(text, { file, schemas }).ast.decls.find((d) => d.kind === 'Models')));
  });
});
