/**
 * grammar/ is generated from the parser, the lexer and the catalog by
 * scripts/grammar.ts. These tests fail when a committed file is stale, and
 * check that the TextMate grammar highlights a sample as intended.
 *
 * The highlighting is checked with VS Code's own engine (vscode-textmate +
 * Oniguruma): the samples in test/grammar/syntax/ carry vscode-tmgrammar-test
 * assertions (`npm run test:grammar` runs them alone), and every keyword and
 * catalog name is checked here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import vm from 'node:vm';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { describe, expect, it } from 'vitest';
import { generatedFiles, staleFiles } from '../../scripts/grammar.ts';
import { parser } from '../../src/syntax/parser.ts';
import { keywords } from '../../src/syntax/tokens.ts';
import { functions, models, transforms } from '../../src/catalog/index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const ruleNames = Object.keys(parser().getGAstProductions());

describe('generated grammar files', () => {
  it('are up to date with the parser, lexer and catalog', () => {
    const stale = staleFiles();
    expect(stale, `stale: ${stale.join(', ')}. Regenerate with: npx tsx scripts/grammar.ts`).toEqual([]);
  });

  it('are generated deterministically', () => {
    expect(generatedFiles()).toEqual(generatedFiles());
  });
});

describe('grammar/mlp.ebnf', () => {
  const ebnf = read('grammar/mlp.ebnf');

  it('says it is generated and how to regenerate it', () => {
    expect(ebnf).toMatch(/GENERATED/);
    expect(ebnf).toContain('npx tsx scripts/grammar.ts');
  });

  it('defines every parser rule exactly once', () => {
    for (const rule of ruleNames) expect(ebnf.match(new RegExp(`^${rule} ::=`, 'gm')), rule).toHaveLength(1);
  });

  it('refers only to defined rules, named tokens and quoted symbols', () => {
    const defined = new Set([...ebnf.matchAll(/^(\w+)\s*::=/gm)].map((m) => m[1]));
    const rulesText = ebnf.slice(0, ebnf.indexOf('/* ---- Tokens ---- */')).replace(/\/\*[\s\S]*?\*\//g, '').replace(/'[^']*'/g, '');
    for (const [word] of rulesText.matchAll(/\b[A-Za-z_]\w*\b/g)) expect(defined.has(word), word).toBe(true);
  });
});

describe('grammar/railroad.html', () => {
  const html = read('grammar/railroad.html');

  it('is self-contained (no external scripts or stylesheets)', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
  });

  it('renders one diagram per parser rule with its inlined scripts', () => {
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    const page = vm.createContext({}) as Record<string, any>;
    page.window = page;
    // railroad-diagrams, the diagram builder, and the serialized grammar; the rest needs a DOM
    for (const script of scripts.filter((s) => /root\.railroad|root\.diagrams_builder|serializedGrammar =/.test(s) || s.includes('this.railroad'))) {
      vm.runInContext(script, page);
    }
    const svg: string = page.diagrams_builder.buildSyntaxDiagramsText(page.serializedGrammar);
    expect(svg.match(/<svg/g)).toHaveLength(ruleNames.length);
    for (const rule of ruleNames) expect(svg).toContain(`>${rule}</h2>`);
  });
});

// ---------------------------------------------------------------- TextMate

interface TmRule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  include?: string;
  captures?: Record<string, { name?: string }>;
  beginCaptures?: Record<string, { name?: string }>;
  endCaptures?: Record<string, { name?: string }>;
  patterns?: TmRule[];
  comment?: string;
}
interface TmGrammar { scopeName: string; patterns: TmRule[]; repository: Record<string, TmRule> }

const grammarText = read('grammar/mlp.tmLanguage.json');
const grammar = JSON.parse(grammarText) as TmGrammar;

function allRules(rules: TmRule[], out: TmRule[] = []): TmRule[] {
  for (const r of rules) { out.push(r); if (r.patterns) allRules(r.patterns, out); }
  return out;
}
const everyRule = allRules([...grammar.patterns, ...Object.values(grammar.repository)]);

/** Per line, per character: the scopes over it (outermost first), from VS Code's own engine. */
async function loadTokenizer(): Promise<(lines: string[]) => string[][][]> {
  const wasm = readFileSync(createRequire(import.meta.url).resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scope: string) => (scope === grammar.scopeName ? textmate.parseRawGrammar(grammarText, 'mlp.tmLanguage.json') : null),
  });
  const real = (await registry.loadGrammar(grammar.scopeName))!;
  return (lines) => {
    let ruleStack = textmate.INITIAL;
    return lines.map((line) => {
      const result = real.tokenizeLine(line, ruleStack);
      ruleStack = result.ruleStack;
      const scopes: string[][] = Array.from({ length: line.length }, () => []);
      for (const token of result.tokens) {
        for (let i = token.startIndex; i < Math.min(token.endIndex, line.length); i++) scopes[i] = token.scopes;
      }
      return scopes;
    });
  };
}

describe('grammar/mlp.tmLanguage.json', () => {
  it('is a TextMate grammar for source.mlp', () => {
    expect(grammar.scopeName).toBe('source.mlp');
    expect(Array.isArray(grammar.patterns)).toBe(true);
    for (const rule of everyRule) {
      if (rule.include?.startsWith('#')) expect(grammar.repository, rule.include).toHaveProperty(rule.include.slice(1));
    }
  });

  it('uses only regexes that compile in JS unicode mode (so no Oniguruma-only escapes such as \\h, \\A, \\z, \\G)', () => {
    const sources = everyRule.flatMap((r) => [r.match, r.begin, r.end]).filter((s): s is string => s !== undefined);
    expect(sources.length).toBeGreaterThan(20);
    for (const source of sources) {
      expect(() => new RegExp(source, 'u'), source).not.toThrow();
      expect(source, 'possessive quantifiers and inline flags are Oniguruma-only').not.toMatch(/[*+?}][+]|\(\?[imx]+[):]/);
    }
  });

  it('highlights the syntax-test samples as their assertions say (vscode-tmgrammar-test)', () => {
    const cli = createRequire(import.meta.url).resolve('vscode-tmgrammar-test/dist/unit.js');
    const run = spawnSync(process.execPath, [cli, '--compact', '-g', 'grammar/mlp.tmLanguage.json', 'test/grammar/syntax/*.test.mlp'], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/sample\.test\.mlp run successfuly/);
  });

  it('gives every reserved word of the lexer a keyword or constant scope', async () => {
    const words = keywords.map((k) => (k.PATTERN as RegExp).source);
    const scopes = (await loadTokenizer())(words);
    words.forEach((word, i) => {
      expect(scopes[i][0].some((s) => s.startsWith('keyword.') || s.startsWith('constant.language.')), word).toBe(true);
    });
  });

  it('highlights every catalog model, transform and built-in function when called', async () => {
    const calls = [
      ...models.map((m) => [m.name, 'support.class.model.mlp']),
      ...transforms.map((t) => [t.name, 'support.function.transform.mlp']),
      ...functions.filter((f) => !transforms.some((t) => t.name === f.name)).map((f) => [f.name, 'support.function.builtin.mlp']),
    ];
    const scopes = (await loadTokenizer())(calls.map(([name]) => `x = ${name}(1)`));
    calls.forEach(([name, scope], i) => expect(scopes[i][4], name).toContain(scope));
  });
});
