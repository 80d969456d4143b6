/**
 * The model artifact: a versioned JSON document with everything needed to
 * predict — input schema, fitted preparation and feature statistics, the
 * model's parameters and fitted state — plus metrics, the seed and
 * fingerprints of the data and the .mlp file. Loading one never executes
 * anything from it: it is parsed as JSON and checked field by field.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { ParamValue } from '../catalog/types.ts';
import type { ColumnProfile, DriftMethod } from '../runtime/monitor/drift.ts';
import type { ColumnIR, FeatureIR, PrepStepIR, ProblemIR } from '../semantics/ir.ts';
import type { FeatureState } from './featurize.ts';
import type { PrepState } from './prepare.ts';

export const ARTIFACT_FORMAT = 'mlp-model';
export const ARTIFACT_VERSION = 1;

export interface Artifact {
  format: typeof ARTIFACT_FORMAT;
  version: number;
  pipeline: string;
  createdAt: string;
  seed: number;
  problem: Omit<ProblemIR, 'span'>;
  classes: string[];
  /** columns a prediction input must have, with their types */
  inputs: ColumnIR[];
  /** the data's missing-value markers (absent in older artifacts: the defaults) */
  missingValues?: string[];
  /** the source's field separator (absent: a comma) */
  delimiter?: string;
  prepare: { steps: Omit<PrepStepIR, 'span'>[]; state: PrepState };
  features: { definitions: Omit<FeatureIR, 'span'>[]; using: string[]; state: FeatureState };
  model: { candidate: string; family: string; kernel: string; params: Record<string, ParamValue>; fitParams: Record<string, ParamValue>; state: unknown };
  metrics: { test: Record<string, number>; cv: { metric: string; mean: number; std: number } };
  fingerprints: { data: string; pipeline: string };
  /** each input column over the training rows, as `mlp monitor` compares new data with (absent in older artifacts) */
  profile?: Record<string, ColumnProfile>;
  /** the `monitor` block's settings (absent without a block: the catalog's defaults apply) */
  monitor?: MonitorPolicy;
}

export interface MonitorPolicy {
  drift: DriftMethod;
  threshold: number;
  retrain: 'never' | 'on_drift' | 'always';
  min_rows: number;
}

/** sha256 of a file's bytes (streamed in chunks). */
export function fileFingerprint(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    let n: number;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return 'sha256:' + hash.digest('hex');
}

export const textFingerprint = (text: string): string => 'sha256:' + createHash('sha256').update(text).digest('hex');

/** Drops spans (source positions) so the artifact depends on meaning, not layout. */
export function withoutSpans<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (k, v) => (k === 'span' || k === 'paramSpans' ? undefined : v)));
}

export class ArtifactError extends Error {
  override name = 'ArtifactError';
}

/** Reads and validates an artifact; never evaluates anything in it. */
export function readArtifact(file: string): Artifact {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ArtifactError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  let a: Artifact;
  try {
    a = JSON.parse(text);
  } catch (err) {
    throw new ArtifactError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  if (!a || typeof a !== 'object' || a.format !== ARTIFACT_FORMAT) throw new ArtifactError(`${file} is not an mlp model artifact (format should be "${ARTIFACT_FORMAT}")`);
  if (a.version !== ARTIFACT_VERSION) throw new ArtifactError(`${file} has artifact version ${a.version}; this mlp reads version ${ARTIFACT_VERSION}`);
  if (a.delimiter !== undefined && (typeof a.delimiter !== 'string' || a.delimiter.length !== 1)) throw new ArtifactError(`${file} has an invalid "delimiter"`);
  if (a.missingValues !== undefined && !(Array.isArray(a.missingValues) && a.missingValues.every((m) => typeof m === 'string'))) throw new ArtifactError(`${file} has invalid "missingValues"`);
  for (const key of ['problem', 'inputs', 'prepare', 'features', 'model'] as const) {
    if (!a[key] || typeof a[key] !== 'object') throw new ArtifactError(`${file} is missing "${key}"`);
  }
  return a;
}
