/** The pipeline needs model candidates, and every candidate needs at least one feature. */
import type { Rule } from './rule.ts';

export const modelsReachable: Rule = ({ ast, ir, reporter }) => {
  const block = ast.decls.find((d) => d.kind === 'Models');
  if (!block || block.kind !== 'Models' || block.models.length === 0) {
    reporter.report('NoModels', block?.keywordSpan ?? { start: 0, end: 0 });
    return;
  }
  const declared = ast.decls.flatMap((d) => (d.kind === 'Features' ? d.features.map((f) => f.name.text) : []));
  for (const m of ir.models ?? []) {
    if (m.using.length > 0) continue;
    const decl = block.models.find((x) => x.name.text === m.name);
    // unknown names in `using` are already reported (UnknownFeature)
    if (decl?.using?.some((n) => !declared.includes(n.text))) continue;
    const intended = decl?.using ? decl.using.map((n) => n.text).filter((n) => declared.includes(n)) : declared;
    // a model whose features all have errors is not reported again
    if (intended.length === 0) reporter.report('UnreachableModel', m.span, { model: m.name }, { hint: declared.length ? undefined : 'Declare features in a `features { … }` block.' });
  }
};
