/**
 * Every code of the diagnostics table has a test that asserts it: this file
 * runs every other semantics test file (importing registers their tests
 * here too) and then checks the codes they asserted through the helpers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { messages, type MessageKey } from '../../src/diagnostics/messages.ts';
import { assertedCodes, repoRoot } from './helpers.ts';

/** Codes in the table that nothing reports yet; each must stay unreported until it gets a test. */
const NOT_REPORTED_YET: Partial<Record<MessageKey, string>> = {};

const here = path.dirname(fileURLToPath(import.meta.url));
const testFiles = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
  const full = path.join(dir, e.name);
  if (e.isDirectory()) return testFiles(full);
  return e.name.endsWith('.test.ts') && full !== fileURLToPath(import.meta.url) ? [full] : [];
});
for (const file of testFiles(here).sort()) {
  describe(path.relative(here, file), async () => {
    await import(pathToFileURL(file).href);
  });
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

describe('diagnostics coverage', () => {
  it('asserts every code of the table in some semantics test', () => {
    const untested = Object.entries(messages)
      .filter(([key, def]) => !assertedCodes.has(def.code) && !(key in NOT_REPORTED_YET))
      .map(([key, def]) => `${def.code} ${key}`);
    expect(untested, 'codes without a test: add an expectErrors(...) case under test/semantics/').toEqual([]);
  });

  it('lists as "not reported yet" only codes that the checker really never reports', () => {
    const src = sourceFiles(path.join(repoRoot, 'src')).filter((f) => !f.endsWith('messages.ts')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    for (const key of Object.keys(NOT_REPORTED_YET)) {
      expect(src.includes(`'${key}'`), `${key} is reported now: write its tests and remove it from NOT_REPORTED_YET`).toBe(false);
    }
  });
});
