/** Helpers for interpreter tests: tiny pipelines over inline CSVs in temp folders. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { runPipeline, type RunReport } from '../../src/interpret/run.ts';
import { analyze } from '../../src/semantics/analyze.ts';
import type { PipelineIR } from '../../src/semantics/ir.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const made: string[] = [];
afterAll(() => { for (const d of made) fs.rmSync(d, { recursive: true, force: true }); });

/** A fresh folder holding the given files (removed after the test file). */
export function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlp-interp-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

/** Checks a .mlp file in `dir`; fails the test on errors. */
export function checked(dir: string, file = 'p.mlp'): { ir: PipelineIR; text: string; file: string } {
  const full = path.join(dir, file);
  const text = fs.readFileSync(full, 'utf8');
  const a = analyze(text, { file: full });
  const errors = a.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return { ir: a.ir!, text, file: full };
}

/** Runs the pipeline in-process, writing into dir/out. */
export async function run(dir: string, file = 'p.mlp', seed?: number): Promise<RunReport> {
  const { ir, text } = checked(dir, file);
  // one thread: the search runs in this process, where tests can observe it
  return runPipeline(ir, { text, out: path.join(dir, 'out'), seed, threads: 1, exportSplits: true });
}

/** Runs the CLI in-process; returns the exit code and what it printed. */
export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '', stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false });
  return { code, stdout, stderr };
}

export const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

/** A CSV text from a header and rows. */
export const csv = (header: string[], rows: (string | number)[][]) => [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';

/** No JavaScript stack frames in CLI output. */
export function expectNoStack(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(text).not.toMatch(/internal error/);
}
