import type { TransformEntry } from '../types.ts';

export const words: TransformEntry = {
  kind: 'transform', name: 'words', inputs: ['text'], arity: 'many', output: 'numeric', learned: false,
  doc: 'Number of word tokens in the text (same tokenizer as `bow` and `tfidf`).',
  example: 'text |> words',
  params: [],
};
