/**
 * grammar/ is generated from the parser, the lexer and the catalog by
 * scripts/grammar.ts. These tests fail when a committed file is stale, and
 * check that the TextMate grammar highlights a sample as intended.
 *
 * The highlighting is checked with a small TextMate interpreter below (match
 * and begin/end rules, captures, includes, earliest-match-wins), using JS
 * regexes. When `vscode-textmate` and `vscode-oniguruma` are installed, the
 * same expectations also run through VS Code's real engine (Oniguruma).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
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

/** Per line, per character: the scopes over it (outermost first). */
type Tokenize = (lines: string[]) => Promise<string[][][]>;

/** A small TextMate interpreter over JS regexes: enough for this grammar, not a full engine. */
const jsTokenize: Tokenize = async (lines) => {
  const leaves = (rules: TmRule[]): TmRule[] => rules.flatMap((r) => {
    if (r.include === '$self') return leaves(grammar.patterns);
    if (r.include?.startsWith('#')) {
      const target = grammar.repository[r.include.slice(1)];
      if (!target) throw new Error(`unknown include ${r.include}`);
      return target.match || target.begin ? [target] : leaves(target.patterns ?? []);
    }
    return r.match || r.begin ? [r] : leaves(r.patterns ?? []);
  });
  const exec = (source: string, line: string, from: number) => {
    const re = new RegExp(source, 'dg');
    re.lastIndex = from;
    return re.exec(line);
  };
  const stack: TmRule[] = [];
  return lines.map((line) => {
    const scopes: string[][] = Array.from({ length: line.length }, () => []);
    const base = () => [grammar.scopeName, ...stack.map((r) => r.name).filter((n): n is string => !!n)];
    const paint = (from: number, to: number, names: string[]) => { for (let i = from; i < to; i++) scopes[i] = [...names]; };
    const paintMatch = (m: RegExpExecArray, outer: string[], name: string | undefined, captures: TmRule['captures']) => {
      const names = name ? [...outer, name] : outer;
      paint(m.index, m.index + m[0].length, names);
      for (const [group, capture] of Object.entries(captures ?? {})) {
        const span = m.indices?.[Number(group)];
        if (span && capture.name) for (let i = span[0]; i < span[1]; i++) scopes[i] = [...names, capture.name];
      }
    };
    let pos = 0;
    while (pos <= line.length) {
      const open = stack.at(-1);
      const endMatch = open?.end ? exec(open.end, line, pos) : null;
      let best: { rule: TmRule; m: RegExpExecArray } | undefined;
      for (const rule of leaves(open ? open.patterns ?? [] : grammar.patterns)) {
        const m = exec((rule.match ?? rule.begin)!, line, pos);
        if (m && m[0].length > 0 && (!best || m.index < best.m.index)) best = { rule, m };
      }
      if (endMatch && (!best || endMatch.index <= best.m.index)) {
        paint(pos, endMatch.index, base());
        paintMatch(endMatch, base(), undefined, open!.endCaptures);
        stack.pop();
        pos = endMatch.index + Math.max(endMatch[0].length, 1);
        continue;
      }
      if (!best) break;
      paint(pos, best.m.index, base());
      if (best.rule.match) {
        paintMatch(best.m, base(), best.rule.name, best.rule.captures);
      } else {
        paintMatch(best.m, base(), best.rule.name, { ...best.rule.captures, ...best.rule.beginCaptures });
        stack.push(best.rule);
      }
      pos = best.m.index + best.m[0].length;
    }
    paint(Math.min(pos, line.length), line.length, base());
    return scopes;
  });
};

/** VS Code's engine, when `vscode-textmate` and `vscode-oniguruma` are installed (not dependencies yet). */
async function loadRealTokenizer(): Promise<Tokenize | undefined> {
  const load = async (name: string) => {
    try {
      const mod = await import(/* @vite-ignore */ name);
      return mod.default ?? mod;
    } catch {
      return undefined;
    }
  };
  const textmate = await load('vscode-textmate');
  const oniguruma = await load('vscode-oniguruma');
  if (!textmate || !oniguruma) return undefined;
  const wasm = readFileSync(createRequire(import.meta.url).resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scope: string) => (scope === grammar.scopeName ? textmate.parseRawGrammar(grammarText, 'mlp.tmLanguage.json') : null),
  });
  const real = await registry.loadGrammar(grammar.scopeName);
  return async (lines) => {
    let ruleStack = textmate.INITIAL;
    return lines.map((line) => {
      const result = real.tokenizeLine(line, ruleStack);
      ruleStack = result.ruleStack;
      const scopes: string[][] = Array.from({ length: line.length }, () => []);
      for (const token of result.tokens as { startIndex: number; endIndex: number; scopes: string[] }[]) {
        for (let i = token.startIndex; i < Math.min(token.endIndex, line.length); i++) scopes[i] = token.scopes;
      }
      return scopes;
    });
  };
}

const realTokenizer = await loadRealTokenizer();

const sample = [
  '/// Classify e-mails as spam or ham.',
  'pipeline spam_filter',
  'data emails = csv("data/spam.csv") { text : text, `first name` : text }',
  'problem classification { target = label, positive = "sp\\"am", metric = f1 }',
  'prepare { drop rows where label is not missing during training and prediction }',
  'features { words = tfidf(text, ngrams: 1..2) // bag of words',
  '  length = text |> length |> log1p |> standardize, ratio = a / b ^ 2 }',
  'split { test = 12%, seed = 42 } /* block',
  '   comment */ validate kfold(5)',
  'models { svm = svm(C: logspace(-2, 2, 5)), nb = my_model(x: 1e-3) }',
  'search random { time = 10m, trials = 40 } report accuracy, f1',
  'export "bad',
  'select x >= 3 and y != null or z == true',
];

/** [line, text to find on that line (n-th occurrence), scope expected on each of its characters] */
const expectations: [number, string, string, number?][] = [
  [0, '/// Classify', 'comment.line.documentation.mlp'],
  [1, 'pipeline', 'keyword.control.declaration.mlp'],
  [1, 'spam_filter', 'entity.name.type.pipeline.mlp'],
  [2, 'data', 'keyword.control.declaration.mlp'],
  [2, 'emails', 'entity.name.variable.data.mlp'],
  [2, 'csv', 'support.function.builtin.mlp'],
  [2, '"data/spam.csv"', 'string.quoted.double.mlp'],
  [2, '`first name`', 'variable.other.quoted.mlp'],
  [3, 'target', 'variable.other.property.mlp'],
  [3, '"sp\\"am"', 'string.quoted.double.mlp'],
  [3, '\\"', 'constant.character.escape.mlp'],
  [4, 'drop', 'keyword.other.statement.mlp'],
  [4, 'rows', 'keyword.other.statement.mlp'],
  [4, 'where', 'keyword.other.statement.mlp'],
  [4, 'is', 'keyword.operator.logical.mlp'],
  [4, 'not', 'keyword.operator.logical.mlp'],
  [4, 'missing', 'keyword.operator.logical.mlp'],
  [4, 'during', 'keyword.other.statement.mlp'],
  [4, 'and', 'keyword.operator.logical.mlp'],
  [5, 'features', 'keyword.control.declaration.mlp'],
  [5, 'tfidf', 'support.function.transform.mlp'],
  [5, '1', 'constant.numeric.mlp'],
  [5, '..', 'keyword.operator.range.mlp'],
  [5, '// bag of words', 'comment.line.double-slash.mlp'],
  [6, 'length', 'variable.other.property.mlp'],
  [6, '|>', 'keyword.operator.pipe.mlp'],
  [6, 'length', 'support.function.transform.mlp', 2],
  [6, 'log1p', 'support.function.transform.mlp'],
  [6, 'standardize', 'support.function.transform.mlp'],
  [6, '/', 'keyword.operator.arithmetic.mlp'],
  [6, '^', 'keyword.operator.arithmetic.mlp'],
  [7, '12%', 'constant.numeric.percentage.mlp'],
  [7, '=', 'keyword.operator.assignment.mlp'],
  [7, '/* block', 'comment.block.mlp'],
  [8, '   comment */', 'comment.block.mlp'],
  [8, 'validate', 'keyword.control.declaration.mlp'],
  [8, 'kfold', 'support.function.builtin.mlp'],
  [9, 'svm', 'variable.other.property.mlp'],
  [9, 'svm', 'support.class.model.mlp', 2],
  [9, '-', 'keyword.operator.arithmetic.mlp'],
  [9, 'my_model', 'entity.name.function.mlp'],
  [9, '1e-3', 'constant.numeric.mlp'],
  [10, '10m', 'constant.numeric.duration.mlp'],
  [10, 'report', 'keyword.control.declaration.mlp'],
  [11, '"bad', 'invalid.illegal.unterminated-string.mlp'],
  [12, 'select', 'keyword.other.statement.mlp'],
  [12, '>=', 'keyword.operator.comparison.mlp'],
  [12, '!=', 'keyword.operator.comparison.mlp'],
  [12, '==', 'keyword.operator.comparison.mlp'],
  [12, 'null', 'constant.language.mlp'],
  [12, 'true', 'constant.language.mlp'],
  [12, 'or', 'keyword.operator.logical.mlp'],
];

function nth(line: string, text: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = line.indexOf(text, at + 1);
    if (at < 0) throw new Error(`"${text}" occurs fewer than ${n} times in: ${line}`);
  }
  return at;
}

function checkSample(tokenize: () => Promise<Tokenize | undefined>) {
  it.each(expectations)('line %i: %s → %s', async (lineNo, text, scope, occurrence = 1) => {
    const scopes = await (await tokenize())!(sample);
    const line = sample[lineNo];
    const at = nth(line, text, occurrence);
    for (let i = at; i < at + text.length; i++) {
      expect(scopes[lineNo][i], `${JSON.stringify(line[i])} at ${i} of ${JSON.stringify(line)}`).toContain(scope);
    }
  });

  it('gives every reserved word of the lexer a keyword or constant scope', async () => {
    const words = keywords.map((k) => (k.PATTERN as RegExp).source);
    const scopes = await (await tokenize())!(words);
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
    const scopes = await (await tokenize())!(calls.map(([name]) => `x = ${name}(1)`));
    calls.forEach(([name, scope], i) => expect(scopes[i][4], name).toContain(scope));
  });
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

  describe('highlights a sample (JS interpreter)', () => checkSample(async () => jsTokenize));

  describe.skipIf(!realTokenizer)('highlights a sample (vscode-textmate + Oniguruma)', () => checkSample(async () => realTokenizer));
});
