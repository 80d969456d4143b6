/**
 * Text features like scikit-learn's CountVectorizer / TfidfVectorizer (word analyzer):
 * vocabulary learned on training documents, sorted by code point (sklearn's column order),
 * output as a CSR block. Missing documents (null) count as empty.
 */
import type { SparseMatrix } from '../models/contract.ts';
import { byCodePoint, FeatureError, type FeatureBlock } from './contract.ts';
import { ENGLISH_STOP_WORDS } from './stopwords.ts';
import { analyze, tokenize, type AnalyzerOptions } from './tokenize.ts';

/** A document-frequency limit: an absolute document count or a fraction of the training documents. */
export type DfLimit = { count: number } | { fraction: number };

export interface TextOptions {
  mode: 'count' | 'tfidf';
  lowercase?: boolean;
  ngram?: [number, number];
  /** 'english' = sklearn's list; an array = custom list; null/absent = none */
  stopWords?: 'english' | string[] | null;
  /** default { count: 1 } */
  minDf?: DfLimit;
  /** default { fraction: 1 } */
  maxDf?: DfLimit;
  /** keep the most frequent terms (corpus term counts; ties alphabetical) */
  maxFeatures?: number | null;
  /** counts become 0/1 (before tf-idf) */
  binary?: boolean;
  /** tf-idf: idf = ln((1+n)/(1+df)) + 1 when true (default), else ln(n/df) + 1 */
  smoothIdf?: boolean;
  /** tf-idf: tf → 1 + ln(tf) */
  sublinearTf?: boolean;
  /** row normalization; default 'l2' for tfidf, 'none' for count */
  norm?: 'l2' | 'l1' | 'none';
}

export interface TextState {
  column: string;
  options: TextOptions;
  vocabulary: string[];
  /** per vocabulary term (tfidf mode only) */
  idf: number[] | null;
}

function analyzerOf(o: TextOptions): AnalyzerOptions {
  const stop = o.stopWords === 'english' ? ENGLISH_STOP_WORDS : o.stopWords ? new Set(o.stopWords) : null;
  return { lowercase: o.lowercase ?? true, ngram: o.ngram ?? [1, 1], stopWords: stop };
}

function validate(o: TextOptions, column: string): void {
  const bad = (msg: string) => new FeatureError(`text features of ${column}: ${msg}`);
  if (o.mode !== 'count' && o.mode !== 'tfidf') throw bad(`unknown mode "${o.mode}"`);
  const [lo, hi] = o.ngram ?? [1, 1];
  if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 1 || hi < lo) throw bad(`invalid ngram range [${lo}, ${hi}]`);
  for (const [name, d] of [['min_df', o.minDf], ['max_df', o.maxDf]] as const) {
    if (!d) continue;
    if ('count' in d ? !Number.isInteger(d.count) || d.count < 0 : !(d.fraction >= 0 && d.fraction <= 1))
      throw bad(`${name} must be a count >= 0 or a fraction in [0, 1]`);
  }
  if (o.maxFeatures != null && (!Number.isInteger(o.maxFeatures) || o.maxFeatures < 1)) throw bad(`max_features must be a positive integer`);
}

/** Learns the vocabulary (and idf) from training documents. */
export function fitText(docs: (string | null)[], column: string, options: TextOptions): TextState {
  validate(options, column);
  const an = analyzerOf(options);
  const n = docs.length;
  // term → id; df and tf by id
  const ids = new Map<string, number>();
  const df: number[] = [], tf: number[] = [];
  const local = new Map<number, number>();
  for (const doc of docs) {
    local.clear();
    for (const t of analyze(doc ?? '', an)) {
      let id = ids.get(t);
      if (id === undefined) { id = df.length; ids.set(t, id); df.push(0); tf.push(0); }
      local.set(id, (local.get(id) ?? 0) + 1);
    }
    for (const [id, c] of local) { df[id]++; tf[id] += c; }
  }
  if (ids.size === 0) throw new FeatureError(`text features of ${column}: empty vocabulary; perhaps the documents only contain stop words`);
  const limit = (d: DfLimit | undefined, dflt: number) => (!d ? dflt : 'count' in d ? d.count : d.fraction * n);
  const hi = limit(options.maxDf, n), lo = limit(options.minDf, 1);
  if (hi < lo) throw new FeatureError(`text features of ${column}: max_df corresponds to fewer documents than min_df`);
  let vocabulary = [...ids.keys()].filter((t) => df[ids.get(t)!] <= hi && df[ids.get(t)!] >= lo).sort(byCodePoint);
  const max = options.maxFeatures;
  if (max != null && vocabulary.length > max) {
    const weight = options.binary ? df : tf;
    vocabulary = vocabulary
      .map((t, i) => ({ t, w: weight[ids.get(t)!], i }))
      .sort((a, b) => b.w - a.w || a.i - b.i)
      .slice(0, max)
      .sort((a, b) => a.i - b.i)
      .map((e) => e.t);
  }
  if (vocabulary.length === 0) throw new FeatureError(`text features of ${column}: after pruning, no terms remain; try a lower min_df or a higher max_df`);
  let idf: number[] | null = null;
  if (options.mode === 'tfidf') {
    const s = (options.smoothIdf ?? true) ? 1 : 0;
    idf = vocabulary.map((t) => Math.log((n + s) / (df[ids.get(t)!] + s)) + 1);
  }
  return { column, options: structuredClone(options), vocabulary, idf };
}

/** Term counts or tf-idf weights of any documents over the fitted vocabulary, as a CSR block. */
export function applyText(state: TextState, docs: (string | null)[]): FeatureBlock {
  const o = state.options;
  const an = analyzerOf(o);
  const index = new Map(state.vocabulary.map((t, k) => [t, k] as const));
  const rows = docs.length;
  const indptr = new Int32Array(rows + 1);
  const idx: number[] = [], val: number[] = [];
  const counts = new Float64Array(state.vocabulary.length);
  const touched: number[] = [];
  const norm = o.norm ?? (o.mode === 'tfidf' ? 'l2' : 'none');
  for (let i = 0; i < rows; i++) {
    touched.length = 0;
    for (const t of analyze(docs[i] ?? '', an)) {
      const k = index.get(t);
      if (k !== undefined && counts[k]++ === 0) touched.push(k);
    }
    const start = idx.length;
    for (const k of Int32Array.from(touched).sort()) {
      let v = o.binary ? 1 : counts[k];
      counts[k] = 0;
      if (state.idf) v = (o.sublinearTf ? Math.log(v) + 1 : v) * state.idf[k];
      idx.push(k);
      val.push(v);
    }
    if (norm !== 'none') {
      let s = 0;
      for (let p = start; p < val.length; p++) s += norm === 'l2' ? val[p] * val[p] : Math.abs(val[p]);
      if (s > 0) {
        if (norm === 'l2') s = Math.sqrt(s);
        for (let p = start; p < val.length; p++) val[p] /= s;
      }
    }
    indptr[i + 1] = idx.length;
  }
  const matrix: SparseMatrix = {
    kind: 'csr', rows, cols: state.vocabulary.length, indptr, indices: Int32Array.from(idx), data: Float64Array.from(val),
  };
  return { kind: 'sparse', names: state.vocabulary.map((t) => `${state.column}_${t}`), matrix };
}

/** Length of each text in characters (Unicode code points, like Python's len); missing → NaN. */
export function textLength(values: (string | null)[]): Float64Array {
  return Float64Array.from(values, (s) => {
    if (s === null) return NaN;
    let n = s.length;
    for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c >= 0xdc00 && c <= 0xdfff) n--; }
    return n;
  });
}

/** Number of tokens in each text (the default tokenizer, no stop words); missing → NaN. */
export function wordCount(values: (string | null)[]): Float64Array {
  return Float64Array.from(values, (s) => (s === null ? NaN : tokenize(s).length));
}
