/**
 * Value parsers shared by the loader (from bytes) and inference (from
 * strings). Each returns NaN when the text does not parse.
 *
 * Numbers: decimal with optional sign, fraction and exponent, surrounded by
 * optional spaces/tabs ("1", "-2.5", ".5", "1e-5"), plus inf/infinity; not
 * hex, not "nan" (NaN is a missing marker). The value is exactly Number(text).
 * Booleans: true/false, yes/no, t/f, y/n, 1/0, any case.
 * Dates: ISO 8601 YYYY-MM-DD, optionally with [T ]HH:MM[:SS[.fff]] and Z or
 * ±HH[:]MM; no zone means UTC; the value is epoch milliseconds.
 */

const NUMBER_RE = /^[ \t]*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[ \t]*$/;
const INFINITY_RE = /^[ \t]*([+-]?)(?:inf|infinity)[ \t]*$/i;
const INTEGER_RE = /^[+-]?\d+$/;
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/** Parses a number from text; NaN if it is not one. */
export function parseNumber(text: string): number {
  if (NUMBER_RE.test(text)) return Number(text);
  const m = INFINITY_RE.exec(text);
  return m ? (m[1] === '-' ? -Infinity : Infinity) : NaN;
}

/**
 * Parses a number from buf[s, e) without allocating for plain decimals of
 * at most 15 digits (exact: an integer below 2^53 divided by an exact power
 * of ten rounds correctly); other forms go through parseNumber.
 */
export function parseNumberBytes(buf: Buffer, s: number, e: number): number {
  let i = s, neg = false;
  if (i < e) {
    const c = buf[i];
    if (c === 45) { neg = true; i++; } else if (c === 43) i++;
  }
  let m = 0, nd = 0, frac = 0;
  while (i < e) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) break;
    m = m * 10 + d; nd++; i++;
  }
  if (i < e && buf[i] === 46) {
    const f = ++i;
    while (i < e) {
      const d = buf[i] - 48;
      if (d < 0 || d > 9) break;
      m = m * 10 + d; nd++; i++;
    }
    frac = i - f;
  }
  if (i !== e || nd === 0 || nd > 15) return parseNumber(buf.toString('latin1', s, e));
  const v = frac === 0 ? m : m / POW10[frac];
  return neg ? -v : v;
}

/** True if text is an integer literal (sign and digits only). */
export function isIntegerLiteral(text: string): boolean {
  return INTEGER_RE.test(text);
}

const BOOLEANS = new Map<string, number>([
  ['true', 1], ['false', 0], ['yes', 1], ['no', 0], ['t', 1], ['f', 0], ['y', 1], ['n', 0], ['1', 1], ['0', 0],
]);

/** Parses a boolean to 1/0; NaN if it is not one. */
export function parseBoolean(text: string): number {
  return BOOLEANS.get(text.length <= 5 ? text.toLowerCase() : '') ?? NaN;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Parses an ISO 8601 date or date-time to epoch milliseconds (UTC); NaN if it is not one. */
export function parseDate(text: string): number {
  const m = DATE_RE.exec(text);
  if (!m) return NaN;
  const y = +m[1], mo = +m[2], d = +m[3];
  const h = m[4] ? +m[4] : 0, mi = m[5] ? +m[5] : 0, sec = m[6] ? +m[6] : 0;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (mo < 1 || mo > 12 || d < 1 || d > DAYS[mo - 1] || (mo === 2 && d === 29 && !leap)) return NaN;
  if (h > 23 || mi > 59 || sec > 59) return NaN;
  const ms = m[7] ? Math.floor(Number(m[7]) * 1000) : 0;
  let offset = 0;
  const z = m[8];
  if (z && z !== 'Z') {
    const oh = +z.slice(1, 3), om = +z.slice(-2);
    if (oh > 23 || om > 59) return NaN;
    offset = (z[0] === '-' ? -1 : 1) * (oh * 60 + om) * 60000;
  }
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  t.setUTCHours(h, mi, sec, ms);
  return t.getTime() - offset;
}

/** Sorts distinct level strings: numerically if all are numbers, else by code units; deterministic. */
export function sortLevels(levels: readonly string[]): string[] {
  const nums = levels.map(parseNumber);
  if (nums.every((v) => v === v)) {
    return levels.map((l, i) => ({ l, v: nums[i] })).sort((a, b) => a.v - b.v || (a.l < b.l ? -1 : a.l > b.l ? 1 : 0)).map((x) => x.l);
  }
  return [...levels].sort();
}
