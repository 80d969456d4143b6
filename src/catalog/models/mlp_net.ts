import type { ModelEntry } from '../types.ts';
import { earlyStopping, iterations, nIterNoChange, tol, validationFraction } from '../params.ts';

export const mlp_net: ModelEntry = {
  kind: 'model', name: 'mlp_net', kernel: 'mlp_net', tasks: ['classification', 'regression'], probabilities: true, sparseInput: false, cost: 30,
  doc: 'A small multilayer perceptron (one or two hidden layers) trained with Adam on mini-batches, seeded initialisation. Scale the features first.',
  example: 'mlp_net(hidden: [[64], [64, 32]], activation: relu)',
  params: [
    { name: 'hidden', doc: 'Sizes of the hidden layers, e.g. `[100]` or `[64, 32]`.', type: 'integer_list', min: 1, default: [100] },
    { name: 'activation', doc: 'Hidden-layer activation.', type: 'enum', values: ['relu', 'tanh', 'logistic'], default: 'relu' },
    { name: 'alpha', doc: 'L2 penalty on the weights.', type: 'number', min: 0, default: 1e-4 },
    { name: 'learning_rate', doc: 'Adam step size.', type: 'number', min: 0, minExclusive: true, default: 0.001 },
    iterations(200, 'Maximum number of epochs.'),
    { name: 'batch_size', doc: 'Rows per mini-batch (capped at the number of training rows).', type: 'integer', min: 1, default: 200 },
    earlyStopping, validationFraction, nIterNoChange, tol(1e-4),
  ],
};
