/**
 * `mlp monitor`: compares new data with the training rows a saved model was
 * fitted on, column by column, and applies the pipeline's retraining policy
 * (the `monitor` block). Reads only the artifact and the new file.
 */
import { columnDrift, type DriftMethod } from '../runtime/monitor/drift.ts';
import { ArtifactError, type Artifact, type MonitorPolicy } from './artifact.ts';
import { loadInputs } from './predict.ts';

export interface MonitorReport {
  model: string;
  data: string;
  rows: number;
  policy: MonitorPolicy;
  /** one row per input column that has a drift statistic (text columns have none) */
  columns: { column: string; method: DriftMethod; value: number; drifted: boolean }[];
  drifted: string[];
  /** false when there were fewer new rows than `min_rows` */
  judged: boolean;
  retrain: boolean;
}

export async function monitorFile(artifact: Artifact, modelPath: string, csvPath: string, policy: MonitorPolicy): Promise<MonitorReport> {
  if (!artifact.profile) throw new ArtifactError(`${modelPath} holds no training profile (it was saved by an older mlp); run \`mlp run\` again to save one`);
  const frame = await loadInputs(artifact, csvPath);
  const judged = frame.rows >= policy.min_rows;
  const columns = Object.entries(artifact.profile).flatMap(([name, profile]) => {
    const d = columnDrift(name, profile, frame.columns.get(name)!, policy.drift);
    return d ? [{ ...d, drifted: judged && d.value > policy.threshold }] : [];
  });
  const drifted = columns.filter((c) => c.drifted).map((c) => c.column);
  const retrain = policy.retrain === 'always' || (policy.retrain === 'on_drift' && drifted.length > 0);
  return { model: modelPath, data: csvPath, rows: frame.rows, policy, columns, drifted, judged, retrain };
}
