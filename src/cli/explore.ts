/** `mlp explore file.mlp`: the data at a glance, before any model (the pipeline's `explore` block). */
import path from 'node:path';
import * as catalog from '../catalog/index.ts';
import { CsvError } from '../runtime/data/csv.ts';
import type { ColumnSummary } from '../runtime/explore/summary.ts';
import { plainParams } from '../semantics/values.ts';
import { exploreData, type ExploreReport, type ExploreSettings } from '../interpret/explore.ts';
import { parseArgs } from './args.ts';
import { checkedPipeline } from './check.ts';
import type { CliIO } from './io.ts';

const BARS = ' ▁▂▃▄▅▆▇█';
const num = (x: number) => (Number.isNaN(x) ? '—' : Math.abs(x) >= 1e5 || (x !== 0 && Math.abs(x) < 1e-3) ? x.toExponential(3) : String(Number(x.toPrecision(5))));
const pct = (part: number, whole: number) => `${whole ? ((100 * part) / whole).toFixed(1) : '0.0'}%`;

/** A histogram as one line of block characters, tallest bin full height. */
function sparkline(counts: number[]): string {
  const max = Math.max(...counts);
  return counts.map((c) => BARS[c === 0 ? 0 : Math.max(1, Math.round((c / max) * (BARS.length - 1)))]).join('');
}

function pad(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => '  ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd());
}

function render(r: ExploreReport): string {
  const out = [`${r.rows} rows of ${path.relative(process.cwd(), r.data) || r.data}${r.badRows ? ` (${r.badRows} malformed rows skipped)` : ''}`, ''];
  if (r.target.classes) out.push(`Target ${r.target.name} (classification): ${r.target.classes.map((c) => `${c.value} ${c.count} (${pct(c.count, r.rows)})`).join(', ')}`, '');
  else out.push(`Target ${r.target.name} (${r.target.task})`, '');
  const numeric = r.columns.filter((c): c is Extract<ColumnSummary, { kind: 'numeric' }> => c.kind === 'numeric');
  if (numeric.length) {
    out.push('Numeric columns:');
    const hist = numeric.some((c) => c.histogram.counts.length);
    out.push(...pad([
      ['column', 'missing', 'mean', 'std', 'min', '25%', 'median', '75%', 'max', ...(hist ? ['histogram'] : [])],
      ...numeric.map((c) => [c.name, pct(c.missing, c.rows), num(c.mean), num(c.std), num(c.min), num(c.q25), num(c.median), num(c.q75), num(c.max), ...(hist ? [sparkline(c.histogram.counts)] : [])]),
    ]), '');
  }
  const categories = r.columns.filter((c): c is Extract<ColumnSummary, { kind: 'category' }> => c.kind === 'category');
  if (categories.length) {
    out.push('Category columns:');
    out.push(...pad([['column', 'missing', 'levels', 'most frequent'], ...categories.map((c) => [c.name, pct(c.missing, c.rows), String(c.levels), c.top.slice(0, 3).map((t) => `${t.value} (${t.count})`).join(', ')])]), '');
  }
  const texts = r.columns.filter((c): c is Extract<ColumnSummary, { kind: 'text' }> => c.kind === 'text');
  if (texts.length) {
    out.push('Text columns:');
    out.push(...pad([['column', 'missing', 'distinct', 'mean length'], ...texts.map((c) => [c.name, pct(c.missing, c.rows), String(c.distinct), num(c.meanLength)])]), '');
  }
  if (r.correlations) {
    const { columns, matrix } = r.correlations;
    const pairs = columns.flatMap((a, i) => columns.slice(i + 1).map((b, k) => ({ a, b, r: matrix[i][i + 1 + k] }))).filter((p) => !Number.isNaN(p.r)).sort((x, y) => Math.abs(y.r) - Math.abs(x.r));
    out.push(`Strongest correlations (Pearson, of ${pairs.length} pair${pairs.length === 1 ? '' : 's'}):`);
    out.push(...pad([['pair', 'r'], ...pairs.slice(0, 10).map((p) => [`${p.a} ~ ${p.b}`, p.r.toFixed(3)])]), '');
  }
  return out.join('\n');
}

export async function runExplore(argv: string[], io: CliIO): Promise<number> {
  const { positional, flags, error } = parseArgs(argv, { json: 'boolean' });
  if (error || positional.length !== 1) { io.stderr(`mlp explore: ${error ?? 'usage: mlp explore <file.mlp> [--json]'}\n`); return 2; }
  const a = checkedPipeline(positional[0], io, 'nothing explored', false);
  if (!a) return 1;
  // the catalog's defaults, then the pipeline's `explore` block
  const settings = { ...plainParams(catalog.block('explore')!.settings, new Map()), ...a.ir.stages.explore } as unknown as ExploreSettings;
  try {
    const report = await exploreData(a.ir, settings);
    io.stdout(flags.json ? JSON.stringify(report, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n' : render(report));
    return 0;
  } catch (err) {
    if (err instanceof CsvError) { io.stderr(`mlp explore: ${err.message}\n`); return 1; }
    throw err;
  }
}
