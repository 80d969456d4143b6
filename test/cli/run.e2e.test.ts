/**
 * End to end: `mlp run` on every example (examples/<name>/*.mlp, discovered on
 * disk), then `mlp predict` with the artifact on the example's own data, then
 * determinism across runs with the same seed and a different split with a
 * different seed. Runs go two at a time (largest data first).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import * as catalog from '../../src/catalog/index.ts';
import { loadFrame } from '../../src/runtime/data/load.ts';
import type { RunReport } from '../../src/interpret/run.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/mlp.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mlp-e2e-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Example { name: string; mlp: string; data: string }

/** Every examples/<dir>/*.mlp with the data file its `csv("…")` names. */
function discover(): Example[] {
  const dir = path.join(root, 'examples');
  const out: Example[] = [];
  for (const d of fs.readdirSync(dir).sort()) {
    const sub = path.join(dir, d);
    if (!fs.statSync(sub).isDirectory()) continue;
    for (const f of fs.readdirSync(sub).filter((x) => x.endsWith('.mlp')).sort()) {
      const text = fs.readFileSync(path.join(sub, f), 'utf8');
      const m = /csv\("([^"]+)"/.exec(text);
      out.push({ name: f === `${d}.mlp` ? d : `${d}/${f.replace(/\.mlp$/, '')}`, mlp: path.join(sub, f), data: m ? path.resolve(sub, m[1]) : '' });
    }
  }
  return out;
}

const examples = discover();

interface Proc { code: number | null; signal: string | null; stdout: string; stderr: string; ms: number }

function mlp(args: string[], opts: { onSpawn?: (pid: number) => void } = {}): Promise<Proc> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '', stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - t0 }));
    opts.onSpawn?.(child.pid!);
  });
}

/** At most `limit` jobs at a time. */
function limiter(limit: number) {
  let active = 0;
  const queue: (() => void)[] = [];
  return async <T>(job: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((r) => queue.push(r));
    active++;
    try {
      return await job();
    } finally {
      active--;
      queue.shift()?.();
    }
  };
}
const pool = limiter(2);

// start every run now, largest data first, so the slow ones overlap the rest
const size = (f: string) => (f && fs.existsSync(f) ? fs.statSync(f).size : 0);
const runs = new Map<string, Promise<Proc>>();
for (const e of [...examples].sort((a, b) => size(b.data) - size(a.data))) {
  const out = path.join(tmp, e.name.replace('/', '_'));
  const p = pool(() => mlp(['run', e.mlp, '--out', out, '--quiet', '--json']));
  p.catch(() => {});
  runs.set(e.name, p);
}

/** Plausibility bounds on test metrics, from observed values with a margin. */
const BOUNDS: Record<string, Record<string, [number, number]>> = {
  iris: { accuracy: [0.85, 1], f1_macro: [0.85, 1], log_loss: [0, 0.5] },
  penguins: { accuracy: [0.9, 1], balanced_accuracy: [0.9, 1] },
  breast_cancer: { accuracy: [0.9, 1], f1: [0.85, 1], roc_auc: [0.95, 1] },
  digits: { accuracy: [0.93, 1], f1_macro: [0.93, 1] },
  diabetes: { r2: [0.3, 1], rmse: [0, 70] },
  credit: { roc_auc: [0.75, 1], f1: [0.5, 1], balanced_accuracy: [0.65, 1] },
  spam: { f1: [0.9, 1], accuracy: [0.95, 1], roc_auc: [0.97, 1] },
};

/** Minimal RFC 4180 reader (the predictions file). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', i = 0, quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (ch === '"') { quoted = false; i++; continue; }
      field += ch; i++; continue;
    }
    if (ch === '"') { quoted = true; i++; continue; }
    if (ch === ',') { row.push(field); field = ''; i++; continue; }
    if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; continue; }
    field += ch; i++;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const sha256 = (buf: Buffer | string) => 'sha256:' + createHash('sha256').update(buf).digest('hex');

describe.each(examples.map((e) => [e.name, e] as const))('mlp run %s', (name, e) => {
  it('trains, tests, saves an artifact and predicts', async () => {
    const r = await runs.get(name)!;
    console.log(`e2e ${name}: mlp run took ${(r.ms / 1000).toFixed(1)} s`);
    expect(r.stderr, 'no internal error').not.toMatch(/internal error/);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as RunReport;

    // leaderboard: non-empty; ranked rows first, sorted by the metric; then candidates a halving search
    // eliminated (rank 0, a note, a subsample score); failed candidates last
    const better = catalog.metric(report.metric)?.greaterIsBetter !== false;
    const ranked = report.leaderboard.filter((x) => x.rank > 0);
    expect(ranked.length).toBeGreaterThan(0);
    expect(report.leaderboard.slice(0, ranked.length)).toEqual(ranked);
    ranked.forEach((x, i) => {
      expect(x.rank).toBe(i + 1);
      expect(x.error).toBeUndefined();
      expect(Number.isFinite(x.mean)).toBe(true);
      if (i > 0) expect(better ? x.mean! <= ranked[i - 1].mean! : x.mean! >= ranked[i - 1].mean!, `leaderboard order at rank ${i + 1}`).toBe(true);
    });
    const rest = report.leaderboard.slice(ranked.length);
    const firstFailed = rest.findIndex((x) => x.error);
    if (firstFailed >= 0) expect(rest.slice(firstFailed).every((x) => x.error && x.rank === 0 && x.mean === null), 'failed candidates come last').toBe(true);
    for (const x of rest.filter((r) => !r.error)) {
      expect(x.rank).toBe(0);
      expect((x as { note?: string }).note).toMatch(/eliminated/);
    }
    expect(report.failures.length > 0).toBe(firstFailed >= 0);
    expect(report.best.candidate).toBe(ranked[0].candidate);
    expect(report.best.params).toBe(ranked[0].params);
    expect(report.best.cv.mean).toBe(ranked[0].mean);
    expect(report.split.train + report.split.test).toBe(report.data.used);

    // test metrics: finite and plausible
    expect(report.test.metrics[report.metric]).toBeDefined();
    for (const [k, v] of Object.entries(report.test.metrics)) expect(Number.isFinite(v), `test ${k} = ${v}`).toBe(true);
    for (const [k, [lo, hi]] of Object.entries(BOUNDS[name] ?? {})) {
      if (!(k in report.test.metrics)) continue;
      expect(report.test.metrics[k], `${name} test ${k}`).toBeGreaterThanOrEqual(lo);
      expect(report.test.metrics[k], `${name} test ${k}`).toBeLessThanOrEqual(hi);
    }

    // the artifact and the report files, with nothing half-written beside them
    const outDir = path.dirname(report.artifact);
    expect(fs.existsSync(report.artifact)).toBe(true);
    expect(fs.existsSync(report.report)).toBe(true);
    expect(fs.existsSync(path.join(path.dirname(report.report), 'summary.md'))).toBe(true);
    expect(fs.readdirSync(outDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const artifact = JSON.parse(fs.readFileSync(report.artifact, 'utf8'));
    expect(artifact.format).toBe('mlp-model');
    expect(artifact.version).toBe(1);
    expect(artifact.seed).toBe(report.seed);
    expect(artifact.fingerprints.data).toBe(sha256(fs.readFileSync(e.data)));
    expect(artifact.fingerprints.pipeline).toBe(sha256(fs.readFileSync(e.mlp, 'utf8')));
    expect(artifact.model.candidate).toBe(report.best.candidate);
    expect(artifact.metrics.test).toEqual(report.test.metrics);

    // predict the example's own data: one prediction per row, valid labels
    const preds = path.join(outDir, 'preds.csv');
    const p = await pool(() => mlp(['predict', report.artifact, e.data, '-o', preds]));
    expect(p.code, p.stderr).toBe(0);
    const table = parseCsv(fs.readFileSync(preds, 'utf8'));
    const [header, ...rows] = table;
    const target = artifact.problem.target as string;
    expect(header.slice(0, 2)).toEqual(['row', target]);
    expect(rows.length).toBe(report.data.rows);
    expect(rows.map((x) => Number(x[0]))).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
    const truthCol = (await loadFrame(e.data, [{ name: target, type: report.task === 'classification' ? 'text' : 'numeric' }], { missing: ['', 'NA'] })).frame.columns.get(target)!;
    if (report.task === 'classification') {
      const classes = new Set(artifact.classes as string[]);
      expect(classes.size).toBeGreaterThan(1);
      for (const x of rows) expect(classes.has(x[1]), `label ${x[1]}`).toBe(true);
      // predictions on the (mostly training) rows agree with the labels at least as often as the majority class would
      const truth = (truthCol as { values: (string | null)[] }).values;
      let agree = 0, labelled = 0;
      const counts = new Map<string, number>();
      rows.forEach((x, i) => { const t = truth[i]; if (t === null) return; labelled++; counts.set(t, (counts.get(t) ?? 0) + 1); if (String(Number(t)) === t ? Number(t) === Number(x[1]) : t === x[1]) agree++; });
      expect(agree / labelled).toBeGreaterThan(Math.max(...counts.values()) / labelled);
      if (header.length > 2) {
        expect(header.slice(2)).toEqual(artifact.classes.map((c: string) => `p(${c})`));
        for (const x of rows.slice(0, 50)) {
          const s = x.slice(2).reduce((a, b) => a + Number(b), 0);
          expect(Math.abs(s - 1)).toBeLessThan(1e-4);
        }
      }
    } else {
      for (const x of rows) expect(Number.isFinite(Number(x[1]))).toBe(true);
    }
  }, 30 * 60_000);
});

describe('determinism', () => {
  const small = examples.find((e) => e.name === 'iris') ?? examples.find((e) => e.name === 'penguins') ?? examples[0];
  const withoutCreatedAt = (file: string) => {
    const a = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(typeof a.createdAt).toBe('string');
    delete a.createdAt;
    return JSON.stringify(a);
  };
  const run = (dir: string, seed: number) => pool(() => mlp(['run', small.mlp, '--out', path.join(tmp, dir), '--quiet', '--json', '--seed', String(seed)]));

  it(`the same seed gives the same artifact (${small?.name}); another seed gives another split`, async () => {
    const [a, b, c] = await Promise.all([run('det-a', 5), run('det-b', 5), run('det-c', 6)]);
    for (const r of [a, b, c]) expect(r.code, r.stderr).toBe(0);
    const [ra, rb, rc] = [a, b, c].map((r) => JSON.parse(r.stdout) as RunReport);
    expect(ra.seed).toBe(5);
    expect(rc.seed).toBe(6);
    const [ta, tb, tc] = [ra, rb, rc].map((r) => withoutCreatedAt(r.artifact));
    expect(ta === tb, 'same seed: byte-identical artifacts apart from createdAt').toBe(true);
    expect(JSON.stringify(ra.leaderboard.map((x) => [x.candidate, x.params, x.mean]))).toBe(JSON.stringify(rb.leaderboard.map((x) => [x.candidate, x.params, x.mean])));
    expect(ra.test).toEqual(rb.test);
    // a different seed: a different split, visible in the fitted statistics and the CV scores
    expect(tc).not.toBe(ta);
    const cvA = ra.leaderboard.map((x) => x.mean), cvC = rc.leaderboard.map((x) => x.mean);
    expect(JSON.stringify(cvA)).not.toBe(JSON.stringify(cvC));
    const prepA = JSON.stringify(JSON.parse(ta).features.state), prepC = JSON.stringify(JSON.parse(tc).features.state);
    expect(prepA).not.toBe(prepC);
  }, 10 * 60_000);
});
