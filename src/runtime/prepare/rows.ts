/** Row-level preparation: duplicate removal, row masks and row selection. */
import type { Column, Frame } from '../data/frame.ts';
import { PrepareError } from './impute.ts';

/** Copies the given rows (in the given order) of every column into a new Frame. */
export function selectRows(frame: Frame, indices: Int32Array): Frame {
  for (let i = 0; i < indices.length; i++)
    if (!(indices[i] >= 0 && indices[i] < frame.rows)) throw new PrepareError(`row index ${indices[i]} is outside 0..${frame.rows - 1}`);
  const columns = new Map<string, Column>();
  for (const [name, c] of frame.columns) {
    if (c.kind === 'numeric') columns.set(name, { kind: 'numeric', type: c.type, values: Float64Array.from(indices, (i) => c.values[i]) });
    else if (c.kind === 'category') columns.set(name, { kind: 'category', type: 'category', codes: Int32Array.from(indices, (i) => c.codes[i]), levels: c.levels });
    else columns.set(name, { kind: 'text', type: 'text', values: Array.from(indices, (i) => c.values[i]) });
  }
  return { rows: indices.length, names: frame.names.slice(), columns };
}

/** Indices of the rows whose mask entry is non-zero, ascending. */
export function maskToIndices(mask: Uint8Array): Int32Array {
  let n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) n++;
  const out = new Int32Array(n);
  n = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) out[n++] = i;
  return out;
}

/** Row mask (1 = keep) keeping the first of each group of identical rows over `names` (default all); missing equals missing. */
export function dedupeMask(frame: Frame, names: string[] = frame.names): Uint8Array {
  const cols = names.map((n) => {
    const c = frame.columns.get(n);
    if (!c) throw new PrepareError(`drop duplicates: unknown column "${n}"`);
    return c;
  });
  const hashes = new Uint32Array(frame.rows).fill(0x811c9dc5);
  const f = new Float64Array(1), u = new Uint32Array(f.buffer);
  const mix = (h: number, x: number) => Math.imul(h ^ x, 0x01000193) >>> 0;
  for (const c of cols) {
    for (let i = 0; i < frame.rows; i++) {
      let h = hashes[i];
      if (c.kind === 'numeric') {
        const v = c.values[i];
        f[0] = v !== v ? NaN : v === 0 ? 0 : v; // one NaN, one zero
        h = mix(mix(h, u[0]), u[1]);
      } else if (c.kind === 'category') h = mix(h, c.codes[i]);
      else {
        const s = c.values[i];
        if (s === null) h = mix(h, 0xffffffff);
        else for (let k = 0; k < s.length; k++) h = mix(h, s.charCodeAt(k));
      }
      hashes[i] = h;
    }
  }
  const same = (a: number, b: number) => cols.every((c) => {
    if (c.kind === 'numeric') { const x = c.values[a], y = c.values[b]; return x === y || (x !== x && y !== y); }
    return c.kind === 'category' ? c.codes[a] === c.codes[b] : c.values[a] === c.values[b];
  });
  const firstByHash = new Map<number, number[]>();
  const keep = new Uint8Array(frame.rows);
  for (let i = 0; i < frame.rows; i++) {
    const bucket = firstByHash.get(hashes[i]);
    if (!bucket) { firstByHash.set(hashes[i], [i]); keep[i] = 1; continue; }
    if (bucket.some((j) => same(i, j))) continue;
    bucket.push(i);
    keep[i] = 1;
  }
  return keep;
}
