/** The contract of a cross-cutting rule: it reads the lowered pipeline and the scope, and reports. */
import type * as A from '../../syntax/ast.ts';
import type { Reporter } from '../../diagnostics/diagnostic.ts';
import type { PipelineIR } from '../ir.ts';
import type { Scope } from '../scope.ts';

export interface RuleContext {
  ast: A.File;
  /** what could be lowered; parts with errors are missing */
  ir: Partial<PipelineIR>;
  scope: Scope;
  reporter: Reporter;
}

export type Rule = (ctx: RuleContext) => void;

/** The span of `key = …` in the first block of `kind`, else the block's keyword. */
export function settingSpan(ast: A.File, kind: 'Problem' | 'Split' | 'Search', key: string): A.Span | undefined {
  const decl = ast.decls.find((d) => d.kind === kind) as { settings: A.Setting[]; keywordSpan: A.Span } | undefined;
  return decl?.settings.find((s) => s.key.text === key)?.value.span ?? decl?.keywordSpan;
}

/** The `report` item naming this metric, if any. */
export function reportSpan(ast: A.File, metric: string): A.Span | undefined {
  const decl = ast.decls.find((d) => d.kind === 'Report') as Extract<A.Decl, { kind: 'Report' }> | undefined;
  return decl?.items.find((i) => i.kind === 'Ref' && i.name.text === metric)?.span;
}
