/** `mlp check` / `mlp ir` end to end: spawns `node bin/mlp.js` from the repo root, as a user would. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../semantics/helpers.ts';

function mlp(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/mlp.js', ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const broken = tempDir({
  'broken.mlp': 'data penguins = csv("penguins.csv")\nproblem classification { target = specie }\nfeatures { size = standardize(bill_length_mm) }\nmodels { knn = knn(k: 0) }\n',
  'penguins.csv': fs.readFileSync(path.join(repoRoot, 'examples/penguins/penguins.csv')),
});
afterAll(broken.cleanup);
const brokenFile = path.relative(repoRoot, path.join(broken.dir, 'broken.mlp'));

describe('mlp check', () => {
  it('exits 0 on the penguins example', () => {
    const r = mlp('check', 'examples/penguins/penguins.mlp');
    expect(r.stderr).toContain('examples/penguins/penguins.mlp: 0 errors, 0 warnings');
    expect(r.code).toBe(0);
  });

  it('exits 1 on a broken file and prints code frames with hints', () => {
    const r = mlp('check', brokenFile);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${brokenFile}:2:35 - error MLP2001: Unknown column \`specie\` in \`penguins\`.`);
    expect(r.stderr).toContain('2 | problem classification { target = specie }\n  |                                   ~~~~~~\n  = hint: Did you mean `species`?');
    expect(r.stderr).toContain(`${brokenFile}:4:23 - error MLP3002`);
    expect(r.stderr).toContain(`${brokenFile}: 2 errors, 0 warnings`);
    expect(r.stderr).not.toMatch(/\x1b\[/);
  });

  it('prints JSON diagnostics with --format json', () => {
    const r = mlp('check', '--format', 'json', brokenFile);
    expect(r.code).toBe(1);
    const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: Record<string, unknown>[] };
    expect(diagnostics).toHaveLength(2);
    expect(diagnostics[0]).toMatchObject({ file: brokenFile, line: 2, column: 35, endLine: 2, endColumn: 41, code: 'MLP2001', severity: 'error', message: 'Unknown column `specie` in `penguins`.', hint: 'Did you mean `species`?' });
    for (const d of diagnostics) for (const key of ['file', 'line', 'column', 'code', 'severity', 'message']) expect(d).toHaveProperty(key);
  });

  it('prints an empty JSON list for a clean file', () => {
    const r = mlp('check', '--format=json', 'examples/penguins/penguins.mlp');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ diagnostics: [] });
  });

  it('exits 1 when the file does not exist', () => {
    const r = mlp('check', 'no/such/file.mlp');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('mlp: cannot read no/such/file.mlp: no such file');
  });

  it('exits 2 on wrong usage', () => {
    expect(mlp('check').code).toBe(2);
    expect(mlp('check', '--format', 'xml', 'examples/penguins/penguins.mlp').code).toBe(2);
    expect(mlp('check', '--bogus', 'examples/penguins/penguins.mlp').code).toBe(2);
  });
});

describe('mlp ir', () => {
  it('prints the same stable IR twice, with relative paths', () => {
    const a = mlp('ir', 'examples/penguins/penguins.mlp');
    const b = mlp('ir', 'examples/penguins/penguins.mlp');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain('name: "penguin_species"\nfile: "penguins.mlp"\n');
    expect(a.stdout).toContain('  path: "penguins.csv"\n');
    expect(a.stdout).not.toContain(repoRoot);
  });

  it('prints diagnostics instead of IR for a broken file', () => {
    const r = mlp('ir', brokenFile);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('2 errors, 0 warnings; no IR');
  });
});

describe('mlp', () => {
  it('exits 2 on an unknown command', () => {
    const r = mlp('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("mlp: unknown command 'frobnicate'");
  });

  it('lists the commands with --help', () => {
    const r = mlp('--help');
    expect(r.code).toBe(0);
    for (const command of ['check', 'fmt', 'ir', 'run', 'predict', 'lsp']) expect(r.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });
});
