/** Every cross-cutting rule, run in this order after lowering. */
import type { Rule } from './rule.ts';
import { metricFitsTask } from './metricFitsTask.ts';
import { positiveClass } from './positiveClass.ts';
import { targetLevels } from './targetLevels.ts';
import { targetLeak } from './targetLeak.ts';
import { modelsReachable } from './modelsReachable.ts';
import { unusedFeature } from './unusedFeature.ts';
import { searchSize } from './searchSize.ts';
import { missingValues } from './missingValues.ts';
import { probabilities } from './probabilities.ts';

export const rules: readonly Rule[] = [metricFitsTask, positiveClass, targetLevels, targetLeak, modelsReachable, unusedFeature, searchSize, missingValues, probabilities];
