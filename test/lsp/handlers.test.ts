/** The pure handlers on small documents; `<|>` marks the cursor. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/semantics/analyze.ts';
import { handleCompletion } from '../../src/lsp/completion.ts';
import { handleHover } from '../../src/lsp/hover.ts';
import { handleDefinition, handlePrepareRename, handleReferences, handleRename } from '../../src/lsp/navigation.ts';
import { handleDocumentSymbols, handleFoldingRanges } from '../../src/lsp/symbols.ts';
import { handleFormatting } from '../../src/lsp/formatting.ts';
import { handleCodeActions, suggestionsIn } from '../../src/lsp/codeActions.ts';
import { handleDiagnostics } from '../../src/lsp/diagnostics.ts';
import { handleSemanticTokens } from '../../src/lsp/semanticTokens.ts';

const file = path.resolve('examples/penguins/test.mlp');
const uri = 'file:///x/test.mlp';
const DATA = 'data penguins = csv("penguins.csv")\n';

/** Analyses a document with one `<|>` marker; returns the analysis and the marker's offset. */
function doc(source: string) {
  const offset = source.indexOf('<|>');
  const text = source.replace('<|>', '');
  return { a: analyze(text, { file }), offset, text };
}
const labels = (source: string) => { const { a, offset } = doc(source); return handleCompletion(a, offset).map((i) => i.label); };
const hoverText = (source: string) => { const { a, offset } = doc(source); const h = handleHover(a, offset); return h ? (h.contents as { value: string }).value : ''; };

describe('completion', () => {
  it('offers declaration keywords at the top level', () => {
    expect(labels(`${DATA}<|>`)).toEqual(expect.arrayContaining(['problem', 'features', 'models', 'split']));
    expect(labels('<|>')).toContain('data');
  });
  it('offers column names of the data source', () => {
    expect(labels(`${DATA}features {\n  s = standardize(<|>)\n}\n`)).toEqual(expect.arrayContaining(['bill_length_mm', 'body_mass_g', 'island']));
    expect(labels(`${DATA}problem classification {\n  target = <|>\n}\n`)).toContain('species');
  });
  it('offers catalog models after `=` in models', () => {
    const items = labels(`${DATA}models {\n  k = <|>\n}\n`);
    expect(items).toEqual(expect.arrayContaining(['knn', 'ridge', 'random_forest', 'svm']));
    expect(items).not.toContain('standardize');
  });
  it('offers parameter names with types and defaults', () => {
    const { a, offset } = doc(`${DATA}models {\n  k = knn(<|>)\n}\n`);
    const k = handleCompletion(a, offset).find((i) => i.label === 'k');
    expect(k?.insertText).toBe('k: ');
    expect(k?.detail).toMatch(/integer.*default 5/);
    expect(labels(`${DATA}models {\n  k = knn(k: 3, <|>)\n}\n`)).not.toContain('k');
  });
  it('offers enum values of a parameter', () => {
    expect(labels(`${DATA}models {\n  k = knn(weights: <|>)\n}\n`)).toEqual(['uniform', 'distance']);
    expect(labels(`${DATA}models {\n  k = svm(kernel: [<|>])\n}\n`)).toEqual(expect.arrayContaining(['rbf', 'linear']));
  });
  it('offers metrics, transforms, strategies, imputers and features where they fit', () => {
    expect(labels(`${DATA}problem classification {\n  metric = <|>\n}\n`)).toEqual(expect.arrayContaining(['accuracy', 'f1_macro']));
    expect(labels(`${DATA}features {\n  r = body_mass_g |> <|>\n}\n`)).toEqual(expect.arrayContaining(['standardize', 'log']));
    expect(labels(`${DATA}search <|>`)).toEqual(['grid', 'random', 'halving']);
    expect(labels(`${DATA}prepare {\n  impute sex with <|>\n}\n`)).toEqual(expect.arrayContaining(['median', 'mode']));
    expect(labels(`${DATA}features {\n  a = log(body_mass_g)\n}\nmodels {\n  k = knn() using <|>\n}\n`)).toEqual(['a']);
    expect(labels(`${DATA}problem classification {\n  <|>\n}\n`)).toEqual(expect.arrayContaining(['target', 'metric']));
    expect(labels(`${DATA}validate <|>`)).toEqual(expect.arrayContaining(['kfold', 'stratified_kfold']));
  });
});

describe('hover', () => {
  it('shows catalog docs for models, transforms, parameters and metrics', () => {
    expect(hoverText(`${DATA}models {\n  k = kn<|>n(k: 3)\n}\n`)).toMatch(/nearest neighbours/);
    expect(hoverText(`${DATA}models {\n  k = knn(we<|>ights: uniform)\n}\n`)).toMatch(/\*\*weights\*\*.*uniform \| distance.*default uniform/);
    expect(hoverText(`${DATA}features {\n  s = standar<|>dize(body_mass_g)\n}\n`)).toMatch(/transform/);
    expect(hoverText(`${DATA}report accu<|>racy\n`)).toMatch(/metric/);
    expect(hoverText(`${DATA}problem classification {\n  tar<|>get = species\n}\n`)).toMatch(/column to predict/);
  });
  it('shows a column profile', () => {
    const h = hoverText(`${DATA}features {\n  s = standardize(body_m<|>ass_g)\n}\n`);
    expect(h).toMatch(/body_mass_g.*integer/);
    expect(h).toMatch(/Missing: 0\.6%/);
    expect(h).toMatch(/Range: 2700 … 6300/);
  });
});

const NAV = `${DATA}features {\n  size = standardize(body_mass_g)\n  both = interactions(size, size)\n}\nmodels {\n  nb = gaussian_nb() using size\n}\n`;

describe('definition, references, rename', () => {
  it('goes from a use to the feature declaration', () => {
    const { a, offset, text } = doc(NAV.replace('using size', 'using si<|>ze'));
    const def = handleDefinition(a, uri, offset)!;
    expect(def.range.start).toEqual({ line: 2, character: 2 });
    expect(text.split('\n')[2].slice(2, 6)).toBe('size');
  });
  it('finds every reference and renames them all', () => {
    const { a, offset } = doc(NAV.replace('  size =', '  si<|>ze ='));
    expect(handleReferences(a, uri, offset)).toHaveLength(4);
    expect(handleReferences(a, uri, offset, false)).toHaveLength(3);
    const edit = handleRename(a, uri, offset, 'scaled')!;
    expect(edit.changes![uri].map((e) => e.newText)).toEqual(['scaled', 'scaled', 'scaled', 'scaled']);
    expect(handlePrepareRename(a, offset)?.placeholder).toBe('size');
  });
  it('renames model candidates and the data source, quotes names that need it', () => {
    const { a, offset } = doc(NAV.replace('  nb =', '  n<|>b ='));
    expect(handleRename(a, uri, offset, 'naive bayes')!.changes![uri][0].newText).toBe('`naive bayes`');
    const src = doc(`data peng<|>uins = csv("penguins.csv")\n`);
    expect(handleRename(src.a, uri, src.offset, 'birds')!.changes![uri]).toHaveLength(1);
  });
  it('refuses to rename a column that is not declared (it comes from the CSV header)', () => {
    const { a, offset } = doc(NAV.replace('standardize(body_mass_g)', 'standardize(body<|>_mass_g)'));
    expect(handlePrepareRename(a, offset)).toBeNull();
    expect(handleDefinition(a, uri, offset)?.range.start).toEqual({ line: 0, character: 5 });
  });
});

describe('symbols, folding, formatting, semantic tokens', () => {
  it('outlines declarations with their children', () => {
    const { a } = doc(NAV);
    const symbols = handleDocumentSymbols(a);
    expect(symbols.map((s) => s.name)).toEqual(['penguins', 'features', 'models']);
    expect(symbols[1].children!.map((s) => s.name)).toEqual(['size', 'both']);
    expect(handleFoldingRanges(a).length).toBeGreaterThanOrEqual(2);
  });
  it('formats like mlp fmt and leaves broken files alone', () => {
    const text = `${DATA}split { test = 25%, seed = 7 }\n`;
    const { a } = doc(text);
    const edits = handleFormatting(a.text, a.lines);
    expect(edits).toHaveLength(1);
    expect(edits[0].newText).toContain('split {\n  test = 25%\n  seed = 7\n}');
    const broken = doc(`${DATA}split { test = }\n`);
    expect(handleFormatting(broken.a.text, broken.a.lines)).toEqual([]);
  });
  it('produces semantic tokens', () => {
    const { a } = doc(NAV);
    expect(handleSemanticTokens(a).data.length % 5).toBe(0);
    expect(handleSemanticTokens(a).data.length).toBeGreaterThan(20);
  });
});

describe('diagnostics and code actions', () => {
  it('sends the checker diagnostics with code and hint', () => {
    const { a } = doc(`${DATA}features {\n  s = standardize(body_mass)\n}\n`);
    const ds = handleDiagnostics(a);
    const d = ds.find((x) => /body_mass/.test(String(x.message)))!;
    expect(d.code).toBe(a.diagnostics.find((x) => /body_mass/.test(x.message))!.code);
    expect(d.message).toMatch(/Did you mean `body_mass_g`\?/);
    expect(d.range.start.line).toBe(2);
  });
  it('offers did-you-mean replacements', () => {
    const { a } = doc(`${DATA}features {\n  s = standardize(body_mass)\n}\n`);
    const actions = handleCodeActions(a, uri, { start: { line: 2, character: 20 }, end: { line: 2, character: 20 } });
    const fix = actions.find((x) => x.title.includes('body_mass_g'))!;
    expect(fix.edit!.changes![uri][0].newText).toBe('body_mass_g');
    expect(suggestionsIn('Did you mean `a` or `b`?')).toEqual(['a', 'b']);
  });
  it('offers a diagnostic\'s own fix (adding a missing target)', () => {
    const { a } = doc(`${DATA}problem classification {\n  metric = accuracy\n}\n`);
    const actions = handleCodeActions(a, uri, { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } });
    expect(actions.map((x) => x.title)).toContain('Add a target');
  });
});
