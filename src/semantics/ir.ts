/**
 * The typed IR: names resolved, types known, search spaces expanded, every
 * node keeping the span of the source it came from. Both back ends (the
 * interpreter and the code generator) and the optimizer consume it.
 */
import type { Span } from '../syntax/ast.ts';
import type { ParamValue, Task, ValueKind } from '../catalog/types.ts';

export interface SourceIR {
  name: string;
  /** absolute path */
  path: string;
  /** as written in the file */
  rawPath: string;
  missingValues: string[];
  onBadRows: 'error' | 'skip';
  delimiter: string;
  ignore: string[];
  columns: ColumnIR[];
  span: Span;
}

export interface ColumnIR {
  name: string;
  type: ValueKind;
  /** category levels seen in the sample (or declared) */
  levels?: string[];
  /** the type was written in the data block */
  declared: boolean;
  /** the levels were written in the data block (`category(levels: …)`): other values are errors */
  fixedLevels?: boolean;
}

export interface ProblemIR {
  task: Task;
  target: string;
  positive?: string;
  metric: string;
  classWeight: 'none' | 'balanced';
  span: Span;
}

export type PrepStepIR =
  | { kind: 'drop_rows'; where: PredicateIR; phase: Phase; span: Span }
  | { kind: 'drop_duplicates'; phase: Phase; span: Span }
  | { kind: 'drop_outliers'; columns: string[]; method: MethodIR; phase: Phase; span: Span }
  | { kind: 'drop_columns'; columns: string[]; phase: Phase; span: Span }
  | { kind: 'impute'; columns: string[]; method: MethodIR; phase: Phase; span: Span }
  | { kind: 'clip'; columns: string[]; method: MethodIR; phase: Phase; span: Span };

/** 'training': only while fitting; 'always': also when predicting (statistics still learned in training). */
export type Phase = 'training' | 'always';

/** A built-in function call with its parameters resolved (iqr(1.5) → {name: 'iqr', params: {factor: 1.5}}). */
export interface MethodIR {
  name: string;
  params: Record<string, ParamValue | string[]>;
}

export type PredicateIR =
  | { op: 'and' | 'or'; left: PredicateIR; right: PredicateIR }
  | { op: 'not'; operand: PredicateIR }
  | { op: 'missing'; column: ValueIR; negated: boolean }
  | { op: 'compare'; cmp: '<' | '<=' | '>' | '>=' | '==' | '!='; left: ValueIR; right: ValueIR }
  | { op: 'in'; value: ValueIR; set: (string | number)[] };

export type ValueIR =
  | { op: 'column'; name: string }
  | { op: 'const'; value: number | string | boolean | null }
  | { op: 'arith'; operator: '+' | '-' | '*' | '/' | '^'; left: ValueIR; right: ValueIR }
  | { op: 'neg'; operand: ValueIR };

/** A feature's computation: a tree of columns, transforms and arithmetic. */
export type FeatureExprIR =
  | { op: 'column'; name: string; type: ValueKind }
  | { op: 'feature'; name: string }
  | { op: 'const'; value: number }
  | { op: 'transform'; name: string; params: Record<string, ParamValue | string[]>; inputs: FeatureExprIR[] }
  | { op: 'arith'; operator: '+' | '-' | '*' | '/' | '^'; left: FeatureExprIR; right: FeatureExprIR }
  | { op: 'neg'; operand: FeatureExprIR };

export interface FeatureIR {
  name: string;
  expr: FeatureExprIR;
  /** 'numeric': one or more dense columns; 'sparse': a text matrix; 'category': needs encoding (left raw) */
  output: 'numeric' | 'sparse' | 'category';
  /** source columns this feature reads */
  columns: string[];
  doc?: string;
  span: Span;
}

export interface SelectIR {
  name: string;
  params: Record<string, ParamValue | string[]>;
  span: Span;
}

export interface SplitIR {
  test: number;
  stratify?: string;
  by?: string;
  shuffle: boolean;
  seed: number;
  span?: Span;
}

export interface ValidationIR {
  method: 'holdout' | 'kfold' | 'stratified_kfold' | 'repeated_kfold' | 'group_kfold' | 'time_split';
  k: number;
  repeats: number;
  fraction?: number;
  groups?: string;
  by?: string;
  span?: Span;
}

/** One parameter's search space. */
export type SpaceIR =
  | { kind: 'values'; values: ParamValue[] }
  | { kind: 'uniform' | 'loguniform'; low: number; high: number }
  | { kind: 'randint'; low: number; high: number };

export interface ModelIR {
  name: string;
  /** catalog model name */
  model: string;
  /** every catalog parameter: a single value or a space */
  params: Record<string, SpaceIR>;
  /** parameters that apply only for some values of another (gamma for kernel ∈ {rbf, poly, sigmoid}) */
  conditions: Record<string, { param: string; values: readonly string[] }>;
  /** features feeding this model, in declaration order */
  using: string[];
  doc?: string;
  span: Span;
  paramSpans: Record<string, Span>;
}

export interface SearchIR {
  strategy: 'grid' | 'random' | 'halving';
  trials: number;
  timeSeconds?: number;
  maxFits: number;
  factor: number;
  seed: number;
}

export interface OutputsIR {
  /** absolute artifact path */
  model?: string;
  rawModel?: string;
  reportDir?: string;
}

export interface PipelineIR {
  name: string;
  /** absolute path of the .mlp file (or '<input>') */
  file: string;
  source: SourceIR;
  problem: ProblemIR;
  prepare: PrepStepIR[];
  features: FeatureIR[];
  selects: SelectIR[];
  split: SplitIR;
  validation: ValidationIR;
  models: ModelIR[];
  search: SearchIR;
  report: string[];
  outputs: OutputsIR;
  stages: Partial<Record<'explore' | 'serve' | 'monitor', Record<string, ParamValue | string[]>>>;
}
