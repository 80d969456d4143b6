/** Lasso like scikit-learn's Lasso: the elastic net's coordinate descent with l1_ratio = 1. */
import type { ModelKernel } from './contract.ts';
import type { LinearState } from './linear.ts';
import { predictLinear } from './linear.ts';
import { elasticNetSettings, fitElasticNet } from './elastic_net.ts';

export const kernel: ModelKernel<LinearState> = {
  name: 'lasso',
  fit(input, params) {
    return fitElasticNet(input, elasticNetSettings(params, 1), 'lasso');
  },
  predict(state, X) {
    return predictLinear(state, X, 'regression', 'lasso');
  },
};
