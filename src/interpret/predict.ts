/**
 * Predictions from a saved artifact: validates the input columns against the
 * artifact's schema, replays the fitted preparation and features, and runs
 * the model kernel. Nothing in the artifact is executed.
 */
import type { ColumnType, Frame } from '../runtime/data/frame.ts';
import { loadFrame } from '../runtime/data/load.ts';
import { readCsvSample, DEFAULT_MISSING } from '../runtime/data/csv.ts';
import { loadKernel } from '../runtime/models/registry.ts';
import type { FeatureIR, PrepStepIR } from '../semantics/ir.ts';
import { ArtifactError, type Artifact } from './artifact.ts';
import { applyFeatures } from './featurize.ts';
import { applyPrepare } from './prepare.ts';

export interface PredictionTable {
  header: string[];
  rows: (string | number)[][];
  /** input rows that got no prediction (filtered by a `during … prediction` step) */
  filtered: number;
}

/** Loads the columns the model reads from a new CSV file, typed as in training; a missing column is an ArtifactError naming it. */
export async function loadInputs(artifact: Artifact, csvPath: string): Promise<Frame> {
  const header = readCsvSample(csvPath, 0, { delimiter: artifact.delimiter }).header;
  for (const c of artifact.inputs) {
    if (!header.includes(c.name)) throw new ArtifactError(`${csvPath} has no column \`${c.name}\`, which the model needs (${c.type}); it has: ${header.join(', ')}`);
  }
  const schema = artifact.inputs.map((c) => ({ name: c.name, type: c.type as ColumnType }));
  return (await loadFrame(csvPath, schema, { missing: artifact.missingValues ?? [...DEFAULT_MISSING], delimiter: artifact.delimiter })).frame;
}

/** Predicts every row of `csvPath` with the artifact's model. Throws ArtifactError / CsvError for user-fixable problems. */
export async function predictFile(artifact: Artifact, csvPath: string): Promise<PredictionTable> {
  const frame = await loadInputs(artifact, csvPath);
  // category codes must follow the levels seen in training
  const steps = artifact.prepare.steps as PrepStepIR[];
  const prepared = applyPrepare(frame, steps, artifact.prepare.state, true);
  const X = applyFeatures(artifact.features.state, prepared.frame, artifact.features.definitions as FeatureIR[], artifact.features.using);
  const kernel = await loadKernel(artifact.model.kernel);
  const pred = kernel.predict(artifact.model.state, X);
  const classification = artifact.problem.task === 'classification';
  const proba = classification && kernel.predictProba && (artifact.model.family !== 'svm' || artifact.model.fitParams.probability) ? kernel.predictProba(artifact.model.state, X) : undefined;
  const k = artifact.classes.length;
  const target = artifact.problem.target;
  const out: PredictionTable = { header: ['row', target, ...(proba ? artifact.classes.map((c) => `p(${c})`) : [])], rows: [], filtered: frame.rows - prepared.kept.length };
  for (let i = 0; i < pred.length; i++) {
    const label = classification ? artifact.classes[pred[i]] ?? String(pred[i]) : pred[i];
    const row: (string | number)[] = [prepared.kept[i] + 1, label];
    if (proba) for (let c = 0; c < k; c++) row.push(Number(proba[i * k + c].toPrecision(6)));
    out.rows.push(row);
  }
  return out;
}

/** RFC 4180 CSV text of a table. */
export function toCsv(t: PredictionTable): string {
  const cell = (v: string | number) => (typeof v === 'number' ? String(v) : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [t.header, ...t.rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
