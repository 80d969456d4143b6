/**
 * Failure paths of `mlp run` and `mlp predict`: failing candidates, every
 * candidate failing, malformed data, bad prediction inputs, corrupt
 * artifacts and Ctrl-C. Errors the user must fix exit 1 with a clear message
 * and no stack trace.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, csv, expectNoStack, readJson, repoRoot, run, workspace } from './helpers.ts';

/** 40 rows: x, w (numbers; w has negatives), y (a/b by x). */
const rows = Array.from({ length: 40 }, (_, i) => [i + 1, (i % 10) + (i % 2) * 0.5, ((i * 7) % 11) - 5, (i % 10) < 5 ? 'a' : 'b']);
const data = csv(['t', 'x', 'w', 'y'], rows);
const head = `pipeline failing
data d = csv("d.csv") { y: category }
problem classification {
  target = y
  metric = accuracy
}
features { f = standardize(x, w) }
split { test = 25%, seed = 1 }
validate stratified_kfold(3)
`;
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('failing candidates', () => {
  it('are reported with their .mlp line and parameters while the others still run', async () => {
    const text = head + `models {
  knn = knn(k: [1, 500])
  nb = multinomial_nb(alpha: 1.0)
  gnb = gaussian_nb()
}
`;
    const dir = workspace({ 'd.csv': data, 'p.mlp': text });
    const report = await run(dir);
    const knnLine = lineOf(text, 'knn = knn'), nbLine = lineOf(text, 'nb = multinomial_nb');
    const failed = report.leaderboard.filter((r) => r.error);
    expect(failed.map((r) => [r.candidate, r.line, r.rank, r.mean])).toEqual([['knn', knnLine, 0, null], ['nb', nbLine, 0, null]].sort());
    const k500 = failed.find((r) => r.candidate === 'knn')!;
    expect(k500.params).toMatch(/k=500/);
    expect(k500.error).toMatch(/500/);
    expect(failed.find((r) => r.candidate === 'nb')!.error).toMatch(/negative/);
    // the others ran on every fold
    const ok = report.leaderboard.filter((r) => !r.error);
    expect(ok.map((r) => r.candidate).sort()).toEqual(['gnb', 'knn']);
    expect(ok.find((r) => r.candidate === 'knn')!.params).toMatch(/k=1\b/);
    for (const r of ok) expect(Number.isFinite(r.mean)).toBe(true);
    expect(ok.map((r) => r.rank)).toEqual([1, 2]);
    // grouped failure lines name the candidate, its line and parameters
    expect(report.failures).toHaveLength(2);
    expect(report.failures.find((f) => f.includes('knn'))).toMatch(new RegExp(`1/2 failed: knn \\(line ${knnLine}\\) k=500.*: knn: k = 500`));
    expect(report.failures.find((f) => f.includes('nb'))).toMatch(new RegExp(`1/1 failed: nb \\(line ${nbLine}\\) alpha=1.*negative`));
    expect(fs.readFileSync(path.join(path.dirname(report.report), 'summary.md'), 'utf8')).toMatch(/## Failures/);
  });

  it('every candidate failing exits 1 with the grouped failure summary and writes nothing', async () => {
    const text = head + `models {
  nb = multinomial_nb(alpha: [0.5, 1.0])
  knn = knn(k: 500)
}
`;
    const dir = workspace({ 'd.csv': data, 'p.mlp': text });
    const out = path.join(dir, 'out');
    const r = await cli('run', path.join(dir, 'p.mlp'), '--out', out, '--quiet', '--threads', '1');
    expect(r.code).toBe(1);
    expectNoStack(r.stderr);
    expect(r.stderr).toMatch(/every candidate failed/);
    expect(r.stderr).toMatch(new RegExp(`2/2 failed: nb \\(line ${lineOf(text, 'nb = multinomial_nb')}\\) alpha=0.5.* and others: .*negative`));
    expect(r.stderr).toMatch(new RegExp(`1/1 failed: knn \\(line ${lineOf(text, 'knn = knn')}\\) k=500`));
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
  });
});

describe('bad data', () => {
  it('a malformed row stops the run naming file, row and column (exit 1, no stack trace)', async () => {
    const bad = data.split('\n');
    bad[7] += ',99'; // data row 7 gets a fifth field
    const dir = workspace({ 'd.csv': bad.join('\n'), 'p.mlp': head + 'models { knn = knn(k: 1) }\n' });
    const r = await cli('run', path.join(dir, 'p.mlp'), '--out', path.join(dir, 'out'), '--quiet');
    expect(r.code).toBe(1);
    expectNoStack(r.stderr);
    expect(r.stderr).toMatch(/d\.csv/);
    expect(r.stderr).toMatch(/row 7/);
    expect(r.stderr).toMatch(/column '#5'/);
    expect(r.stderr).toMatch(/5 fields but the header has 4/);
  });

  it('a value that does not parse, beyond the checked sample, names its row and column', async () => {
    // 1200 good rows (the checker samples 1000), then a bad number
    const many = Array.from({ length: 1201 }, (_, i) => [i + 1, i === 1150 ? 'oops' : i % 10, i % 7, i % 2 ? 'a' : 'b']);
    const dir = workspace({ 'd.csv': csv(['t', 'x', 'w', 'y'], many), 'p.mlp': head.replace('data d = csv("d.csv") { y: category }', 'data d = csv("d.csv") {\n  x: numeric\n  y: category\n}') + 'models { knn = knn(k: 1) }\n' });
    const r = await cli('run', path.join(dir, 'p.mlp'), '--out', path.join(dir, 'out'), '--quiet');
    expect(r.code).toBe(1);
    expectNoStack(r.stderr);
    expect(r.stderr).toMatch(/d\.csv/);
    expect(r.stderr).toMatch(/row 1151/);
    expect(r.stderr).toMatch(/'x'/);
    expect(r.stderr).toMatch(/oops/);
  });
});

describe('mlp predict errors', () => {
  let artifact = '';
  let dir = '';
  const trained = async () => {
    if (artifact) return artifact;
    dir = workspace({ 'd.csv': data, 'p.mlp': head + 'models { knn = knn(k: 3) }\n' });
    artifact = (await run(dir)).artifact;
    return artifact;
  };

  it('predicts a file with the needed columns in any order, extra columns ignored', async () => {
    const a = await trained();
    fs.writeFileSync(path.join(dir, 'new.csv'), csv(['extra', 'w', 'x'], [['q', 1, 2], ['r', -3, 9]]));
    const r = await cli('predict', a, path.join(dir, 'new.csv'));
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0].split(',').slice(0, 2)).toEqual(['row', 'y']);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2))).toEqual([['1', expect.stringMatching(/^[ab]$/)], ['2', expect.stringMatching(/^[ab]$/)]]);
  });

  it('a missing column is named (exit 1)', async () => {
    const a = await trained();
    fs.writeFileSync(path.join(dir, 'nox.csv'), csv(['t', 'w'], [[1, 2]]));
    const r = await cli('predict', a, path.join(dir, 'nox.csv'));
    expect(r.code).toBe(1);
    expectNoStack(r.stderr);
    expect(r.stderr).toMatch(/no column `x`/);
    expect(r.stdout).toBe('');
  });

  it('a corrupt, foreign, truncated or future artifact is refused with a clear message (exit 1)', async () => {
    const a = await trained();
    const good = fs.readFileSync(a, 'utf8');
    const cases: [string, string, RegExp][] = [
      ['garbage.json', '{ this is not json', /not valid JSON/],
      ['truncated.json', good.slice(0, Math.floor(good.length / 2)), /not valid JSON/],
      ['foreign.json', JSON.stringify({ name: 'some other file', version: 1 }), /not an mlp model artifact/],
      ['array.json', '[1, 2, 3]', /not an mlp model artifact/],
      ['future.json', JSON.stringify({ ...JSON.parse(good), version: 99 }), /version 99/],
      ['gutted.json', JSON.stringify({ ...JSON.parse(good), model: undefined }), /missing "model"/],
    ];
    for (const [name, text, message] of cases) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      const r = await cli('predict', file, path.join(dir, 'd.csv'));
      expect(r.code, `${name}: ${r.stderr}`).toBe(1);
      expectNoStack(r.stderr);
      expect(r.stderr, name).toMatch(message);
      expect(r.stderr, name).toContain(name);
    }
    const missing = await cli('predict', path.join(dir, 'nope.json'), path.join(dir, 'd.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*nope\.json: no such file/);
  });
});

describe('Ctrl-C', () => {
  it('an interrupted run leaves no temporary or half-written files', async () => {
    const example = ['digits', 'spam', 'credit', 'penguins'].map((n) => path.join(repoRoot, 'examples', n, `${n}.mlp`)).find((f) => fs.existsSync(f))!;
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'mlp-sigint-'));
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/mlp.js'), 'run', example, '--out', out], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (b) => (stderr += b));
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    // interrupt a few seconds in (loading and compiling take a moment on a busy machine); it must stop promptly
    await new Promise((r) => setTimeout(r, 5000));
    const sentAt = Date.now();
    child.kill('SIGINT');
    const hang = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const { code, signal } = await exit;
    clearTimeout(hang);
    expect(signal, `still running a minute after Ctrl-C; stderr: ${stderr}`).not.toBe('SIGKILL');
    console.log(`Ctrl-C: ${path.basename(example)} exited ${code ?? signal} ${((Date.now() - sentAt) / 1000).toFixed(1)} s after SIGINT`);
    expectNoStack(stderr);
    const files = fs.existsSync(out) ? fs.readdirSync(out) : [];
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    if (signal === 'SIGINT') expect(files).toEqual([]); // killed before mlp set its handler
    else if (code !== 0) {
      expect(code).toBe(1);
      expect(stderr).toMatch(/interrupted; nothing was written/);
      expect(files).toEqual([]);
    } else {
      // finished before the signal landed: whatever was written is whole
      for (const f of files.filter((x) => x.endsWith('.json'))) expect(() => readJson(path.join(out, f))).not.toThrow();
    }
    fs.rmSync(out, { recursive: true, force: true });
  }, 120_000);
});
