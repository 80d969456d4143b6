import type { TransformEntry } from '../types.ts';

export const onehot: TransformEntry = {
  kind: 'transform', name: 'onehot', inputs: ['category', 'boolean', 'integer'], arity: 'many', output: 'numeric', learned: true,
  doc: 'One 0/1 column per level seen in the training rows (levels sorted). A level never seen in training is all zeros (`unseen: ignore`) or an error (`unseen: error`); a missing value is all zeros.',
  example: 'onehot(species, island, unseen: ignore)',
  params: [
    { name: 'unseen', doc: 'What to do with a level not seen in training: `ignore` (all zeros) or `error`.', type: 'enum', values: ['ignore', 'error'], default: 'ignore' },
    { name: 'drop', doc: '`first` drops the first level\'s column (avoids collinearity for unregularised linear models).', type: 'enum', values: ['none', 'first'], default: 'none' },
  ],
};
