/** Markdown for catalog entries, parameters and columns, shared by hover and completion. */
import * as catalog from '../catalog/index.ts';
import type { CatalogEntry, ParamSpec } from '../catalog/index.ts';
import type { ColumnInfo, FeatureInfo } from '../semantics/scope.ts';

const show = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? `[${v.map(show).join(', ')}]` : typeof v === 'string' ? v : String(v));

/** "integer ≥ 1" / "enum: uniform | distance" */
export function paramType(p: ParamSpec): string {
  let t: string = p.type === 'enum' ? (p.values ?? []).join(' | ') : p.type;
  if (p.type !== 'enum' && p.values?.length) t += ` | ${p.values.join(' | ')}`;
  if (p.nullable) t += ' | null';
  const lo = p.min !== undefined ? `${p.minExclusive ? '>' : '≥'} ${p.min}` : '';
  const hi = p.max !== undefined ? `${p.maxExclusive ? '<' : '≤'} ${p.max}` : '';
  if (lo && hi) t += `, in ${p.minExclusive ? '(' : '['}${p.min}, ${p.max}${p.maxExclusive ? ')' : ']'}`;
  else if (lo || hi) t += `, ${lo || hi}`;
  return t;
}

export function paramDefault(p: ParamSpec): string | undefined {
  const d = p.default;
  if (d === undefined) return p.required ? 'required' : undefined;
  if (d !== null && typeof d === 'object' && !Array.isArray(d)) return `${show(d.classification)} (classification), ${show(d.regression)} (regression)`;
  return show(d);
}

/** One line: `k`: integer, ≥ 1 = 5 */
export function paramSummary(p: ParamSpec): string {
  const d = paramDefault(p);
  return `${paramType(p)}${d ? ` — default ${d}` : ''}`;
}

export function paramMarkdown(p: ParamSpec, owner?: string): string {
  return [`**${p.name}**${owner ? ` (parameter of \`${owner}\`)` : ''}: ${paramSummary(p)}`, '', p.doc].join('\n');
}

const kindLabel = (e: CatalogEntry): string =>
  e.kind === 'function' ? `${e.role} function` : e.kind === 'block' ? 'block' : e.kind;

/** Entry docs: what it is, its doc paragraph, its parameters, an example. */
export function entryMarkdown(e: CatalogEntry): string {
  const out = [`**${e.name}** — ${kindLabel(e)}`, '', e.doc];
  if (e.kind === 'model') out.push('', `Tasks: ${e.tasks.join(', ')}${e.probabilities ? '; predicts probabilities' : ''}`);
  if (e.kind === 'transform') out.push('', `Inputs: ${e.inputs.join(', ')} → ${e.output}${e.learned ? ' (learned from training rows)' : ''}`);
  if (e.kind === 'metric') out.push('', `Tasks: ${e.tasks.join(', ')}; ${e.greaterIsBetter ? 'greater is better' : 'lower is better'}`);
  const params = e.kind === 'block' ? e.settings : e.kind === 'metric' ? [] : e.params;
  if (params.length) out.push('', ...params.map((p) => `- \`${p.name}\`: ${paramSummary(p)}`));
  if ('example' in e && e.example) out.push('', '```mlp', e.example, '```');
  return out.join('\n');
}

const pct = (x: number): string => `${(x * 100).toFixed(x > 0 && x < 0.01 ? 1 : 0)}%`;
const num = (x: number): string => (Number.isInteger(x) ? String(x) : x.toPrecision(4).replace(/\.?0+$/, ''));

/** Inferred type, missing share and a short summary of the sample. */
export function columnMarkdown(c: ColumnInfo): string {
  const out = [`**${c.name}** — column: ${c.kind}${c.declaration ? ' (declared)' : ' (inferred)'}`];
  const p = c.profile;
  out.push(`Missing: ${pct(c.missingShare)}${p ? ` (${p.missing} of ${p.rows} sampled rows)` : ''}`);
  if (p) {
    if (p.min !== undefined && p.max !== undefined && c.kind !== 'date') out.push(`Range: ${num(p.min)} … ${num(p.max)}${p.mean !== undefined ? `, mean ${num(p.mean)}` : ''}`);
    if (p.distinct !== undefined) out.push(`Distinct: ${p.distinct}${p.levelsTruncated ? '+' : ''}`);
    if (p.top.length) out.push(`Top: ${p.top.slice(0, 5).map((t) => `\`${t.value}\` (${t.count})`).join(', ')}`);
  } else if (c.levels?.length) out.push(`Levels: ${c.levels.slice(0, 8).join(', ')}`);
  return out.join('  \n');
}

export function featureMarkdown(f: FeatureInfo, text: string): string {
  const source = text.slice(f.decl.span.start, f.decl.span.end);
  return [`**${f.name}** — feature`, '', '```mlp', source, '```', ...(f.decl.doc ? ['', f.decl.doc] : [])].join('\n');
}

/** A catalog entry by name, for hover: models first, then transforms, metrics, functions. */
export function lookupEntry(name: string): CatalogEntry | undefined {
  return catalog.model(name) ?? catalog.transform(name) ?? catalog.metric(name) ?? catalog.fn(name) ?? undefined;
}
