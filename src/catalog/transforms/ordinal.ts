import type { TransformEntry } from '../types.ts';

export const ordinal: TransformEntry = {
  kind: 'transform', name: 'ordinal', inputs: ['category', 'boolean'], arity: 'many', output: 'numeric', learned: true,
  doc: 'Encodes each level as an integer: in the order given by `levels`, else sorted. An unseen level becomes -1 (`unseen: ignore`) or an error.',
  example: 'ordinal(size, levels: ["S", "M", "L"])',
  params: [
    { name: 'levels', doc: 'The levels in order.', type: 'strings' },
    { name: 'unseen', doc: 'What to do with a level not seen in training: `ignore` (-1) or `error`.', type: 'enum', values: ['ignore', 'error'], default: 'ignore' },
  ],
};
