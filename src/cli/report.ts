/** The leaderboard and test metrics of a run as text (`mlp run` and compiled programs print this). */
import path from 'node:path';
import type { RunReport } from '../interpret/run.ts';

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
