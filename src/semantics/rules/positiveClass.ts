/**
 * The positive class must be one of the target's levels seen in the data
 * sample. When the sample stops before the end of the file the levels may be
 * incomplete (files sorted by class), so the run checks it on the full data.
 */
import { didYouMean } from '../../diagnostics/didYouMean.ts';
import { settingSpan, type Rule } from './rule.ts';

export const positiveClass: Rule = ({ ast, ir, scope, reporter }) => {
  const problem = ir.problem;
  if (!problem || problem.positive === undefined || problem.task !== 'classification') return;
  const levels = scope.columns.get(problem.target)?.levels;
  if (!levels || levels.length === 0 || levels.includes(problem.positive) || scope.sampleTruncated) return;
  reporter.report('UnknownPositiveClass', settingSpan(ast, 'Problem', 'positive')!, { value: problem.positive, target: problem.target, levels: levels.map((l) => `"${l}"`).join(', ') }, { hint: didYouMean(problem.positive, levels) });
};
