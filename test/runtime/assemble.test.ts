import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/runtime/features/contract.ts';

describe('assemble', () => {
  it('takes a text block with a vocabulary far larger than a call stack (spam bigrams: ~10^5–10^6 terms)', () => {
    const cols = 500_000;
    const names = Array.from({ length: cols }, (_, i) => `t${i}`);
    const matrix = { kind: 'csr' as const, rows: 2, cols, indptr: Int32Array.from([0, 1, 2]), indices: Int32Array.from([0, cols - 1]), data: Float64Array.from([1, 2]) };
    const out = assemble([{ kind: 'sparse', names, matrix }], 2);
    expect(out.names).toHaveLength(cols);
    expect(out.matrix.kind).toBe('csr');
    expect(out.names.at(-1)).toBe(`t${cols - 1}`);
  });
});
