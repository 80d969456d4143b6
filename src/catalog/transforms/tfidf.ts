import type { TransformEntry } from '../types.ts';

export const tfidf: TransformEntry = {
  kind: 'transform', name: 'tfidf', inputs: ['text'], arity: 'one', output: 'sparse', learned: true,
  doc: 'Term frequency × inverse document frequency over a vocabulary learned on the training rows (smooth idf, rows scaled to unit L2 norm), like scikit-learn\'s TfidfVectorizer.',
  example: 'tfidf(text, max_features: 20000, min_df: 2, ngrams: 1..2, stopwords: english)',
  params: [
    { name: 'ngrams', doc: 'Word n-gram lengths, e.g. `1..2` for unigrams and bigrams.', type: 'int_range', min: 1, default: [1, 1] },
    { name: 'min_df', doc: 'Ignore terms in fewer documents than this (a count ≥ 1, or a fraction of documents < 1).', type: 'number', min: 0, default: 1 },
    { name: 'max_df', doc: 'Ignore terms in more documents than this (a fraction in (0, 1], or a count).', type: 'number', min: 0, minExclusive: true, default: 1.0 },
    { name: 'max_features', doc: 'Keep only the most frequent terms.', type: 'integer', min: 1, nullable: true, default: null },
    { name: 'stopwords', doc: '`english` removes scikit-learn\'s English stop-word list; `none` keeps every word.', type: 'enum', values: ['none', 'english'], default: 'none' },
    { name: 'lowercase', doc: 'Lower-case the text before tokenizing.', type: 'boolean', default: true },
    { name: 'sublinear_tf', doc: 'Use 1 + log(tf) instead of raw counts.', type: 'boolean', default: false },
  ],
};
