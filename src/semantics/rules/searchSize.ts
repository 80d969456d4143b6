/** Warns when a grid search needs more fits than the configured `max_fits`. */
import { gridSize } from '../space.ts';
import { settingSpan, type Rule } from './rule.ts';

export const searchSize: Rule = ({ ast, ir, reporter }) => {
  const { models, search, validation } = ir;
  if (!models || !search || !validation) return;
  const folds = validation.method === 'holdout' ? 1 : validation.k * validation.repeats;
  const candidates = models.reduce((n, m) => n + (search.strategy === 'random' ? Math.min(search.trials, gridSize(m) || search.trials) : gridSize(m)), 0);
  const fits = candidates * folds;
  if (fits <= search.maxFits) return;
  const span = ast.decls.find((d) => d.kind === 'Search')?.keywordSpan ?? settingSpan(ast, 'Search', 'max_fits') ?? ast.decls.find((d) => d.kind === 'Models')?.keywordSpan;
  if (span) reporter.report('LargeSearch', span, { fits, candidates, folds, max: search.maxFits });
};
