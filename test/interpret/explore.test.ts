/** `mlp explore`: column summaries, target balance, correlations and histograms of the data as loaded. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, csv, workspace } from './helpers.ts';

// x = 1..8, z = 2x (perfectly correlated), w = 9 - x (perfectly anti-correlated), one x missing
const rows = [[1, 2, 8, 'a', 'p'], [2, 4, 7, 'b', 'p'], [3, 6, 6, 'a', 'q'], ['', 8, 5, 'a', 'q'], [5, 10, 4, 'c', 'p'], [6, 12, 3, 'a', 'p'], [7, 14, 2, 'b', 'q'], [8, 16, 1, '', 'p']];
const pipeline = (explore = '') => `pipeline eda
data d = csv("d.csv") { c: category, y: category }
problem classification { target = y }
features { f = standardize(x) }
models { knn = knn(k: 1) }
${explore}
`;

async function explore(block?: string, ...args: string[]) {
  const dir = workspace({ 'd.csv': csv(['x', 'z', 'w', 'c', 'y'], rows), 'p.mlp': pipeline(block) });
  return cli('explore', path.join(dir, 'p.mlp'), ...args);
}

describe('mlp explore', () => {
  it('summarises every column as pandas describe() does, with the target balance and correlations', async () => {
    const r = await explore(undefined, '--json');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.rows).toBe(8);
    expect(report.target).toEqual({ name: 'y', task: 'classification', classes: [{ value: 'p', count: 5 }, { value: 'q', count: 3 }] });
    const x = report.columns.find((c: { name: string }) => c.name === 'x');
    // x = 1, 2, 3, 5, 6, 7, 8 (one missing): mean 32/7, sample std, quantiles by linear interpolation
    const xs = [1, 2, 3, 5, 6, 7, 8], mean = 32 / 7;
    expect(x).toMatchObject({ kind: 'numeric', rows: 8, missing: 1, min: 1, q25: 2.5, median: 5, q75: 6.5, max: 8 });
    expect(x.mean).toBeCloseTo(mean, 12);
    expect(x.std).toBeCloseTo(Math.sqrt(xs.reduce((a, v) => a + (v - mean) ** 2, 0) / 6), 12);
    expect(x.histogram.counts.reduce((a: number, b: number) => a + b, 0)).toBe(7);
    expect(x.histogram.counts).toHaveLength(20);
    const c = report.columns.find((col: { name: string }) => col.name === 'c');
    expect(c).toEqual({ name: 'c', kind: 'category', type: 'category', rows: 8, missing: 1, levels: 3, top: [{ value: 'a', count: 4 }, { value: 'b', count: 2 }, { value: 'c', count: 1 }] });
    // the class label is counted, not correlated
    expect(report.correlations.columns).toEqual(['x', 'z', 'w']);
    const [rxz, rxw] = [report.correlations.matrix[0][1], report.correlations.matrix[0][2]];
    expect(rxz).toBeCloseTo(1, 12);
    expect(rxw).toBeCloseTo(-1, 12);
  });

  it('prints a readable report', async () => {
    const r = await explore();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^8 rows of .*d\.csv\n\nTarget y \(classification\): p 5 \(62\.5%\), q 3 \(37\.5%\)/);
    expect(r.stdout).toMatch(/\n  x +12\.5% +4\.5714 /);
    expect(r.stdout).toMatch(/\n  c +12\.5% +3 +a \(4\), b \(2\), c \(1\)/);
    expect(r.stdout).toMatch(/Strongest correlations \(Pearson, of 3 pairs\):\n  pair +r\n  x ~ z +1\.000/);
  });

  it('follows the explore block: columns, bins, no histograms, no correlations', async () => {
    const r = await explore('explore { columns = [x, c]\n  bins = 4 }', '--json');
    const report = JSON.parse(r.stdout);
    expect(report.columns.map((col: { name: string }) => col.name)).toEqual(['x', 'c']);
    expect(report.columns[0].histogram.counts).toEqual([2, 1, 2, 2]); // 1..8 in four bins of width 1.75
    expect(report.correlations).toBeUndefined(); // only one numeric column
    const off = JSON.parse((await explore('explore { histograms = false\n  correlations = false }', '--json')).stdout);
    expect(off.columns[0].histogram).toEqual({ edges: [], counts: [] });
    expect(off.correlations).toBeUndefined();
  });

  it('reports a pipeline with errors instead of exploring it, and wrong usage', async () => {
    const dir = workspace({ 'd.csv': csv(['x', 'y'], [[1, 'a']]), 'p.mlp': 'data d = csv("d.csv")\nproblem classification { target = nope }\n' });
    const bad = await cli('explore', path.join(dir, 'p.mlp'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/nothing explored/);
    expect((await cli('explore')).code).toBe(2);
  });
});
