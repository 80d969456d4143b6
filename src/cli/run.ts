/** `mlp run`: check the file, run the pipeline, print the leaderboard and test metrics. */
import path from 'node:path';
import { CsvError } from '../runtime/data/csv.ts';
import { removePendingWrites } from '../runtime/atomic.ts';
import { runPipeline, RunError, type RunReport } from '../interpret/run.ts';
import { summary } from '../diagnostics/render.ts';
import { analyzeFile, printDiagnostics } from './check.ts';
import { parseArgs } from './args.ts';
import type { CliIO } from './io.ts';
import { progressPrinter } from './progress.ts';

const fmt = (x: number | null) => (x === null || !Number.isFinite(x) ? '—' : x.toFixed(4));

/** The leaderboard and test metrics as a plain-text table. */
export function renderReport(r: RunReport, top = 15): string {
  const rows = r.leaderboard.slice(0, top);
  const w = { c: Math.max(9, ...rows.map((x) => x.candidate.length)), p: Math.min(60, Math.max(10, ...rows.map((x) => x.params.length))) };
  const out = [`Leaderboard (${r.metric}, ${r.split.validation} on ${r.split.train} training rows):`, `  #  ${'candidate'.padEnd(w.c)}  ${'parameters'.padEnd(w.p)}  ${'CV mean'.padStart(8)}  ${'± std'.padStart(7)}  fit ms`];
  for (const x of rows) {
    const params = x.params.length > w.p ? x.params.slice(0, w.p - 1) + '…' : x.params;
    out.push(`${String(x.rank || (x.error ? '✗' : '–')).padStart(3)}  ${x.candidate.padEnd(w.c)}  ${params.padEnd(w.p)}  ${(x.error ? 'failed' : fmt(x.mean)).padStart(8)}  ${fmt(x.std).padStart(7)}  ${x.fitMs}`);
  }
  if (r.leaderboard.length > top) out.push(`  … ${r.leaderboard.length - top} more in ${r.report}`);
  if (r.failures.length) out.push('', 'Failures:', ...r.failures.map((f) => `  ${f}`));
  out.push('', `Best: ${r.best.candidate} ${r.best.params} — CV ${r.metric} ${fmt(r.best.cv.mean)} ± ${fmt(r.best.cv.std)}`);
  out.push(`Test (${r.split.test} held-out rows): ${Object.entries(r.test.metrics).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`);
  if (r.test.confusion && r.test.classes) {
    const cw = Math.max(6, ...r.test.classes.map((c) => c.length));
    out.push('Confusion matrix (rows: true, columns: predicted):', `  ${''.padEnd(cw)}  ${r.test.classes.map((c) => c.padStart(cw)).join('  ')}`);
    r.test.confusion.forEach((row, i) => out.push(`  ${r.test.classes![i].padEnd(cw)}  ${row.map((v) => String(v).padStart(cw)).join('  ')}`));
  }
  out.push(`Model: ${path.relative(process.cwd(), r.artifact) || r.artifact}`, `Report: ${path.relative(process.cwd(), r.report) || r.report}`);
  return out.join('\n') + '\n';
}

export async function runRun(argv: string[], io: CliIO): Promise<number> {
  const { positional, flags, error } = parseArgs(argv, { seed: 'string', out: 'string', threads: 'string', json: 'boolean', quiet: 'boolean', splits: 'boolean' });
  if (error || positional.length !== 1) { io.stderr(`mlp run: ${error ?? 'give one .mlp file'}\n`); return 2; }
  const seed = flags.seed === undefined ? undefined : Number(flags.seed);
  const threads = flags.threads === undefined ? undefined : Number(flags.threads);
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 1)) { io.stderr('mlp run: --threads must be a positive integer\n'); return 2; }
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0)) { io.stderr('mlp run: --seed must be a non-negative integer\n'); return 2; }
  const file = positional[0];
  const a = analyzeFile(file, io);
  if (!a) return 1;
  if (!a.ir) {
    printDiagnostics(a, file, io);
    io.stderr(`${file}: ${summary(a.diagnostics)}; nothing was run\n`);
    return 1;
  }
  if (!flags.quiet && a.diagnostics.length) printDiagnostics(a, file, io);
  let stop = false;
  const onSigint = () => { stop = true; removePendingWrites(); io.stderr('\nmlp run: interrupted; stopping after the current fit (nothing half-written is left)\n'); };
  process.once('SIGINT', onSigint);
  const progress = progressPrinter(io);
  try {
    const report = await runPipeline(a.ir, {
      seed, threads, out: flags.out as string | undefined, text: a.text, exportSplits: !!flags.splits,
      onProgress: flags.quiet ? undefined : progress.update,
      onNote: (m) => io.stderr(`note: ${m}\n`),
      shouldStop: () => stop,
    });
    progress.finish();
    if (flags.json) io.stdout(JSON.stringify(report, null, 2) + '\n');
    else if (!flags.quiet) io.stdout(renderReport(report));
    return 0;
  } catch (err) {
    progress.finish();
    if (err instanceof CsvError || err instanceof RunError) {
      io.stderr(`mlp run: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

