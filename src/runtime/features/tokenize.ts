/**
 * Word tokenizer compatible with scikit-learn's CountVectorizer defaults:
 * lowercase, then token_pattern (?u)\b\w\w+\b. Python's Unicode \w is exactly
 * [\p{L}\p{N}_] (checked over all code points, Unicode 14), and \b\w\w+\b matches
 * maximal runs of such characters of length ≥ 2, which the scanner below finds
 * (a table over the BMP; the /[\p{L}\p{N}_]/u regex alone is several times slower).
 * Known difference: JavaScript may know newer Unicode characters than the
 * Python that sklearn runs on, so brand-new letters can tokenize differently.
 */

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** 1 for BMP code units that are word characters (surrogates handled separately); built once. */
const BMP_WORD = (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if ((c < 0xd800 || c > 0xdfff) && WORD_CHAR.test(String.fromCharCode(c))) t[c] = 1;
  return t;
})();

/** Width in code units (1 or 2) of the word character at i, or 0 if it is not one. */
function wordWidth(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return BMP_WORD[c];
  const cp = s.codePointAt(i)!;
  return cp > 0xffff && WORD_CHAR.test(String.fromCodePoint(cp)) ? 2 : 0;
}

export interface AnalyzerOptions {
  lowercase?: boolean;
  /** word n-gram range [min, max], default [1, 1] */
  ngram?: [number, number];
  stopWords?: ReadonlySet<string> | null;
}

/** The tokens of one document (lowercased unless lowercase is false). */
export function tokenize(text: string, lowercase = true): string[] {
  const s = lowercase ? text.toLowerCase() : text;
  const out: string[] = [];
  for (let i = 0; i < s.length; ) {
    let w = wordWidth(s, i);
    if (w === 0) { i++; continue; }
    const start = i;
    let chars = 0;
    do { i += w; chars++; } while (i < s.length && (w = wordWidth(s, i)) > 0);
    if (chars >= 2) out.push(s.slice(start, i));
  }
  return out;
}

/** Tokens with stop words removed, then n-grams min..max joined by one space (sklearn's _word_ngrams). */
export function analyze(text: string, opts: AnalyzerOptions = {}): string[] {
  let tokens = tokenize(text, opts.lowercase ?? true);
  const stop = opts.stopWords;
  if (stop) tokens = tokens.filter((t) => !stop.has(t));
  const [lo, hi] = opts.ngram ?? [1, 1];
  if (lo === 1 && hi === 1) return tokens;
  const out = lo === 1 ? tokens.slice() : [];
  for (let n = Math.max(lo, 2); n <= Math.min(hi, tokens.length); n++)
    for (let i = 0; i + n <= tokens.length; i++) {
      let g = tokens[i];
      for (let j = 1; j < n; j++) g += ' ' + tokens[i + j];
      out.push(g);
    }
  return out;
}
