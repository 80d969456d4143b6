/**
 * Baseline tests (TypeScript style): each test/cases/<case>.mlp is checked
 * and its `mlp check` output (and `mlp ir` output, when it has no errors)
 * compared with test/baselines/. After an intended change, review the diff
 * and run `npx tsx scripts/accept-baselines.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baselineFor, baselinesDir, caseNames, repoRoot } from '../scripts/accept-baselines.ts';

const ACCEPT = 'run `npx tsx scripts/accept-baselines.ts` to accept the new output after reviewing it';
const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);

describe('golden baselines', () => {
  it('has at least 12 cases', () => {
    expect(caseNames().length).toBeGreaterThanOrEqual(12);
  });

  it.each(caseNames())('%s', (name) => {
    const previous = process.cwd();
    process.chdir(repoRoot);
    try {
      const actual = baselineFor(name);
      expect(actual.diagnostics, `test/baselines/${name}.diagnostics.txt differs; ${ACCEPT}`).toBe(read(path.join(baselinesDir, `${name}.diagnostics.txt`)));
      expect(actual.ir, `test/baselines/${name}.ir.txt differs; ${ACCEPT}`).toBe(read(path.join(baselinesDir, `${name}.ir.txt`)));
    } finally {
      process.chdir(previous);
    }
  });

  it('has no stale baseline files', () => {
    const names = new Set(caseNames());
    const stale = fs.readdirSync(baselinesDir).filter((f) => !names.has(f.replace(/\.(diagnostics|ir)\.txt$/, '')));
    expect(stale, `remove baselines without a case`).toEqual([]);
  });
});
