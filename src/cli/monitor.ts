/** `mlp monitor model.json new.csv`: drift of new data against the training data, and whether to retrain. */
import * as catalog from '../catalog/index.ts';
import { CsvError } from '../runtime/data/csv.ts';
import { ArtifactError, readArtifact, type MonitorPolicy } from '../interpret/artifact.ts';
import { plainParams } from '../semantics/values.ts';
import { monitorFile, type MonitorReport } from '../interpret/monitor.ts';
import { parseArgs } from './args.ts';
import type { CliIO } from './io.ts';

/** Exit code when the policy says to retrain (for schedulers: `mlp monitor … || mlp run …`). */
export const RETRAIN_EXIT = 3;

const USAGE = 'usage: mlp monitor <model.json> <new.csv> [--drift psi|ks] [--threshold X] [--json]';

function table(r: MonitorReport): string {
  const lines = [`${r.rows} new rows of ${r.data} against the training rows of ${r.model}`, `drift: ${r.policy.drift}, threshold ${r.policy.threshold}, retrain ${r.policy.retrain}`, ''];
  const width = Math.max(6, ...r.columns.map((c) => c.column.length));
  lines.push(`  ${'column'.padEnd(width)}  stat  ${'value'.padStart(8)}`);
  for (const c of [...r.columns].sort((a, b) => b.value - a.value)) {
    lines.push(`  ${c.column.padEnd(width)}  ${c.method.padEnd(4)}  ${c.value.toFixed(4).padStart(8)}${c.drifted ? '  drifted' : ''}`);
  }
  lines.push('');
  if (!r.judged) lines.push(`Not judged: ${r.rows} rows is fewer than min_rows = ${r.policy.min_rows}.`);
  else lines.push(r.drifted.length ? `Drift in ${r.drifted.length} column(s): ${r.drifted.join(', ')}.` : 'No column drifted.');
  lines.push(r.retrain ? `Retrain: yes (${r.policy.retrain === 'always' ? 'the policy is `always`' : 'drift found'}); exit code ${RETRAIN_EXIT}.` : 'Retrain: no.');
  return lines.join('\n') + '\n';
}

export async function runMonitor(argv: string[], io: CliIO): Promise<number> {
  const { positional, flags, error } = parseArgs(argv, { drift: 'string', threshold: 'string', json: 'boolean' });
  if (error || positional.length !== 2) { io.stderr(`mlp monitor: ${error ?? USAGE}\n`); return 2; }
  if (flags.drift !== undefined && flags.drift !== 'psi' && flags.drift !== 'ks') { io.stderr(`mlp monitor: --drift must be psi or ks, not '${flags.drift}'\n`); return 2; }
  const threshold = flags.threshold === undefined ? undefined : Number(flags.threshold);
  if (threshold !== undefined && !(threshold > 0)) { io.stderr(`mlp monitor: --threshold must be a number above 0, not '${flags.threshold}'\n`); return 2; }
  const [modelFile, csvFile] = positional;
  try {
    const artifact = readArtifact(modelFile);
    // the catalog's defaults, the pipeline's `monitor` block, then the command line
    const defaults = plainParams(catalog.block('monitor')!.settings, new Map()) as unknown as MonitorPolicy;
    const policy: MonitorPolicy = { ...defaults, ...artifact.monitor, ...(flags.drift ? { drift: flags.drift as MonitorPolicy['drift'] } : {}), ...(threshold !== undefined ? { threshold } : {}) };
    const report = await monitorFile(artifact, modelFile, csvFile, policy);
    io.stdout(flags.json ? JSON.stringify(report, null, 2) + '\n' : table(report));
    return report.retrain ? RETRAIN_EXIT : 0;
  } catch (err) {
    if (err instanceof ArtifactError || err instanceof CsvError) {
      io.stderr(`mlp monitor: ${(err as Error).message}\n`);
      return 1;
    }
    throw err;
  }
}
