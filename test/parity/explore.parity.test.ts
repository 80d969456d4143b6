/**
 * `mlp explore` against pandas on the penguins example: describe() (count,
 * mean, std, quartiles, min, max) of every numeric column and corr() (Pearson,
 * pairwise complete) between them, on the same CSV.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exploreData } from '../../src/interpret/explore.ts';
import { analyze } from '../../src/semantics/analyze.ts';
import fs from 'node:fs';

const root = path.resolve(import.meta.dirname, '../..');
const file = path.join(root, 'examples/penguins/penguins.mlp');

const pandas = `
import json, sys, pandas as pd
df = pd.read_csv(sys.argv[1])
num = [c for c in df.columns if pd.api.types.is_numeric_dtype(df[c])]
print(json.dumps({"describe": df[num].describe().to_dict(), "corr": df[num].corr().to_dict()}))
`;

describe('mlp explore matches pandas', () => {
  it('describe() and corr() of the penguins numeric columns', async () => {
    const ir = analyze(fs.readFileSync(file, 'utf8'), { file }).ir!;
    const report = await exploreData(ir, { correlations: true, histograms: false, bins: 20 });
    const ref = JSON.parse(execFileSync('/usr/bin/python3', ['-c', pandas, ir.source.path], { encoding: 'utf8' })) as { describe: Record<string, Record<string, number>>; corr: Record<string, Record<string, number>> };
    const numeric = report.columns.filter((c) => c.kind === 'numeric');
    expect(numeric.map((c) => c.name).sort()).toEqual(Object.keys(ref.describe).sort());
    for (const c of numeric) {
      if (c.kind !== 'numeric') continue;
      const d = ref.describe[c.name];
      expect(c.rows - c.missing, c.name).toBe(d.count);
      for (const [ours, theirs] of [[c.mean, d.mean], [c.std, d.std], [c.min, d.min], [c.q25, d['25%']], [c.median, d['50%']], [c.q75, d['75%']], [c.max, d.max]]) {
        expect(Math.abs(ours - theirs) / Math.max(1, Math.abs(theirs)), c.name).toBeLessThan(1e-12);
      }
    }
    const { columns, matrix } = report.correlations!;
    columns.forEach((a, i) => columns.forEach((b, j) => expect(Math.abs(matrix[i][j] - ref.corr[a][b]), `${a} ~ ${b}`).toBeLessThan(1e-12)));
  });
});
