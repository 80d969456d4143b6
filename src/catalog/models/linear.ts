import type { ModelEntry } from '../types.ts';
import { fitIntercept } from '../params.ts';

export const linear: ModelEntry = {
  kind: 'model', name: 'linear', kernel: 'linear', tasks: ['regression'], probabilities: false, sparseInput: false, cost: 1,
  doc: 'Ordinary least squares linear regression. No regularisation; rank-deficient inputs (constant or duplicate columns) are handled by a minimum-norm solution.',
  example: 'linear()',
  params: [fitIntercept],
};
