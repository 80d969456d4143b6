/** The search gives the same result on any number of threads (seeds depend only on candidate and fold). */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/semantics/analyze.ts';
import { runPipeline } from '../../src/interpret/run.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function artifact(threads: number): Promise<Record<string, unknown>> {
  const file = path.join(root, 'examples/penguins/penguins.mlp');
  const text = fs.readFileSync(file, 'utf8');
  const a = analyze(text, { file });
  const out = fs.mkdtempSync(path.join(os.tmpdir(), `mlp-threads-${threads}-`));
  const report = await runPipeline(a.ir!, { text, out, threads, seed: 3 });
  const json = JSON.parse(fs.readFileSync(report.artifact, 'utf8'));
  delete json.createdAt;
  return { artifact: json, leaderboard: report.leaderboard.map((r) => [r.candidate, r.params, r.mean, r.std]) };
}

describe('threads', () => {
  it('--threads 1 and --threads 2 give identical artifacts and leaderboards', async () => {
    const one = await artifact(1);
    const two = await artifact(2);
    expect(two).toEqual(one);
  }, 120_000);
});
