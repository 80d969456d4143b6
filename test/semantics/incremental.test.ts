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
import { ParseCache } from '../../src/syntax/parse.ts';
import { repoRoot } from './helpers.ts';

const RUNS = Number(process.env.MLP_FUZZ_RUNS ?? 40);
const schemas = new SchemaCache();
const file = path.join(repoRoot, 'examples/penguins/penguins.mlp');
const base = fs.readFileSync(file, 'utf8');

/** Snippets an edit inserts: whole declarations, brackets, keywords, doc comments, junk. */
const snippets = ['', 'x', '\n', '{', '}', '(', ')', '[', ']', ',', '=', 'models', 'report', ' report accuracy\n', 'features { f = standardize(bill_length_mm) }\n',
  '/// doc\n', '// note\n', '"', '`', 'data d = csv("penguins.csv")\n', 'search random { trials = 3 }\n', 'm2 = knn(k: 3)\n', '\nvalidate kfold(3)\n', 'using '];

const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 40 }), insert: fc.constantFrom(...snippets) });

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
        const at = e.at % (text.length + 1);
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
});
