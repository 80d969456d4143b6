/**
 * The IR as stable text (`mlp ir`): spans dropped, paths relative to the
 * .mlp file's folder, keys in a fixed order, one fact per line.
 */
import path from 'node:path';
import type { PipelineIR } from './ir.ts';

export function printIR(ir: PipelineIR): string {
  const base = path.dirname(ir.file);
  const lines: string[] = [];
  const scalar = (v: unknown): string => {
    if (typeof v === 'string') return JSON.stringify(v);
    if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
    return String(v);
  };
  const inline = (v: unknown): string | undefined => {
    if (v === null || typeof v !== 'object') return scalar(v);
    if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object' || (Array.isArray(x) && x.every((y) => typeof y !== 'object')))) {
      return `[${v.map((x) => (Array.isArray(x) ? `[${x.map(scalar).join(', ')}]` : scalar(x))).join(', ')}]`;
    }
    return undefined;
  };
  const walk = (key: string, v: unknown, indent: string): void => {
    if (v === undefined || key === 'span' || key === 'paramSpans' || key === 'keywordSpan') return;
    if ((key === 'path' || key === 'model' || key === 'reportDir' || key === 'file') && typeof v === 'string' && path.isAbsolute(v)) v = path.relative(base, v) || '.';
    const flat = inline(v);
    if (flat !== undefined) {
      lines.push(`${indent}${key}: ${flat}`);
      return;
    }
    if (Array.isArray(v)) {
      lines.push(`${indent}${key}:`);
      v.forEach((item, i) => walk(`- [${i}]`, item, indent + '  '));
      return;
    }
    lines.push(`${indent}${key}:`);
    for (const [k, x] of Object.entries(v as object)) walk(k, x, indent + '  ');
  };
  for (const [k, v] of Object.entries(ir)) walk(k, v, '');
  return lines.join('\n') + '\n';
}
