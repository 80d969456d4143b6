/**
 * Generates the reference tables of docs/language.md from the catalog, so the
 * documented models, transforms, functions, metrics and block settings cannot
 * drift from the ones the checker knows. The tables go between the marker
 * comments `<!-- catalog:begin -->` and `<!-- catalog:end -->`; the rest of
 * the file is written by hand.
 *
 * Usage: npx tsx scripts/docs.ts          (rewrite the section in docs/language.md)
 *        npx tsx scripts/docs.ts --check  (exit 1 if the section is stale)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { blocks, functions, metrics, models, transforms, type FunctionEntry, type ParamSpec } from '../src/catalog/index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const languageDoc = join(root, 'docs/language.md');
export const BEGIN = '<!-- catalog:begin -->';
export const END = '<!-- catalog:end -->';
const regenerate = 'npx tsx scripts/docs.ts';

/** Escapes text for a Markdown table cell. */
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s: string): string => (s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``);

function valueText(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(valueText).join(', ')}]`;
  if (typeof v === 'string') return v;
  return String(v);
}

/** A parameter's default as shown in the tables (task-dependent defaults name both). */
function defaultText(p: ParamSpec): string {
  const d = p.default;
  if (d === undefined) return p.required ? 'required' : '—';
  if (d !== null && typeof d === 'object' && !Array.isArray(d)) {
    return `${code(valueText(d.classification))} (classification), ${code(valueText(d.regression))} (regression)`;
  }
  if (Array.isArray(d) && d.length === 2 && p.type === 'int_range') return code(`${d[0]}..${d[1]}`);
  if (Array.isArray(d) && p.type === 'strings') return code(`[${d.map((x) => JSON.stringify(x)).join(', ')}]`);
  if (d === null && p.type === 'strings') return 'all';
  return code(valueText(d));
}

const typeNames: Record<ParamSpec['type'], string> = {
  number: 'number', integer: 'integer', boolean: 'boolean', string: 'string', enum: 'word', integer_list: 'list of integers',
  int_range: 'integer range', duration: 'duration', column: 'column', columns: 'columns', strings: 'list of strings', metric: 'metric', any: 'any value',
};

/** The values a parameter accepts: its type, domain, allowed words, nullability. */
function domainText(p: ParamSpec): string {
  const parts: string[] = [];
  if (p.type === 'enum') parts.push(p.values!.map(code).join(' | '));
  else {
    let t = typeNames[p.type];
    if (p.min !== undefined || p.max !== undefined) {
      if (p.min !== undefined && p.max !== undefined) t += ` in ${p.minExclusive ? '(' : '['}${p.min}, ${p.max}${p.maxExclusive ? ')' : ']'}`;
      else if (p.min !== undefined) t += ` ${p.minExclusive ? '>' : '≥'} ${p.min}`;
      else t += ` ${p.maxExclusive ? '<' : '≤'} ${p.max}`;
    }
    parts.push(t);
    if (p.values) parts.push(p.type === 'strings' ? `of ${p.values.map(code).join(', ')}` : `or ${p.values.map(code).join(' | ')}`);
  }
  if (p.nullable) parts.push('or `null`');
  return parts.join(' ');
}

function paramNotes(p: ParamSpec): string {
  const notes: string[] = [];
  if (p.positional) notes.push('positional');
  if (p.appliesWhen) notes.push(`only when \`${p.appliesWhen.param}\` is ${p.appliesWhen.values.map(code).join(' or ')}`);
  return notes.length ? ` *(${notes.join('; ')})*` : '';
}

function paramTable(params: readonly ParamSpec[], first = 'parameter'): string[] {
  if (params.length === 0) return ['No parameters.', ''];
  return [
    `| ${first} | values | default | meaning |`,
    '|---|---|---|---|',
    ...params.map((p) => `| \`${p.name}\`${paramNotes(p)} | ${cell(domainText(p))} | ${cell(defaultText(p))} | ${cell(p.doc)} |`),
    '',
  ];
}

const roleTitles: Record<FunctionEntry['role'], string> = {
  source: 'Data sources', type: 'Column types', validation: 'Validation methods', outlier: 'Outlier methods (`clip … to`, `drop outliers … by`)',
  imputer: 'Imputation methods (`impute … with`)', space: 'Search-space functions', selector: 'Feature selectors (`select …`)',
};
const roleOrder: FunctionEntry['role'][] = ['source', 'type', 'validation', 'outlier', 'imputer', 'space', 'selector'];

/** The generated Markdown between the markers (markers excluded). */
export function generateCatalogSection(): string {
  const out: string[] = [
    `<!-- Generated from src/catalog by scripts/docs.ts; do not edit by hand. Regenerate with: ${regenerate} -->`,
    '',
    '### Models',
    '',
    '| model | tasks | probabilities | sparse (text) input | |',
    '|---|---|---|---|---|',
    ...models.map((m) => `| [\`${m.name}\`](#model-${m.name}) | ${m.tasks.join(', ')} | ${m.probabilities ? 'yes' : 'no'} | ${m.sparseInput ? 'yes' : 'no'} | ${cell(m.doc.split(/(?<=\.)\s/)[0])} |`),
    '',
  ];
  for (const m of models) {
    out.push(`<a id="model-${m.name}"></a>`, '', `#### \`${m.name}\``, '', m.doc, '', `Tasks: ${m.tasks.join(', ')}. Example: \`${m.example}\``, '', ...paramTable(m.params));
  }

  out.push('### Transforms', '',
    'Transforms are called in the `features` block, either as `name(inputs…, param: value)` or as a step of a pipe (`input |> name` or `input |> name(param: value)`). *Learned* transforms fit statistics on the training rows of each fold only.', '',
    '| transform | inputs | arity | output | learned | |',
    '|---|---|---|---|---|---|',
    ...transforms.map((t) => `| [\`${t.name}\`](#transform-${t.name}) | ${t.inputs.join(', ')} | ${t.arity === 'one' ? 'one column' : 'each input'} | ${t.output === 'sparse' ? 'sparse matrix' : t.output} | ${t.learned ? 'yes' : 'no'} | ${cell(t.doc.split(/(?<=\.)\s/)[0])} |`),
    '');
  for (const t of transforms) {
    out.push(`<a id="transform-${t.name}"></a>`, '', `#### \`${t.name}\``, '', t.doc, '', `Inputs: ${t.inputs.join(', ')}. Example: \`${t.example}\``, '', ...paramTable(t.params));
  }

  out.push('### Built-in functions', '');
  for (const role of roleOrder) {
    const fs = functions.filter((f) => f.role === role);
    if (fs.length === 0) continue;
    out.push(`#### ${roleTitles[role]}`, '');
    for (const f of fs) {
      out.push(`<a id="function-${f.name}"></a>`, '', `**\`${f.name}\`** — ${f.doc} Example: ${code(f.example)}`, '');
      if (f.params.length) out.push(...paramTable(f.params));
    }
  }

  out.push('### Metrics', '',
    '| metric | task | better | needs | optimisable | meaning |',
    '|---|---|---|---|---|---|',
    ...metrics.map((m) => {
      const needs = [m.binary ? '`positive` class' : '', m.scores ? 'probabilities' : ''].filter(Boolean).join(', ') || '—';
      return `| \`${m.name}\` | ${m.tasks.join(', ')} | ${m.greaterIsBetter ? 'higher' : 'lower'} | ${needs} | ${m.optimizable ? 'yes' : 'no (report only)'} | ${cell(m.doc)} |`;
    }),
    '');

  out.push('### Block settings', '');
  for (const b of blocks) {
    const where = b.name === 'data' ? 'Options inside `data name = csv(…) { … }` (`option = value`, beside the `column: type` lines).' : `Settings of the \`${b.name}\` block.`;
    out.push(`<a id="block-${b.name}"></a>`, '', `#### \`${b.name}\``, '', `${b.doc} ${where}`, '', ...paramTable(b.settings, 'setting'));
  }
  while (out.at(-1) === '') out.pop();
  return out.join('\n');
}

/** The document with the generated section replaced; throws if the markers are missing. */
export function updateDocument(text: string): string {
  const begin = text.indexOf(BEGIN), end = text.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`docs/language.md must contain ${BEGIN} … ${END}`);
  return `${text.slice(0, begin + BEGIN.length)}\n${generateCatalogSection()}\n${text.slice(end)}`;
}

/** Is the committed docs/language.md up to date with the catalog? */
export function isStale(path = languageDoc): boolean {
  const text = readFileSync(path, 'utf8');
  return updateDocument(text) !== text;
}

function main(args: string[]): number {
  const text = readFileSync(languageDoc, 'utf8');
  const next = updateDocument(text);
  if (args.includes('--check')) {
    if (next === text) return 0;
    console.error(`docs/language.md is out of date with the catalog; regenerate with: ${regenerate}`);
    return 1;
  }
  if (next !== text) writeFileSync(languageDoc, next);
  console.log(next !== text ? 'wrote docs/language.md' : 'docs/language.md is up to date');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main(process.argv.slice(2));
