/**
 * Robustness of the front end: `analyze` must never throw, must report only
 * codes from the diagnostics table, and every span must lie inside the
 * document, whatever the text. Random text, random tokens of the language
 * glued together, and mutations of every examples/<name>/<name>.mlp.
 * MLP_FUZZ_RUNS=5000 npx vitest run test/fuzz.test.ts  for a deeper run.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/semantics/analyze.ts';
import { SchemaCache } from '../src/semantics/schema.ts';
import { messages } from '../src/diagnostics/messages.ts';
import { repoRoot } from './semantics/helpers.ts';

/** runs per property; the default keeps `npm test` fast, MLP_FUZZ_RUNS deepens it (and truncates every example at every offset) */
const RUNS = Number(process.env.MLP_FUZZ_RUNS ?? 30);
const DEEP = process.env.MLP_FUZZ_RUNS !== undefined;
const codes = new Set(Object.values(messages).map((m) => m.code));
const schemas = new SchemaCache();

const examples = fs.readdirSync(path.join(repoRoot, 'examples'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => fs.readdirSync(path.join(repoRoot, 'examples', d.name)).filter((f) => f.endsWith('.mlp')).map((f) => path.join(repoRoot, 'examples', d.name, f)))
  .map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
const shortest = examples.reduce<(typeof examples)[number] | undefined>((best, ex) => (!best || ex.text.length < best.text.length ? ex : best), undefined);

/** Analyses and checks the invariants; returns a description of the first violation. */
function check(text: string, file: string): void {
  let a;
  try {
    a = analyze(text, { file, schemas });
  } catch (err) {
    throw new Error(`analyze threw on ${JSON.stringify(text)}: ${(err as Error).stack}`);
  }
  for (const d of a.diagnostics) {
    if (!codes.has(d.code)) throw new Error(`unknown code ${d.code} on ${JSON.stringify(text)}`);
    const { start, end } = d.span;
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length)) {
      throw new Error(`span ${start}..${end} outside 0..${text.length} for ${d.code} "${d.message}" on ${JSON.stringify(text)}`);
    }
    if (d.fix && !(d.fix.span.start >= 0 && d.fix.span.start <= d.fix.span.end && d.fix.span.end <= text.length)) throw new Error(`fix span outside the document on ${JSON.stringify(text)}`);
  }
}

const tokens = [
  'pipeline', 'data', 'problem', 'prepare', 'features', 'split', 'validate', 'models', 'search', 'report', 'export', 'explore', 'serve', 'monitor',
  'drop', 'impute', 'clip', 'select', 'rows', 'where', 'duplicate', 'outliers', 'columns', 'with', 'to', 'by', 'in', 'using', 'during', 'and', 'or', 'not', 'is', 'missing', 'true', 'false', 'null',
  'classification', 'regression', 'target', 'metric', 'species', 'island', 'bill_length_mm', 'sex', 'knn', 'ridge', 'svm', 'standardize', 'onehot', 'tfidf', 'kfold', 'grid', 'random', 'logspace', 'randint', 'csv',
  '"penguins.csv"', '"unterminated', '`quoted name`', '`', '12', '0', '1e309', '25%', '30s', '-3', '1.5',
  '|>', '..', '<=', '>=', '==', '!=', '<', '>', '=', ':', ',', '(', ')', '[', ']', '{', '}', '+', '-', '*', '/', '^',
  '///', '// c', '/*', '*/', '\n', '\r\n', '\r', ' ', '\t', '@', '$', '?', 'é', '🐈', '\u0000', '\uFEFF', '\uD800',
];
const tokenText = fc.array(fc.constantFrom(...tokens), { maxLength: 60 }).map((ts) => ts.join(' '));
const gluedTokens = fc.array(fc.constantFrom(...tokens), { maxLength: 60 }).map((ts) => ts.join(''));
const junk = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...tokens), fc.string({ unit: 'binary', maxLength: 4 }));

describe('fuzz: analyze never throws and reports only valid diagnostics', () => {
  const file = path.join(repoRoot, 'examples/penguins/__fuzz__.mlp');

  it('random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (t) => check(t, file)), { numRuns: RUNS });
  });

  it('random tokens separated by spaces', () => {
    fc.assert(fc.property(tokenText, (t) => check(t, file)), { numRuns: RUNS });
  });

  it('random tokens glued together', () => {
    fc.assert(fc.property(gluedTokens, (t) => check(t, file)), { numRuns: RUNS });
  });

  it('has examples to mutate', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  for (const ex of examples) {
    const name = path.relative(repoRoot, ex.file);
    const lines = ex.text.split('\n');
    const joined = (ls: string[]) => ls.join('\n');

    describe(name, () => {
      it('analyses cleanly unmutated', () => check(ex.text, ex.file));

      it('with a random line deleted', () => {
        fc.assert(fc.property(fc.nat(lines.length - 1), (i) => check(joined(lines.filter((_, j) => j !== i)), ex.file)), { numRuns: Math.min(RUNS, lines.length * 2) });
      });

      if (DEEP || ex === shortest) {
        it('truncated at every offset', () => {
          for (let i = 0; i <= ex.text.length; i++) check(ex.text.slice(0, i), ex.file);
        });
      } else {
        it('truncated at random offsets', () => {
          fc.assert(fc.property(fc.nat(ex.text.length), (i) => check(ex.text.slice(0, i), ex.file)), { numRuns: RUNS });
        });
      }

      it('with junk inserted at random positions', () => {
        fc.assert(fc.property(fc.array(fc.tuple(fc.nat(ex.text.length), junk), { minLength: 1, maxLength: 5 }), (edits) => {
          let t = ex.text;
          for (const [at, s] of edits) { const p = Math.min(at, t.length); t = t.slice(0, p) + s + t.slice(p); }
          check(t, ex.file);
        }), { numRuns: RUNS });
      });

      it('with a random span deleted', () => {
        fc.assert(fc.property(fc.nat(ex.text.length), fc.nat(40), (at, n) => check(ex.text.slice(0, at) + ex.text.slice(at + n), ex.file)), { numRuns: RUNS });
      });

      it('with lines duplicated and swapped', () => {
        fc.assert(fc.property(fc.nat(lines.length - 1), fc.nat(lines.length - 1), fc.boolean(), (i, j, duplicate) => {
          const ls = [...lines];
          if (duplicate) ls.splice(j, 0, ls[i]);
          else [ls[i], ls[j]] = [ls[j], ls[i]];
          check(joined(ls), ex.file);
        }), { numRuns: RUNS });
      });

      it('with CRLF line endings', () => check(ex.text.replace(/\n/g, '\r\n'), ex.file));
    });
  }
});
