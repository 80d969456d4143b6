/** docs/diagnostics.md is generated from the diagnostics table and must not go stale; codes are unique. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/diagnostics/messages.ts';
import { docPath, renderDiagnosticsDoc } from '../../scripts/diagnostics-doc.ts';

describe('docs/diagnostics.md', () => {
  it('is up to date with src/diagnostics/messages.ts', () => {
    const current = fs.existsSync(docPath) ? fs.readFileSync(docPath, 'utf8') : '';
    expect(current === renderDiagnosticsDoc(), 'docs/diagnostics.md is stale: run `npx tsx scripts/diagnostics-doc.ts`').toBe(true);
  });

  it('documents every code', () => {
    const doc = renderDiagnosticsDoc();
    for (const m of Object.values(messages)) expect(doc).toContain(`### ${m.code}\n`);
  });
});

describe('the diagnostics table', () => {
  it('gives every entry its own code', () => {
    const byCode = new Map<string, string[]>();
    for (const [key, m] of Object.entries(messages)) byCode.set(m.code, [...(byCode.get(m.code) ?? []), key]);
    expect([...byCode].filter(([, keys]) => keys.length > 1)).toEqual([]);
  });

  it('uses well-formed codes, severities and sentences', () => {
    for (const [key, m] of Object.entries(messages)) {
      expect(m.code, key).toMatch(/^MLP[1-6]\d{3}$/);
      expect(['error', 'warning', 'info'], key).toContain(m.severity);
      expect(m.template.trim().endsWith('.'), `${key}: messages end with a period`).toBe(true);
      expect(m.explain.length, key).toBeGreaterThan(0);
    }
  });

  it('reserves 6xxx for warnings and infos, and uses errors elsewhere', () => {
    for (const [key, m] of Object.entries(messages)) expect(m.code.startsWith('MLP6'), key).toBe(m.severity !== 'error');
  });
});
