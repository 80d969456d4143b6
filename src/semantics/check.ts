/**
 * The checker's main walk: binds names, reads the data schema, checks every
 * declaration against the catalog and lowers the file to the typed IR.
 * Cross-cutting rules (leakage, metric fit, unused features, …) then run
 * over the result, one rule per file in rules/.
 */
import path from 'node:path';
import type * as A from '../syntax/ast.ts';
import * as catalog from '../catalog/index.ts';
import type { ParamSpec, Task, ValueKind } from '../catalog/types.ts';
import type { Reporter } from '../diagnostics/diagnostic.ts';
import type { LineMap } from '../diagnostics/positions.ts';
import { didYouMean } from '../diagnostics/didYouMean.ts';
import { checkDeclaredType } from '../runtime/data/infer.ts';
import { DEFAULT_MISSING } from '../runtime/data/csv.ts';
import type * as IR from './ir.ts';
import { emptyScope, type ColumnInfo, type Scope } from './scope.ts';
import type { SchemaCache, SourceSchema } from './schema.ts';
import { FeatureLowering, type Typed } from './features.ts';
import { checkValue, completeParams, literal, plainParams, resolveArgs, type Value } from './values.ts';

export interface CheckOptions {
  /** absolute path of the .mlp file; data paths are resolved from its folder */
  file?: string;
  schemas: SchemaCache;
}

export interface CheckResult {
  scope: Scope;
  /** every part that could be lowered, even when others had errors (rules and the language server use them) */
  parts: Partial<IR.PipelineIR>;
  /** the lowered pipeline, when the source and problem could be resolved */
  ir?: IR.PipelineIR;
  schema?: SourceSchema;
}

const ONCE: A.DeclKind[] = ['Pipeline', 'Problem', 'Prepare', 'Features', 'Split', 'Validate', 'Models', 'Search', 'Report', 'Export'];

class Checker {
  readonly scope: Scope = emptyScope();
  private task: Task = 'classification';
  private schema?: SourceSchema;
  private readonly lowering: FeatureLowering;
  private readonly featureCache = new Map<string, Typed | undefined>();

  constructor(private readonly file: A.File, private readonly lines: LineMap, private readonly reporter: Reporter, private readonly options: CheckOptions) {
    this.lowering = new FeatureLowering(this.scope, reporter, (name) => this.lowerFeature(name));
  }

  run(): CheckResult {
    const decls = this.file.decls;
    const first = new Map<A.DeclKind, A.Decl>();
    const firstStage = new Map<string, A.Decl>();
    for (const d of decls) {
      if (d.kind === 'Stage') {
        // explore, serve and monitor share the kind 'Stage' but each may appear once
        const prevStage = firstStage.get(d.stage);
        if (prevStage) this.reporter.report('DuplicateBlock', d.keywordSpan, { block: d.stage, line: this.line(prevStage.span.start) });
        else firstStage.set(d.stage, d);
        continue;
      }
      const prev = first.get(d.kind);
      if (prev && ONCE.includes(d.kind)) this.reporter.report('DuplicateBlock', d.keywordSpan, { block: d.kind.toLowerCase(), line: this.line(prev.span.start) });
      else if (!prev) first.set(d.kind, d);
    }
    const get = <K extends A.DeclKind>(k: K) => first.get(k) as Extract<A.Decl, { kind: K }> | undefined;

    const source = this.source(decls.filter((d): d is Extract<A.Decl, { kind: 'Data' }> => d.kind === 'Data'));
    const problem = this.problem(get('Problem'));
    const prepare = this.prepare(get('Prepare'));
    const features = this.features(get('Features'));
    const selects = this.selects(get('Features'));
    const split = this.split(get('Split'), problem);
    const validation = this.validation(get('Validate'), problem);
    const search = this.search(get('Search'));
    const models = this.models(get('Models'), features, search.strategy);
    const report = this.report(get('Report'), problem);
    const outputs = this.outputs(get('Export'));
    const stages = this.stages(decls.filter((d): d is Extract<A.Decl, { kind: 'Stage' }> => d.kind === 'Stage'));
    const pipeline = get('Pipeline');
    const parts: Partial<IR.PipelineIR> = {
      name: pipeline?.name?.text ?? path.basename(this.options.file ?? 'pipeline', '.mlp'),
      file: this.options.file ?? '<input>',
      source, problem, prepare, features, selects, split, validation, models, search, report, outputs, stages,
    };
    const ir = source && problem ? (parts as IR.PipelineIR) : undefined;
    return { scope: this.scope, parts, ir, schema: this.schema };
  }

  // ---------------------------------------------------------------- data

  private source(datas: Extract<A.Decl, { kind: 'Data' }>[]): IR.SourceIR | undefined {
    if (datas.length === 0) {
      this.reporter.report('NoDataSource', { start: 0, end: 0 });
      return undefined;
    }
    for (const extra of datas.slice(1)) this.reporter.report('MultipleSources', extra.name?.span ?? extra.keywordSpan, { name: extra.name?.text ?? '?' });
    const d = datas[0];
    this.scope.sourceName = d.name?.text;
    this.scope.sourceDecl = d.name;
    const dataBlock = catalog.block('data')!;
    const opts = this.settings(dataBlock.settings, d.options, 'data');
    let rawPath = '';
    if (d.source.kind === 'Call' && catalog.fn(d.source.callee.text, 'source')) {
      const { args } = resolveArgs(catalog.fn(d.source.callee.text, 'source')!, d.source.args, d.source.span, this.reporter);
      rawPath = (args.get('path')?.value as string | undefined) ?? '';
    } else if (d.source.kind === 'Call' || d.source.kind === 'Ref') {
      const name = d.source.kind === 'Call' ? d.source.callee : d.source.name;
      this.reporter.report('UnknownFunction', name.span, { what: 'data source', name: name.text }, { hint: didYouMean(name.text, catalog.functionNames('source')) ?? 'Write `csv("path/to/file.csv")`.' });
    } else if (d.source.kind !== 'Missing') {
      this.reporter.report('InvalidExpression', d.source.span, { what: 'This', expected: 'a data source is written `csv("path/to/file.csv")`' });
    }
    const missingValues = (opts.values.missing_values as string[] | undefined) ?? [...DEFAULT_MISSING];
    const delimiter = (opts.values.delimiter as string | undefined) ?? ',';
    const base = this.options.file ? path.dirname(this.options.file) : process.cwd();
    const absolute = rawPath ? path.resolve(base, rawPath) : '';
    if (absolute) {
      this.schema = this.options.schemas.load(absolute, { missing: missingValues, delimiter });
      this.reportSchemaError(this.schema, d.source.span, rawPath);
    }
    if (this.schema?.ok) {
      this.scope.columnsKnown = true;
      this.scope.sampleTruncated = this.schema.truncated;
      for (const p of this.schema.profiles) {
        this.scope.columns.set(p.name, { name: p.name, kind: p.type, levels: p.type === 'text' ? undefined : p.levels, missingShare: p.missingShare, profile: p });
      }
    }
    // declared column types override inference and are checked against the sample
    const seen = new Map<string, A.Name>();
    for (const c of d.columns) {
      const prev = seen.get(c.name.text);
      if (prev) { this.reporter.report('DuplicateName', c.name.span, { name: c.name.text, line: this.line(prev.span.start) }); continue; }
      seen.set(c.name.text, c.name);
      const declared = this.columnType(c.type);
      const existing = this.scope.columns.get(c.name.text);
      if (!existing && this.scope.columnsKnown) {
        this.reporter.report('UnknownColumn', c.name.span, { name: c.name.text, source: `\`${rawPath}\`` }, { hint: didYouMean(c.name.text, this.scope.columns.keys()) });
        continue;
      }
      if (!declared) continue;
      if (existing?.profile) {
        for (const problem of checkDeclaredType(existing.profile, declared.kind, declared.levels)) {
          this.reporter.report('DeclaredTypeMismatch', c.type.span, { name: c.name.text, declared: declared.kind, problem });
        }
      }
      const levels = declared.levels ?? (declared.kind === 'category' || declared.kind === 'boolean' ? existing?.profile?.levels : undefined);
      this.scope.columns.set(c.name.text, { name: c.name.text, kind: declared.kind, levels, missingShare: existing?.missingShare ?? 0, profile: existing?.profile, declaration: c.name, fixedLevels: !!declared.levels });
    }
    for (const c of this.scope.columns.values()) if (c.declaration) this.scope.references.push({ name: c.declaration, kind: 'column', target: c.name });
    const ignore = this.columnList(opts.exprs.ignore) ?? [];
    for (const name of ignore) this.scope.columns.delete(name);
    return {
      name: d.name?.text ?? 'data', path: absolute, rawPath, missingValues, delimiter,
      onBadRows: (opts.values.on_bad_rows as 'error' | 'skip' | undefined) ?? 'error', ignore,
      columns: [...this.scope.columns.values()].map((c) => ({ name: c.name, type: c.kind, levels: c.kind === 'category' || c.kind === 'boolean' || c.kind === 'integer' ? c.levels : undefined, declared: !!c.declaration, ...(c.fixedLevels ? { fixedLevels: true } : {}) })),
      span: d.span,
    };
  }

  private reportSchemaError(schema: SourceSchema, span: A.Span, rawPath: string): void {
    if (schema.ok) return;
    const reason = schema.error.reason;
    if (schema.notFound) this.reporter.report('SourceNotFound', span, { path: rawPath }, { hint: `Paths are relative to the .mlp file's folder; looked for ${schema.path}.` });
    else if (/header/.test(reason) && /empty/.test(reason)) this.reporter.report('EmptyHeader', span, { path: rawPath, where: schema.error.column ? ` (column ${schema.error.column})` : '' });
    else if (/duplicate/i.test(reason)) this.reporter.report('DuplicateHeader', span, { path: rawPath, name: schema.error.column ?? /'([^']*)'/.exec(reason)?.[1] ?? '?' });
    else this.reporter.report('SourceUnreadable', span, { path: rawPath, reason: schema.error.message.replace(schema.path + ':', '').trim() });
  }

  private columnType(e: A.Expr): { kind: ValueKind; levels?: string[] } | undefined {
    const name = e.kind === 'Ref' ? e.name : e.kind === 'Call' ? e.callee : undefined;
    if (!name) {
      if (e.kind !== 'Missing') this.reporter.report('InvalidExpression', e.span, { what: 'This', expected: 'a column type is one of numeric, integer, boolean, category, text, date' });
      return undefined;
    }
    const entry = catalog.fn(name.text, 'type');
    if (!entry) {
      this.reporter.report('UnknownFunction', name.span, { what: 'column type', name: name.text }, { hint: didYouMean(name.text, catalog.functionNames('type')) });
      return undefined;
    }
    let levels: string[] | undefined;
    if (e.kind === 'Call') {
      const { args } = resolveArgs(entry, e.args, e.span, this.reporter);
      levels = args.get('levels')?.value as string[] | undefined;
    }
    return { kind: entry.name as ValueKind, levels };
  }

  // ---------------------------------------------------------------- settings blocks

  /** Checks `key = value` settings against a block's schema. */
  private settings(specs: readonly ParamSpec[], settings: readonly A.Setting[], block: string): { values: Record<string, Value>; exprs: Record<string, A.Expr> } {
    const values: Record<string, Value> = {};
    const exprs: Record<string, A.Expr> = {};
    for (const s of settings) {
      const spec = specs.find((p) => p.name === s.key.text);
      if (!spec) {
        this.reporter.report('UnknownSetting', s.key.span, { block, name: s.key.text }, { hint: didYouMean(s.key.text, specs.map((p) => p.name)) });
        continue;
      }
      if (s.key.text in exprs) { this.reporter.report('DuplicateArgument', s.key.span, { name: s.key.text }); continue; }
      exprs[s.key.text] = s.value;
      const v = checkValue(spec, s.value, this.reporter);
      if (v !== undefined) values[s.key.text] = v;
    }
    return { values, exprs };
  }

  /** Resolves a column reference (a Ref); undefined (and a diagnostic) if unknown. */
  private column(e: A.Expr | undefined): ColumnInfo | undefined {
    if (!e || e.kind !== 'Ref') return undefined;
    const c = this.scope.columns.get(e.name.text);
    if (c) {
      this.scope.references.push({ name: e.name, kind: 'column', target: c.name });
      return c;
    }
    if (this.scope.columnsKnown) this.reporter.report('UnknownColumn', e.name.span, { name: e.name.text, source: `\`${this.scope.sourceName ?? 'the data'}\`` }, { hint: didYouMean(e.name.text, this.scope.columns.keys()) });
    return undefined;
  }

  private columnList(e: A.Expr | undefined): string[] | undefined {
    if (!e) return undefined;
    const items = e.kind === 'List' ? e.items : [e];
    return items.flatMap((i) => (this.column(i) ? [(i as A.Ref).name.text] : []));
  }

  private columnNames(names: readonly A.Name[]): string[] {
    return names.flatMap((n) => (this.column({ kind: 'Ref', name: n, span: n.span }) ? [n.text] : this.scope.columnsKnown ? [] : [n.text]));
  }

  // ---------------------------------------------------------------- problem

  private problem(d: Extract<A.Decl, { kind: 'Problem' }> | undefined): IR.ProblemIR | undefined {
    if (!d) {
      this.reporter.report('MissingProblem', { start: 0, end: 0 });
      return undefined;
    }
    const taskName = d.task?.text;
    if (taskName !== 'classification' && taskName !== 'regression') {
      if (d.task) this.reporter.report('UnknownTask', d.task.span, { name: d.task.text }, { hint: didYouMean(d.task.text, ['classification', 'regression']) });
    } else this.task = taskName;
    const block = catalog.block('problem')!;
    const { values, exprs } = this.settings(block.settings, d.settings, 'problem');
    if (!exprs.target) {
      this.reporter.report('MissingTarget', d.keywordSpan, {}, { fix: { span: { start: d.span.end - 1, end: d.span.end - 1 }, text: '  target = ?\n', title: 'Add a target' } });
      return undefined;
    }
    const target = this.column(exprs.target);
    const metricName = values.metric as string | undefined;
    let metric = metricName ?? catalog.defaultMetric(this.task);
    if (metricName && !catalog.metric(metricName)) {
      this.reporter.report('UnknownMetric', exprs.metric.span, { name: metricName }, { hint: didYouMean(metricName, catalog.metrics.map((m) => m.name)) });
      metric = catalog.defaultMetric(this.task);
    }
    const positive = exprs.positive ? literal(exprs.positive) : undefined;
    if (!target && this.scope.columnsKnown) return undefined;
    return {
      task: this.task,
      target: target?.name ?? (exprs.target.kind === 'Ref' ? exprs.target.name.text : '?'),
      positive: positive === undefined || positive === null ? undefined : String(positive),
      metric,
      classWeight: (values.class_weight as 'none' | 'balanced' | undefined) ?? 'none',
      span: d.span,
    };
  }

  // ---------------------------------------------------------------- prepare

  private prepare(d: Extract<A.Decl, { kind: 'Prepare' }> | undefined): IR.PrepStepIR[] {
    if (!d) return [];
    const steps: IR.PrepStepIR[] = [];
    for (const s of d.steps) {
      const phase = this.phase(s.phase, s.kind === 'Impute' || s.kind === 'Clip' || s.kind === 'DropColumns' ? 'always' : 'training');
      switch (s.kind) {
        case 'DropRows': {
          const where = this.lowering.predicate(s.where);
          if (where) steps.push({ kind: 'drop_rows', where, phase, span: s.span });
          break;
        }
        case 'DropDuplicates': steps.push({ kind: 'drop_duplicates', phase, span: s.span }); break;
        case 'DropColumns': steps.push({ kind: 'drop_columns', columns: this.columnNames(s.columns), phase, span: s.span }); break;
        case 'Impute': {
          const method = this.method(s.strategy, 'imputer', 'imputation strategy');
          const columns = this.columnNames(s.columns);
          if (method && (method.name === 'mean' || method.name === 'median')) this.requireNumeric(s.columns, method.name);
          if (method) steps.push({ kind: 'impute', columns, method, phase, span: s.span });
          break;
        }
        case 'Clip': case 'DropOutliers': {
          const method = this.method(s.kind === 'Clip' ? s.method : s.method, 'outlier', 'outlier method');
          const columns = this.columnNames(s.columns);
          if (method) this.requireNumeric(s.columns, method.name);
          if (method) steps.push({ kind: s.kind === 'Clip' ? 'clip' : 'drop_outliers', columns, method, phase, span: s.span });
          break;
        }
      }
    }
    return steps;
  }

  private requireNumeric(names: readonly A.Name[], what: string): void {
    for (const n of names) {
      const c = this.scope.columns.get(n.text);
      if (c && !['numeric', 'integer', 'boolean'].includes(c.kind)) this.reporter.report('TypeMismatch', n.span, { callee: what, expected: 'a numeric', name: n.text, actual: `a ${c.kind}` });
    }
  }

  private phase(p: A.Phase | undefined, fallback: IR.Phase): IR.Phase {
    if (!p) return fallback;
    const words = p.names.map((n) => n.text);
    for (const n of p.names) if (n.text !== 'training' && n.text !== 'prediction') this.reporter.report('InvalidPhase', n.span, { value: n.text }, { hint: didYouMean(n.text, ['training', 'prediction']) });
    return words.includes('prediction') ? 'always' : 'training';
  }

  /** A built-in method such as `median`, `constant(0)` or `iqr(1.5)`. */
  private method(e: A.Expr, role: 'imputer' | 'outlier', what: string): IR.MethodIR | undefined {
    const name = e.kind === 'Ref' ? e.name : e.kind === 'Call' ? e.callee : undefined;
    if (!name) {
      if (e.kind !== 'Missing') this.reporter.report('InvalidExpression', e.span, { what: 'This', expected: `write an ${what} such as ${catalog.functionNames(role).map((n) => `\`${n}\``).join(', ')}` });
      return undefined;
    }
    const entry = catalog.fn(name.text, role);
    if (!entry) {
      this.reporter.report('UnknownFunction', name.span, { what, name: name.text }, { hint: didYouMean(name.text, catalog.functionNames(role)) });
      return undefined;
    }
    const { args } = resolveArgs(entry, e.kind === 'Call' ? e.args : [], e.span, this.reporter);
    return { name: entry.name, params: plainParams(entry.params, args) };
  }

  // ---------------------------------------------------------------- features

  private features(d: Extract<A.Decl, { kind: 'Features' }> | undefined): IR.FeatureIR[] {
    if (!d) return [];
    for (const f of d.features) {
      const prev = this.scope.features.get(f.name.text);
      if (prev) { this.reporter.report('DuplicateName', f.name.span, { name: f.name.text, line: this.line(prev.decl.name.span.start) }); continue; }
      this.scope.features.set(f.name.text, { name: f.name.text, decl: f });
      this.scope.references.push({ name: f.name, kind: 'feature', target: f.name.text });
    }
    const out: IR.FeatureIR[] = [];
    for (const info of this.scope.features.values()) {
      const t = this.lowerFeature(info.name);
      if (!t || t.kind === 'error') continue;
      if (t.kind === 'category' || t.kind === 'text' || t.kind === 'date') {
        const hint = t.kind === 'text' ? 'use `tfidf(…)`, `bow(…)` or `length`' : t.kind === 'date' ? 'use `date_parts(…)`' : 'use `onehot(…)` or `ordinal(…)`';
        this.reporter.report('FeatureNeedsEncoding', info.decl.value.span, { name: info.name, kind: t.kind, hint });
        continue;
      }
      const ir: IR.FeatureIR = { name: info.name, expr: t.ir, output: t.kind === 'sparse' ? 'sparse' : 'numeric', columns: [...t.columns].sort(), doc: info.decl.doc, span: info.decl.span };
      info.ir = ir;
      out.push(ir);
    }
    return out;
  }

  private lowerFeature(name: string): Typed | undefined {
    if (this.featureCache.has(name)) return this.featureCache.get(name);
    const info = this.scope.features.get(name);
    if (!info) return undefined;
    this.featureCache.set(name, undefined); // cycle guard
    const t = this.lowering.expr(info.decl.value);
    this.featureCache.set(name, t);
    return t;
  }

  private selects(d: Extract<A.Decl, { kind: 'Features' }> | undefined): IR.SelectIR[] {
    return (d?.selects ?? []).flatMap((e) => {
      const name = e.kind === 'Ref' ? e.name : e.kind === 'Call' ? e.callee : undefined;
      const entry = name && catalog.fn(name.text, 'selector');
      if (!name || !entry) {
        if (name) this.reporter.report('UnknownFunction', name.span, { what: 'feature selector', name: name.text }, { hint: didYouMean(name.text, catalog.functionNames('selector')) });
        return [];
      }
      const { args } = resolveArgs(entry, e.kind === 'Call' ? e.args : [], e.span, this.reporter);
      return [{ name: entry.name, params: plainParams(entry.params, args), span: e.span }];
    });
  }

  // ---------------------------------------------------------------- split and validation

  private split(d: Extract<A.Decl, { kind: 'Split' }> | undefined, problem: IR.ProblemIR | undefined): IR.SplitIR {
    const block = catalog.block('split')!;
    const { values, exprs } = this.settings(block.settings, d?.settings ?? [], 'split');
    let stratify: string | undefined;
    if (exprs.stratify) {
      if (exprs.stratify.kind === 'Bool') stratify = exprs.stratify.value ? problem?.target : undefined;
      else stratify = this.column(exprs.stratify)?.name;
      if (stratify) this.requireCategorical(stratify, exprs.stratify.span);
    } else if (problem?.task === 'classification' && !exprs.by) stratify = problem.target;
    const by = exprs.by ? this.column(exprs.by)?.name : undefined;
    return { test: (values.test as number | undefined) ?? 0.2, stratify, by, shuffle: (values.shuffle as boolean | undefined) ?? true, seed: (values.seed as number | undefined) ?? 42, span: d?.span };
  }

  /** Stratification keeps class shares, so the column must hold classes. */
  private requireCategorical(name: string, span: A.Span): void {
    const c = this.scope.columns.get(name);
    if (c && (c.kind === 'numeric' || c.kind === 'text' || c.kind === 'date')) this.reporter.report('StratifyRegression', span, { name, actual: `a ${c.kind} column` });
  }

  private validation(d: Extract<A.Decl, { kind: 'Validate' }> | undefined, problem: IR.ProblemIR | undefined): IR.ValidationIR {
    const fallback: IR.ValidationIR = { method: problem?.task === 'classification' ? 'stratified_kfold' : 'kfold', k: 5, repeats: 1 };
    if (!d) return fallback;
    const e = d.method;
    const name = e.kind === 'Ref' ? e.name : e.kind === 'Call' ? e.callee : undefined;
    const entry = name && catalog.fn(name.text, 'validation');
    if (!name || !entry) {
      if (name) this.reporter.report('UnknownFunction', name.span, { what: 'validation method', name: name.text }, { hint: didYouMean(name.text, catalog.functionNames('validation')) });
      else if (e.kind !== 'Missing') this.reporter.report('InvalidExpression', e.span, { what: 'This', expected: 'write a validation method such as `kfold(5)`' });
      return fallback;
    }
    const { args } = resolveArgs(entry, e.kind === 'Call' ? e.args : [], e.span, this.reporter);
    const p = plainParams(entry.params, args);
    const groupsExpr = args.get('groups')?.expr, byExpr = args.get('by')?.expr;
    if (entry.name === 'stratified_kfold' && problem?.task === 'regression') this.reporter.report('StratifyRegression', e.span, { name: problem.target, actual: 'a regression target' });
    return {
      method: entry.name as IR.ValidationIR['method'],
      k: (p.k as number | undefined) ?? 5,
      repeats: (p.repeats as number | undefined) ?? 1,
      fraction: p.fraction as number | undefined,
      groups: groupsExpr ? this.column(groupsExpr)?.name : undefined,
      by: byExpr ? this.column(byExpr)?.name : undefined,
      span: d.span,
    };
  }

  // ---------------------------------------------------------------- models and search

  private search(d: Extract<A.Decl, { kind: 'Search' }> | undefined): IR.SearchIR {
    const block = catalog.block('search')!;
    const { values } = this.settings(block.settings, d?.settings ?? [], 'search');
    let strategy: IR.SearchIR['strategy'] = 'grid';
    if (d?.strategy) {
      const s = d.strategy.text;
      if (s === 'grid' || s === 'random' || s === 'halving') strategy = s;
      else this.reporter.report('UnknownValue', d.strategy.span, { value: s, what: 'search strategy', expected: '`grid`, `random`, `halving`' }, { hint: didYouMean(s, ['grid', 'random', 'halving']) });
    }
    return { strategy, trials: (values.trials as number | undefined) ?? 20, timeSeconds: values.time as number | undefined, maxFits: (values.max_fits as number | undefined) ?? 500, factor: (values.factor as number | undefined) ?? 3, seed: (values.seed as number | undefined) ?? 42 };
  }

  private models(d: Extract<A.Decl, { kind: 'Models' }> | undefined, features: IR.FeatureIR[], strategy: IR.SearchIR['strategy']): IR.ModelIR[] {
    if (!d) return [];
    const out: IR.ModelIR[] = [];
    const lowered = new Set(features.map((f) => f.name));
    for (const m of d.models) {
      const prev = this.scope.models.get(m.name.text);
      if (prev) { this.reporter.report('DuplicateName', m.name.span, { name: m.name.text, line: this.line(prev.decl.name.span.start) }); continue; }
      this.scope.models.set(m.name.text, { name: m.name.text, decl: m });
      this.scope.references.push({ name: m.name, kind: 'model', target: m.name.text });
      const callee = m.value.kind === 'Call' ? m.value.callee : m.value.kind === 'Ref' ? m.value.name : undefined;
      if (!callee) {
        if (m.value.kind !== 'Missing') this.reporter.report('InvalidExpression', m.value.span, { what: 'This', expected: 'a model candidate is a model call such as `ridge(alpha: 1.0)`' });
        continue;
      }
      const entry = catalog.model(callee.text);
      if (!entry) {
        const what = catalog.transform(callee.text) ? ' (a transform; transforms go in the `features` block)' : '';
        this.reporter.report('UnknownModel', callee.span, { name: callee.text + what }, { hint: didYouMean(callee.text, catalog.models.map((x) => x.name)) });
        continue;
      }
      this.scope.models.get(m.name.text)!.model = entry.name;
      if (!entry.tasks.includes(this.task)) this.reporter.report('ModelTaskMismatch', callee.span, { model: entry.name, task: this.task, tasks: entry.tasks.join(' and ') });
      const { args } = resolveArgs(entry, m.value.kind === 'Call' ? m.value.args : [], m.value.span, this.reporter, { searchable: true, strategy });
      for (const [name, a] of args) {
        if (a.space?.kind === 'values' && a.space.values.length === 0) this.reporter.report('EmptySearchSpace', a.expr.span, { model: m.name.text, param: name });
      }
      const params = completeParams(entry.params, args, this.task);
      const conditions: IR.ModelIR['conditions'] = {};
      for (const spec of entry.params) {
        if (!spec.appliesWhen) continue;
        conditions[spec.name] = spec.appliesWhen;
        const given = args.get(spec.name);
        const controller = params[spec.appliesWhen.param];
        if (given && controller?.kind === 'values' && !controller.values.some((v) => spec.appliesWhen!.values.includes(String(v)))) {
          this.reporter.report('ParameterNotApplicable', given.expr.span, { param: spec.name, when: spec.appliesWhen.param, values: spec.appliesWhen.values.map((v) => `\`${v}\``).join(' or ') });
        }
      }
      const using: string[] = m.using ? [] : [...lowered];
      if (m.using) {
        for (const n of m.using) {
          if (this.scope.features.has(n.text)) {
            this.scope.references.push({ name: n, kind: 'feature', target: n.text });
            if (lowered.has(n.text)) using.push(n.text);
          } else this.reporter.report('UnknownFeature', n.span, { name: n.text }, { hint: didYouMean(n.text, this.scope.features.keys()) });
        }
      }
      const paramSpans: Record<string, A.Span> = {};
      for (const [name, a] of args) paramSpans[name] = a.expr.span;
      out.push({ name: m.name.text, model: entry.name, params, conditions, using, doc: m.doc, span: m.span, paramSpans });
    }
    return out;
  }

  // ---------------------------------------------------------------- outputs

  private report(d: Extract<A.Decl, { kind: 'Report' }> | undefined, problem: IR.ProblemIR | undefined): string[] {
    if (!d) return problem ? [problem.metric] : [];
    const out: string[] = [];
    for (const item of d.items) {
      if (item.kind !== 'Ref') {
        if (item.kind !== 'Missing') this.reporter.report('InvalidExpression', item.span, { what: 'This', expected: 'list metric names, e.g. `report accuracy, f1`' });
        continue;
      }
      const entry = catalog.metric(item.name.text);
      if (!entry) {
        this.reporter.report('UnknownMetric', item.name.span, { name: item.name.text }, { hint: didYouMean(item.name.text, catalog.metrics.map((m) => m.name)) });
        continue;
      }
      out.push(entry.name);
    }
    return out;
  }

  private outputs(d: Extract<A.Decl, { kind: 'Export' }> | undefined): IR.OutputsIR {
    if (!d) return {};
    const base = this.options.file ? path.dirname(this.options.file) : process.cwd();
    const raw = d.path.kind === 'String' ? d.path.value : undefined;
    if (!raw && d.path.kind !== 'Missing') this.reporter.report('WrongValueType', d.path.span, { param: 'export', expected: 'a file path string', actual: 'something else' });
    const { values } = this.settings(catalog.block('export')!.settings, d.settings, 'export');
    const reportDir = values.report as string | undefined;
    return { model: raw ? path.resolve(base, raw) : undefined, rawModel: raw, reportDir: reportDir ? path.resolve(base, reportDir) : undefined };
  }

  private stages(ds: Extract<A.Decl, { kind: 'Stage' }>[]): IR.PipelineIR['stages'] {
    const out: IR.PipelineIR['stages'] = {};
    for (const d of ds) {
      const block = catalog.block(d.stage)!;
      const { values, exprs } = this.settings(block.settings, d.settings, d.stage);
      if (exprs.columns) this.columnList(exprs.columns);
      out[d.stage] = { ...plainParams(block.settings, new Map()), ...values };
    }
    return out;
  }

  /** 1-based line of an offset, for messages that point at an earlier declaration. */
  private line(offset: number): number {
    return this.lines.position1(offset).line;
  }
}

/** Checks a parsed file against the catalog and its data, and lowers it to the IR. */
export function check(file: A.File, lines: LineMap, reporter: Reporter, options: CheckOptions): CheckResult {
  return new Checker(file, lines, reporter, options).run();
}
