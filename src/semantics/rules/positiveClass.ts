/** The positive class must be one of the target's levels seen in the data sample. */
import { didYouMean } from '../../diagnostics/didYouMean.ts';
import { settingSpan, type Rule } from './rule.ts';

export const positiveClass: Rule = ({ ast, ir, scope, reporter }) => {
  const problem = ir.problem;
  if (!problem || problem.positive === undefined || problem.task !== 'classification') return;
  const levels = scope.columns.get(problem.target)?.levels;
  if (!levels || levels.length === 0 || levels.includes(problem.positive)) return;
  reporter.report('UnknownPositiveClass', settingSpan(ast, 'Problem', 'positive')!, { value: problem.positive, target: problem.target, levels: levels.map((l) => `"${l}"`).join(', ') }, { hint: didYouMean(problem.positive, levels) });
};
