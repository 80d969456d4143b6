/** `mlp monitor`: a saved model's training profile against new data, and the retraining policy. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, csv, expectNoStack, readJson, run, workspace } from './helpers.ts';

// 200 labelled rows: x ~ uniform over 0..99, c in {p, q}
const rows = Array.from({ length: 200 }, (_, i) => [(i * 37) % 100, i % 2 ? 'p' : 'q', (i * 37) % 100 > 50 ? 'hi' : 'lo']);
const pipeline = (monitor = '') => `pipeline drift
data d = csv("d.csv") { c: category, y: category }
problem classification { target = y }
features { f = standardize(x)
  g = onehot(c) }
validate kfold(3)
models { knn = knn(k: 3) }
${monitor}
`;

async function trained(monitor?: string) {
  const dir = workspace({ 'd.csv': csv(['x', 'c', 'y'], rows), 'p.mlp': pipeline(monitor) });
  const report = await run(dir);
  const write = (name: string, data: (string | number)[][]) => { fs.writeFileSync(path.join(dir, name), csv(['x', 'c'], data)); return path.join(dir, name); };
  return { dir, artifact: report.artifact, train: report.split.train, write };
}

describe('mlp monitor', () => {
  it('finds no drift in data like the training data (exit 0) and flags a shifted column (exit 3)', async () => {
    const { artifact, train, write } = await trained();
    const profile = readJson(artifact).profile;
    expect(Object.keys(profile)).toEqual(['c', 'x']);
    expect(train).toBe(160);
    expect(profile.x.rows).toBe(train); // the training split, not the test rows

    const same = await cli('monitor', artifact, write('same.csv', rows.map((r) => [r[0], r[1]])));
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toMatch(/No column drifted\.\nRetrain: no\./);

    const shifted = await cli('monitor', artifact, write('shifted.csv', rows.map((r) => [Number(r[0]) + 60, r[1]])), '--json');
    expect(shifted.code).toBe(3);
    const report = JSON.parse(shifted.stdout);
    expect(report.drifted).toEqual(['x']);
    expect(report.retrain).toBe(true);
    expect(report.columns.find((c: { column: string }) => c.column === 'x').value).toBeGreaterThan(1);
    expect(report.columns.find((c: { column: string }) => c.column === 'c').drifted).toBe(false);
  });

  it('follows the monitor block: statistic, threshold, retrain policy and min_rows', async () => {
    const { artifact, write } = await trained('monitor { drift = ks\n  threshold = 0.3\n  retrain = never\n  min_rows = 50 }');
    const shifted = write('shifted.csv', rows.map((r) => [Number(r[0]) + 60, r[1]]));
    const never = await cli('monitor', artifact, shifted, '--json');
    expect(never.code).toBe(0); // drift, but the policy never retrains
    const report = JSON.parse(never.stdout);
    expect(report.policy).toEqual({ drift: 'ks', threshold: 0.3, retrain: 'never', min_rows: 50 });
    expect(report.columns.find((c: { column: string }) => c.column === 'x')).toMatchObject({ method: 'ks', drifted: true });
    expect(report.retrain).toBe(false);

    const few = await cli('monitor', artifact, write('few.csv', rows.slice(0, 20).map((r) => [Number(r[0]) + 60, r[1]])));
    expect(few.code).toBe(0);
    expect(few.stdout).toMatch(/Not judged: 20 rows is fewer than min_rows = 50\./);
    expect(few.stdout).not.toMatch(/drifted/);

    // the command line overrides the block
    const strict = await cli('monitor', artifact, write('same.csv', rows.map((r) => [r[0], r[1]])), '--threshold', '0.0001', '--drift', 'psi', '--json');
    expect(JSON.parse(strict.stdout).policy).toMatchObject({ drift: 'psi', threshold: 0.0001 });
  });

  it('explains what is wrong instead of crashing', async () => {
    const { dir, artifact, write } = await trained();
    const missingColumn = path.join(dir, 'nox.csv');
    fs.writeFileSync(missingColumn, csv(['c'], [['p']]));
    const noColumn = await cli('monitor', artifact, missingColumn);
    expect(noColumn.code).toBe(1);
    expect(noColumn.stderr).toMatch(/has no column `x`, which the model needs/);

    const old = readJson(artifact);
    delete old.profile;
    const oldFile = path.join(dir, 'old.model.json');
    fs.writeFileSync(oldFile, JSON.stringify(old));
    const noProfile = await cli('monitor', oldFile, write('same.csv', rows.map((r) => [r[0], r[1]])));
    expect(noProfile.code).toBe(1);
    expect(noProfile.stderr).toMatch(/holds no training profile .*run `mlp run` again/);

    for (const args of [[artifact], [artifact, 'a.csv', '--drift', 'chi2'], [artifact, 'a.csv', '--threshold', '-1']]) {
      const bad = await cli('monitor', ...args);
      expect(bad.code, args.join(' ')).toBe(2);
      expectNoStack(bad.stderr);
    }
  });
});
