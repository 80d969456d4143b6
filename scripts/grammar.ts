/**
 * Generates grammar/ from the parser, the lexer and the catalog, so the
 * published grammar cannot drift from the one the compiler runs:
 *
 *   grammar/mlp.ebnf             EBNF of every parser rule (walks Chevrotain's GAST)
 *   grammar/railroad.html        Chevrotain's syntax diagrams, scripts inlined (works offline)
 *   grammar/mlp.tmLanguage.json  TextMate grammar; keyword and catalog name lists filled in
 *
 * Usage: npx tsx scripts/grammar.ts          (write the files)
 *        npx tsx scripts/grammar.ts --check  (exit 1 if any file is stale)
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  Alternation, Alternative, NonTerminal, Option, Repetition, RepetitionMandatory, RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator, Terminal, createSyntaxDiagramsCode, tokenLabel, type IProduction, type Rule, type TokenType,
} from 'chevrotain';
import { parser } from '../src/syntax/parser.ts';
import * as T from '../src/syntax/tokens.ts';
import { functions, models, transforms } from '../src/catalog/index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const regenerate = 'npx tsx scripts/grammar.ts';

// ---------------------------------------------------------------- EBNF

/** A token as the EBNF shows it: its quoted label for fixed words and symbols, else its name. */
function terminalText(token: TokenType): string {
  const label = tokenLabel(token);
  return label.startsWith("'") ? label : token.name;
}

/** Wraps a sequence in parentheses when a postfix operator or neighbour would otherwise bind wrongly. */
function group(parts: IProduction[], suffix: string): string {
  const body = sequence(parts);
  // a single item needs no parentheses (an alternation brings its own)
  return (parts.length === 1 ? body : `( ${body} )`) + suffix;
}

function sequence(parts: IProduction[]): string {
  return parts.map(production).join(' ');
}

function production(p: IProduction): string {
  if (p instanceof NonTerminal) return p.nonTerminalName;
  if (p instanceof Terminal) return terminalText(p.terminalType);
  if (p instanceof Option) return group(p.definition, '?');
  if (p instanceof Repetition) return group(p.definition, '*');
  if (p instanceof RepetitionMandatory) return group(p.definition, '+');
  if (p instanceof RepetitionWithSeparator) return `( ${sequence(p.definition)} ( ${terminalText(p.separator)} ${sequence(p.definition)} )* )?`;
  if (p instanceof RepetitionMandatoryWithSeparator) return `${group(p.definition, '')} ( ${terminalText(p.separator)} ${sequence(p.definition)} )*`;
  if (p instanceof Alternation) return `( ${p.definition.map(production).join(' | ')} )`;
  if (p instanceof Alternative) return sequence(p.definition);
  throw new Error(`grammar.ts: unknown GAST production ${p.constructor.name}`);
}

/** One rule; a rule that is a single choice lists one alternative per line. */
function ruleText(rule: Rule, doc: string | undefined): string {
  const lines: string[] = [];
  if (doc) lines.push(`/* ${doc} */`);
  const [only] = rule.definition;
  if (rule.definition.length === 1 && only instanceof Alternation) {
    lines.push(`${rule.name} ::=`);
    only.definition.forEach((alt, i) => lines.push(`    ${i === 0 ? ' ' : '|'} ${production(alt)}`));
  } else {
    lines.push(`${rule.name} ::= ${sequence(rule.definition)}`);
  }
  return lines.join('\n');
}

/** The one-line `/** … *\/` doc comments written above rules in parser.ts, by rule name. */
function ruleDocs(): Map<string, string> {
  const source = readFileSync(join(root, 'src/syntax/parser.ts'), 'utf8');
  const docs = new Map<string, string>();
  for (const m of source.matchAll(/\/\*\*\s*(.*?)\s*\*\/\s*\n\s*(\w+)\s*=\s*this\.RULE\(/g)) docs.set(m[2], m[1].replaceAll('*/', '* /'));
  return docs;
}

/** Tokens referred to by name in the rules, with their patterns. */
function tokenSection(): string[] {
  const named = T.allTokens.filter((t) => !tokenLabel(t).startsWith("'") && t.GROUP === undefined);
  const width = Math.max(...named.map((t) => t.name.length));
  const lines = ['/* The lexer tries the tokens in the order of src/syntax/tokens.ts; the first that matches wins. */'];
  lines.push(...named.map((t) => {
    const label = t.LABEL && t.LABEL !== t.name ? `   /* ${t.LABEL} */` : '';
    return `${t.name.padEnd(width)} ::= /${(t.PATTERN as RegExp).source}/${label}`;
  }));
  const ignored = T.allTokens.filter((t) => t.GROUP !== undefined);
  lines.push('', '/* Allowed between any two tokens and ignored by the rules (the lexer keeps comments aside for the formatter and hover docs): */');
  for (const t of ignored) lines.push(`${t.name.padEnd(width)} ::= /${(t.PATTERN as RegExp).source}/`);
  lines.push('', "/* Reserved words: never an Identifier (a longer word such as `dropped` is); write `rows` in backticks to use one as a name. */");
  lines.push(...wrap(T.keywords.map((k) => tokenLabel(k)), '    '));
  return lines;
}

function wrap(words: string[], indent: string, width = 78): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const w of words) {
    if (line.length + w.length + 1 > width && line.trim()) { lines.push(line.trimEnd()); line = indent; }
    line += `${w} `;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** grammar/mlp.ebnf */
export function generateEbnf(): string {
  const rules = parser().getGAstProductions();
  const docs = ruleDocs();
  const header = [
    '/*',
    ' * The grammar of .mlp files, in W3C-style EBNF:',
    " *   'x' a fixed word or symbol, ( ) grouping, | choice, ? optional, * zero or more, + one or more.",
    ' *',
    ` * GENERATED from the Chevrotain parser (src/syntax/parser.ts, src/syntax/tokens.ts); do not edit.`,
    ` * Regenerate with: ${regenerate}`,
    ' */',
  ];
  const body = Object.values(rules).map((r) => ruleText(r, docs.get(r.name)));
  return [...header, '', body.join('\n\n'), '', '/* ---- Tokens ---- */', '', ...tokenSection(), ''].join('\n');
}

// ---------------------------------------------------------------- railroad diagrams

/** Chevrotain's diagram page with its CSS and scripts (shipped in the chevrotain package) inlined, so it opens offline. */
export function generateRailroad(): string {
  const placeholder = 'chevrotain-diagrams:/';
  const html = createSyntaxDiagramsCode(parser().getSerializedGastProductions(), { resourceBase: placeholder, css: `${placeholder}diagrams.css` });
  const diagramsDir = join(dirname(createRequire(import.meta.url).resolve('chevrotain')), '../../diagrams');
  const resource = (path: string) => readFileSync(join(diagramsDir, path), 'utf8').replaceAll('</script', '<\\/script').trimEnd();
  const inlined = html
    .replace(/<link rel='stylesheet' href='chevrotain-diagrams:\/([^']+)'>/g, (_, path: string) => `<style>\n${resource(path)}\n</style>`)
    .replace(/<script src='chevrotain-diagrams:\/([^']+)'><\/script>/g, (_, path: string) => `<script>\n${resource(path)}\n</script>`);
  if (inlined.includes(placeholder)) throw new Error('grammar.ts: createSyntaxDiagramsCode output changed shape; update generateRailroad');
  // the doctype must come first (a comment before it puts browsers in quirks mode)
  const doctype = '<!DOCTYPE html>';
  const body = inlined.replace('<!-- This is a generated file -->', '').replace(/[ \t]+$/gm, '').trim();
  if (!body.startsWith(doctype)) throw new Error('grammar.ts: createSyntaxDiagramsCode output changed shape; update generateRailroad');
  const banner = `<!-- GENERATED from src/syntax/parser.ts by scripts/grammar.ts; do not edit. Regenerate with: ${regenerate} -->`;
  const rest = body.slice(doctype.length).replace('<meta charset="utf-8">', '<meta charset="utf-8">\n<title>.mlp grammar: syntax diagrams</title>');
  return `${doctype}\n${banner}${rest}\n`;
}

// ---------------------------------------------------------------- TextMate grammar

const constantWords = new Set(['true', 'false', 'null']);
const logicalWords = new Set(['and', 'or', 'not', 'is', 'missing']);
const declarationWords = new Set<string>(T.declarationKeywords);

const keywordWords = (): string[] => T.keywords.map((k) => (k.PATTERN as RegExp).source);
const wordsPattern = (words: readonly string[]) => `\\b(?:${[...words].sort().join('|')})\\b`;
const namesPattern = (names: readonly string[]) => [...names].sort().join('|');
const name = '(?:[A-Za-z_][A-Za-z0-9_]*|`[^`\\n]*`)';

/**
 * The hand-written part of the TextMate grammar. `{{…}}` placeholders are
 * filled from the lexer and the catalog by `generateTmLanguage`. Patterns are
 * written in the common subset of Oniguruma and JavaScript regexes (no `\h`,
 * `\A`, `\z`, `\G`, inline flags or possessive quantifiers) so the tests can
 * compile them as JS RegExps.
 */
const template = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'MLP',
  scopeName: 'source.mlp',
  fileTypes: ['mlp'],
  patterns: [
    { include: '#comments' },
    { include: '#strings' },
    { include: '#numbers' },
    { include: '#declarations' },
    { include: '#keywords' },
    { include: '#properties' },
    { include: '#calls' },
    { include: '#pipe-targets' },
    { include: '#quoted-names' },
    { include: '#operators' },
    { include: '#punctuation' },
  ],
  repository: {
    comments: {
      patterns: [
        { name: 'comment.line.documentation.mlp', match: '(///).*$', captures: { 1: { name: 'punctuation.definition.comment.mlp' } } },
        { name: 'comment.line.double-slash.mlp', match: '(//).*$', captures: { 1: { name: 'punctuation.definition.comment.mlp' } } },
        { name: 'comment.block.mlp', begin: '/\\*', end: '\\*/', beginCaptures: { 0: { name: 'punctuation.definition.comment.begin.mlp' } }, endCaptures: { 0: { name: 'punctuation.definition.comment.end.mlp' } } },
      ],
    },
    strings: {
      patterns: [
        { name: 'invalid.illegal.unterminated-string.mlp', match: '"(?:[^"\\\\\\n]|\\\\.)*(?:\\\\)?$' },
        {
          name: 'string.quoted.double.mlp', begin: '"', end: '"',
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.mlp' } },
          endCaptures: { 0: { name: 'punctuation.definition.string.end.mlp' } },
          patterns: [{ name: 'constant.character.escape.mlp', match: '\\\\.' }],
        },
      ],
    },
    numbers: {
      patterns: [
        { name: 'constant.numeric.percentage.mlp', match: '\\b\\d+(?:\\.\\d+)?%' },
        { name: 'constant.numeric.duration.mlp', match: '\\b\\d+(?:\\.\\d+)?(?:ms|s|m|h)\\b' },
        { name: 'constant.numeric.mlp', match: '\\b\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b' },
      ],
    },
    declarations: {
      patterns: [
        {
          comment: 'the pipeline\'s name',
          match: `\\b(pipeline)\\s+(${name})`,
          captures: { 1: { name: 'keyword.control.declaration.mlp' }, 2: { name: 'entity.name.type.pipeline.mlp' } },
        },
        {
          comment: 'the name of a data source',
          match: `\\b(data)\\s+(${name})`,
          captures: { 1: { name: 'keyword.control.declaration.mlp' }, 2: { name: 'entity.name.variable.data.mlp' } },
        },
      ],
    },
    keywords: {
      patterns: [
        { name: 'keyword.control.declaration.mlp', match: '{{declarationKeywords}}' },
        { name: 'keyword.other.statement.mlp', match: '{{statementKeywords}}' },
        { name: 'keyword.operator.logical.mlp', match: '{{logicalKeywords}}' },
        { name: 'constant.language.mlp', match: '{{constantKeywords}}' },
      ],
    },
    properties: {
      patterns: [
        {
          comment: 'setting keys and declared features/models: `name =` (not `==`)',
          match: `(?<![A-Za-z0-9_])(${name})\\s*(?==(?!=))`,
          captures: { 1: { name: 'variable.other.property.mlp' } },
        },
      ],
    },
    calls: {
      patterns: [
        { comment: 'models of the catalog', match: '\\b({{models}})(?=\\s*\\()', captures: { 1: { name: 'support.class.model.mlp' } } },
        { comment: 'transforms of the catalog', match: '\\b({{transforms}})(?=\\s*\\()', captures: { 1: { name: 'support.function.transform.mlp' } } },
        { comment: 'other built-in functions of the catalog', match: '\\b({{functions}})(?=\\s*\\()', captures: { 1: { name: 'support.function.builtin.mlp' } } },
        { comment: 'any other call', match: '\\b([A-Za-z_][A-Za-z0-9_]*)(?=\\s*\\()', captures: { 1: { name: 'entity.name.function.mlp' } } },
      ],
    },
    'pipe-targets': {
      patterns: [
        {
          comment: 'a transform named without parentheses after `|>`',
          match: '(\\|>)\\s*({{transforms}})\\b',
          captures: { 1: { name: 'keyword.operator.pipe.mlp' }, 2: { name: 'support.function.transform.mlp' } },
        },
      ],
    },
    'quoted-names': {
      patterns: [
        {
          name: 'variable.other.quoted.mlp', match: '(`)[^`\\n]*(`)',
          captures: { 1: { name: 'punctuation.definition.quoted.begin.mlp' }, 2: { name: 'punctuation.definition.quoted.end.mlp' } },
        },
      ],
    },
    operators: {
      patterns: [
        { name: 'keyword.operator.pipe.mlp', match: '\\|>' },
        { name: 'keyword.operator.range.mlp', match: '\\.\\.' },
        { name: 'keyword.operator.comparison.mlp', match: '<=|>=|==|!=|<|>' },
        { name: 'keyword.operator.assignment.mlp', match: '=' },
        { name: 'keyword.operator.arithmetic.mlp', match: '[-+*/^]' },
      ],
    },
    punctuation: {
      patterns: [
        { name: 'punctuation.separator.key-value.mlp', match: ':' },
        { name: 'punctuation.separator.comma.mlp', match: ',' },
        { name: 'punctuation.section.block.begin.mlp', match: '\\{' },
        { name: 'punctuation.section.block.end.mlp', match: '\\}' },
        { name: 'punctuation.section.brackets.begin.mlp', match: '\\[' },
        { name: 'punctuation.section.brackets.end.mlp', match: '\\]' },
        { name: 'punctuation.section.parens.begin.mlp', match: '\\(' },
        { name: 'punctuation.section.parens.end.mlp', match: '\\)' },
      ],
    },
  },
};

/** grammar/mlp.tmLanguage.json */
export function generateTmLanguage(): string {
  const words = keywordWords();
  const statementWords = words.filter((w) => !declarationWords.has(w) && !logicalWords.has(w) && !constantWords.has(w));
  for (const set of [declarationWords, logicalWords, constantWords]) {
    for (const w of set) if (!words.includes(w)) throw new Error(`grammar.ts: '${w}' is no longer a keyword in tokens.ts; update the TextMate template`);
  }
  const fill: Record<string, string> = {
    declarationKeywords: wordsPattern([...declarationWords]),
    statementKeywords: wordsPattern(statementWords),
    logicalKeywords: wordsPattern([...logicalWords]),
    constantKeywords: wordsPattern([...constantWords]),
    models: namesPattern(models.map((m) => m.name)),
    transforms: namesPattern(transforms.map((t) => t.name)),
    functions: namesPattern(functions.map((f) => f.name)),
  };
  const filled = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
        if (!(key in fill)) throw new Error(`grammar.ts: unknown placeholder {{${key}}}`);
        return fill[key];
      });
    }
    if (Array.isArray(value)) return value.map(filled);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, filled(v)]));
    return value;
  };
  const grammar = {
    comment: `GENERATED from src/syntax/tokens.ts and src/catalog by scripts/grammar.ts; do not edit. Regenerate with: ${regenerate}`,
    ...(filled(template) as typeof template),
  };
  const json = JSON.stringify(grammar, null, 2);
  return `${json}\n`;
}

// ---------------------------------------------------------------- files

/** Every generated file, by path relative to the repository root. */
export function generatedFiles(): Record<string, string> {
  const tmLanguage = generateTmLanguage();
  return {
    'grammar/mlp.ebnf': generateEbnf(),
    'grammar/railroad.html': generateRailroad(),
    'grammar/mlp.tmLanguage.json': tmLanguage,
    // the VS Code extension ships its own copy (an extension cannot reach outside its folder)
    'editors/vscode/grammar/mlp.tmLanguage.json': tmLanguage,
  };
}

/** Paths whose committed content differs from what the generator produces now. */
export function staleFiles(dir = root): string[] {
  return Object.entries(generatedFiles()).filter(([path, text]) => {
    try {
      return readFileSync(join(dir, path), 'utf8') !== text;
    } catch {
      return true;
    }
  }).map(([path]) => path);
}

function main(args: string[]): number {
  if (args.includes('--check')) {
    const stale = staleFiles();
    for (const path of stale) console.error(`${path} is out of date; regenerate with: ${regenerate}`);
    return stale.length === 0 ? 0 : 1;
  }
  for (const [path, text] of Object.entries(generatedFiles())) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    console.log(`wrote ${path}`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main(process.argv.slice(2));
