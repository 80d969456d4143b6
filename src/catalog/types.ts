/**
 * The shape of the catalog: every model, transform, metric and built-in
 * function the language knows, with its documentation and parameter schema.
 * The checker, the language server, the docs and the runtime all read it.
 */
import type { ParamValue, Task } from '../runtime/models/contract.ts';

export type { ParamValue, Task };

/** Kinds of values a column or feature can hold, as the checker sees them. */
export type ValueKind = 'numeric' | 'integer' | 'boolean' | 'category' | 'text' | 'date';

export interface ParamSpec {
  name: string;
  doc: string;
  type: 'number' | 'integer' | 'boolean' | 'string' | 'enum' | 'integer_list' | 'int_range' | 'duration' | 'column' | 'columns' | 'strings' | 'metric' | 'any';
  /** allowed words for 'enum', or words accepted besides a number (gamma: scale | auto | number) */
  values?: readonly string[];
  min?: number;
  max?: number;
  /** min itself is not allowed */
  minExclusive?: boolean;
  /** max itself is not allowed */
  maxExclusive?: boolean;
  /** null is a meaningful value (e.g. max_depth: null = unlimited) */
  nullable?: boolean;
  /** a positional argument may fill this parameter (in order) */
  positional?: boolean;
  /** must be given */
  required?: boolean;
  default?: ParamValue | string[] | { classification: ParamValue; regression: ParamValue };
  /** only meaningful when another parameter has one of these values */
  appliesWhen?: { param: string; values: readonly string[] };
}

interface EntryBase {
  name: string;
  /** one paragraph, shown in hover and docs */
  doc: string;
  params: readonly ParamSpec[];
  /** an example call, shown in docs and completion */
  example: string;
}

export interface ModelEntry extends EntryBase {
  kind: 'model';
  tasks: readonly Task[];
  probabilities: boolean;
  /** accepts a sparse (text) matrix without densifying */
  sparseInput: boolean;
  /** module under src/runtime/models/ that implements the kernel */
  kernel: string;
  /** relative cost per fit (rows × features units), for the search-size warning and scheduling */
  cost: number;
}

/** Inputs a transform accepts, and what it produces. */
export interface TransformEntry extends EntryBase {
  kind: 'transform';
  inputs: readonly ValueKind[];
  /** 'one': exactly one input column; 'many': applied to each input */
  arity: 'one' | 'many';
  output: 'numeric' | 'sparse' | 'category';
  /** learns statistics from training rows (and so must be fitted inside each fold) */
  learned: boolean;
}

export interface MetricEntry {
  kind: 'metric';
  name: string;
  doc: string;
  tasks: readonly Task[];
  greaterIsBetter: boolean;
  /** binary metrics need a positive class */
  binary: boolean;
  /** needs class probabilities */
  scores: boolean;
  /** can be optimised (confusion cannot) */
  optimizable: boolean;
}

/** Built-in functions used in other places: validation methods, outlier methods, imputers, search spaces, sources. */
export interface FunctionEntry extends EntryBase {
  kind: 'function';
  role: 'source' | 'validation' | 'outlier' | 'imputer' | 'space' | 'type' | 'selector';
}

/** Keys allowed inside a settings block (problem, split, search, data options, export, explore, serve, monitor). */
export interface BlockEntry {
  kind: 'block';
  name: string;
  doc: string;
  settings: readonly ParamSpec[];
}

export type CatalogEntry = ModelEntry | TransformEntry | MetricEntry | FunctionEntry | BlockEntry;
