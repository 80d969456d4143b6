/**
 * The plan: what to fit, on which fold, shared by which candidates, in which
 * order. `optimize` runs the named passes in order, each one Plan → Plan, and
 * records what each changed so `mlp plan` can explain it.
 */
import type { ParamValue } from '../catalog/types.ts';
import type { PipelineIR } from '../semantics/ir.ts';
import type { Candidate } from '../interpret/candidates.ts';

/** A distinct preparation + feature prefix, fitted once per fold and shared by its candidates. */
export interface Prefix {
  id: number;
  /** the features it computes (a model's `using` list) */
  using: string[];
  /** candidate ids sharing it */
  candidates: number[];
}

export interface PassReport {
  name: string;
  /** one line per change */
  notes: string[];
}

export interface Plan {
  ir: PipelineIR;
  seed: number;
  /** source columns that are read (all others are never materialised) */
  columns: string[];
  /** candidates in execution order */
  candidates: Candidate[];
  prefixes: Prefix[];
  folds: number;
  /** estimated relative cost of each candidate's fit (catalog cost × rows × features units) */
  costs: Map<number, number>;
  /** successive-halving rounds, when the search asks for them */
  halving?: { rounds: { candidates: number; rowsFraction: number }[]; factor: number };
  passes: PassReport[];
  /** candidate count before normalisation (the raw grid) */
  rawCandidates: number;
}

export type Pass = (plan: Plan) => Plan;

export type { ParamValue };
