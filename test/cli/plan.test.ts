/** `mlp plan` as a user runs it: the EXPLAIN text and its JSON form. */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const mlp = (...args: string[]) => execFileSync(process.execPath, [path.join(root, 'bin/mlp.js'), ...args], { cwd: root, encoding: 'utf8' });

describe('mlp plan', () => {
  it('explains passes, shared prefixes, fit counts and where statistics are learned', () => {
    const out = mlp('plan', 'examples/penguins/penguins.mlp');
    for (const heading of ['Stages:', 'Passes:', 'normalize-space', 'prune-columns', 'share-prefixes', 'fuse-transforms', 'schedule', 'Shared preprocessing prefixes:', 'Fits per fold:', 'Execution order:', 'Learned statistics']) expect(out).toContain(heading);
    expect(out).toContain('never materialised: year');
    expect(out).toMatch(/impute median of bill_length_mm, bill_depth_mm, flipper_length_mm, body_mass_g: the training rows of each of the 5 validation fold\(s\)/);
  });

  it('--format json has the same facts for tools', () => {
    const e = JSON.parse(mlp('plan', 'examples/penguins/penguins.mlp', '--format', 'json'));
    expect(e.folds).toBe(5);
    expect(e.prefixes.reduce((n: number, p: { candidates: number }) => n + p.candidates, 0)).toBe(e.order.length);
    expect(e.fitsPerFold.after.preprocessing).toBe(e.prefixes.length);
    expect(e.fitsPerFold.cacheHits).toBe(e.order.length - e.prefixes.length);
    expect(e.columns).not.toContain('year');
  });
});
