/**
 * The target must suit the task: a classification target needs at least two
 * levels in the sample (unless the sample stopped early: a file sorted by
 * class shows one level first; the run checks the full data); a regression
 * target must be numeric.
 */
import { settingSpan, type Rule } from './rule.ts';

export const targetLevels: Rule = ({ ast, ir, scope, reporter }) => {
  const problem = ir.problem;
  const column = problem && scope.columns.get(problem.target);
  if (!problem || !column) return;
  const span = settingSpan(ast, 'Problem', 'target')!;
  if (problem.task === 'classification') {
    if (column.levels && column.levels.length === 1 && !scope.sampleTruncated) reporter.report('SingleClassTarget', span, { target: problem.target, level: `"${column.levels[0]}"` });
  } else if (column.kind !== 'numeric' && column.kind !== 'integer') {
    reporter.report('TargetNotNumeric', span, { target: problem.target, actual: `a ${column.kind} column` }, { hint: 'Did you mean `problem classification`?' });
  }
};
