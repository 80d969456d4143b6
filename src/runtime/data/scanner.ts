/**
 * Byte-level RFC 4180 record scanner over a sliding buffer.
 *
 * The driver appends input with `reserve()` / `commit()` and calls `next()`;
 * each RECORD result leaves the record's fields as byte ranges in `buf`
 * (valid until the next `reserve()`). Quoted fields are reported without
 * their quotes; flag QUOTED_ESCAPES means they still contain doubled quotes.
 * Only the current partial record is carried between chunks, and every
 * refill reads at least as much as is carried, so a record is scanned
 * O(1) times amortized and memory stays proportional to the longest record.
 *
 * Also validates UTF-8 (a whole buffer at a time with the native check) and
 * flags malformed quoting instead of throwing, so the caller can decide.
 */
import { isUtf8 } from 'node:buffer';

export const NEED_MORE = 0;
export const RECORD = 1;
export const END = 2;

export const QUOTED = 1;
export const QUOTED_ESCAPES = 2;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export class CsvScanner {
  buf: Buffer;
  /** number of valid bytes in buf */
  end = 0;
  /** field ranges of the current record: buf[fieldStart[i], fieldEnd[i]) */
  fieldStart = new Int32Array(16);
  fieldEnd = new Int32Array(16);
  fieldFlags = new Uint8Array(16);
  fieldCount = 0;
  /** physical line where the current record starts (1-based) */
  line = 1;
  /** true when the current record is an empty line */
  blank = false;
  /** reason the current record is malformed, and the field where it is */
  malformed: string | null = null;
  malformedField = -1;
  /** field holding the first invalid UTF-8 byte of the current record, or -1 */
  badUtf8Field = -1;

  private start = 0;
  private base = 0;
  private nextLine = 1;
  private bomChecked = false;
  private utf8CheckedTo = 0;
  private badUtf8At = -1;

  constructor(private readonly delim: number, private readonly chunk = 1 << 20) {
    this.buf = Buffer.allocUnsafe(chunk);
  }

  /** Bytes carried over for the record in progress. */
  pending(): number { return this.end - this.start; }

  /** Absolute input offset of the first unconsumed byte. */
  position(): number { return this.base + this.start; }

  /** Physical line where the record in progress starts. */
  pendingLine(): number { return this.nextLine; }

  /** Compacts the buffer and makes room for at least max(chunk, pending) more bytes at `end`. */
  reserve(): void {
    const carry = this.end - this.start;
    const want = carry + Math.max(this.chunk, carry);
    if (this.buf.length < want) {
      const nb = Buffer.allocUnsafe(want);
      this.buf.copy(nb, 0, this.start, this.end);
      this.buf = nb;
    } else if (this.start > 0) {
      this.buf.copyWithin(0, this.start, this.end);
    }
    const s = this.start;
    this.base += s;
    this.utf8CheckedTo = Math.max(0, this.utf8CheckedTo - s);
    if (this.badUtf8At >= 0) this.badUtf8At -= s;
    this.start = 0;
    this.end = carry;
  }

  /** Declares that n more bytes were written at `end`. */
  commit(n: number): void { this.end += n; }

  /** Scans one record: RECORD, NEED_MORE (not final and input ran out) or END. */
  next(final: boolean): number {
    const buf = this.buf, end = this.end, D = this.delim;
    let p = this.start;
    if (!this.bomChecked) {
      if (end - p < 3 && !final) return NEED_MORE;
      if (end - p >= 3 && buf[p] === 0xef && buf[p + 1] === 0xbb && buf[p + 2] === 0xbf) p += 3;
      this.start = p;
      this.bomChecked = true;
    }
    if (p >= end) return final ? END : NEED_MORE;
    const recStart = p;
    let fs = this.fieldStart, fe = this.fieldEnd, ff = this.fieldFlags;
    let n = 0, nl = 0, malformed: string | null = null, malformedField = -1;
    for (;;) {
      if (n === fs.length) { this.growFields(); fs = this.fieldStart; fe = this.fieldEnd; ff = this.fieldFlags; }
      if (p < end && buf[p] === QUOTE) {
        let q = p + 1, flags = QUOTED;
        for (;;) {
          if (q >= end) {
            if (!final) return NEED_MORE;
            malformed = 'unterminated quoted field (it runs to the end of the file)';
            malformedField = n;
            break;
          }
          const c = buf[q];
          if (c === QUOTE) {
            if (q + 1 >= end && !final) return NEED_MORE;
            if (q + 1 < end && buf[q + 1] === QUOTE) { flags = QUOTED | QUOTED_ESCAPES; q += 2; continue; }
            break;
          }
          if (c === LF) nl++;
          q++;
        }
        fs[n] = p + 1; fe[n] = q; ff[n] = flags; n++;
        p = q < end ? q + 1 : end;
        if (p < end) {
          const c = buf[p];
          if (c !== D && c !== LF && c !== CR) {
            if (malformed === null) { malformed = 'unexpected character after a closing quote'; malformedField = n - 1; }
            while (p < end) { const d = buf[p]; if (d === D || d === LF || d === CR) break; p++; }
            fe[n - 1] = p;
          }
        }
      } else {
        const s = p;
        while (p < end) { const c = buf[p]; if (c === D || c === LF || c === CR) break; p++; }
        fs[n] = s; fe[n] = p; ff[n] = 0; n++;
      }
      if (p >= end) {
        if (!final) return NEED_MORE;
        break;
      }
      const c = buf[p];
      if (c === D) { p++; continue; }
      if (c === LF) { p++; nl++; break; }
      if (p + 1 >= end && !final) return NEED_MORE;
      p += p + 1 < end && buf[p + 1] === LF ? 2 : 1;
      nl++;
      break;
    }
    this.start = p;
    this.fieldCount = n;
    this.line = this.nextLine;
    this.nextLine += nl;
    this.blank = n === 1 && fe[0] === fs[0] && ff[0] === 0;
    this.malformed = malformed;
    this.malformedField = malformedField;
    this.badUtf8Field = -1;
    if (p > this.utf8CheckedTo) this.checkUtf8(recStart, p, final);
    if (this.badUtf8At >= recStart && this.badUtf8At < p) {
      const at = this.badUtf8At;
      let f = 0;
      while (f < n - 1 && at >= fs[f + 1] - (ff[f + 1] & QUOTED)) f++;
      this.badUtf8Field = f;
      this.badUtf8At = -1;
      this.utf8CheckedTo = p;
    }
    return RECORD;
  }

  /** Validates buf[from, to') where to' ≥ recEnd is the last ASCII boundary of the buffer. */
  private checkUtf8(from: number, recEnd: number, final: boolean): void {
    let to = this.end;
    if (!final) while (to > recEnd && this.buf[to - 1] >= 0x80) to--;
    this.badUtf8At = isUtf8(this.buf.subarray(from, to)) ? -1 : firstInvalidUtf8(this.buf, from, to);
    this.utf8CheckedTo = to;
  }

  private growFields(): void {
    const k = this.fieldStart.length * 2;
    const fs = new Int32Array(k), fe = new Int32Array(k), ff = new Uint8Array(k);
    fs.set(this.fieldStart); fe.set(this.fieldEnd); ff.set(this.fieldFlags);
    this.fieldStart = fs; this.fieldEnd = fe; this.fieldFlags = ff;
  }
}

/** Offset of the first byte in b[from, to) that is not part of valid UTF-8, or -1. */
export function firstInvalidUtf8(b: Uint8Array, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    let n: number;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) n = 2;
    else if (c >= 0xf0 && c <= 0xf4) n = 3;
    else return i;
    if (i + n >= to) return i;
    let lo = 0x80, hi = 0xbf;
    if (c === 0xe0) lo = 0xa0; else if (c === 0xed) hi = 0x9f; else if (c === 0xf0) lo = 0x90; else if (c === 0xf4) hi = 0x8f;
    const c1 = b[i + 1];
    if (c1 < lo || c1 > hi) return i;
    for (let k = 2; k <= n; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

/** Decodes a scanned field to a string (undoing doubled quotes). */
export function decodeField(buf: Buffer, s: number, e: number, flags: number): string {
  const str = buf.toString('utf8', s, e);
  return flags & QUOTED_ESCAPES ? str.replaceAll('""', '"') : str;
}
