/**
 * Every metric (the one optimised and those reported) must fit the task: no
 * F1 on regression, no RMSE on classification; binary metrics need a
 * positive class and exactly two classes.
 */
import * as catalog from '../../catalog/index.ts';
import { reportSpan, settingSpan, type Rule } from './rule.ts';

export const metricFitsTask: Rule = ({ ast, ir, scope, reporter }) => {
  const problem = ir.problem;
  if (!problem) return;
  const used = new Map<string, ReturnType<typeof settingSpan>>();
  const metricSpan = settingSpan(ast, 'Problem', 'metric');
  if (ast.decls.some((d) => d.kind === 'Problem' && d.settings.some((s) => s.key.text === 'metric'))) used.set(problem.metric, metricSpan);
  for (const m of ir.report ?? []) if (!used.has(m)) used.set(m, reportSpan(ast, m));
  const levels = scope.columns.get(problem.target)?.levels;
  for (const [name, span] of used) {
    const entry = catalog.metric(name);
    if (!entry || !span) continue;
    if (!entry.tasks.includes(problem.task)) {
      reporter.report('MetricTaskMismatch', span, { metric: name, metricTask: entry.tasks[0], task: problem.task }, { hint: `For ${problem.task}, try ${catalog.metrics.filter((m) => m.tasks.includes(problem.task) && m.optimizable).slice(0, 4).map((m) => `\`${m.name}\``).join(', ')}.` });
      continue;
    }
    if (!entry.binary) continue;
    if (levels && levels.length > 2) reporter.report('BinaryMetricMulticlass', span, { metric: name, target: problem.target, count: levels.length });
    else if (problem.positive === undefined) reporter.report('BinaryMetricNeedsPositive', span, { metric: name, hint: levels?.length === 2 ? `, e.g. \`positive = "${levels[1]}"\`` : '' });
  }
};
