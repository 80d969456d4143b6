/** `mlp predict model.json data.csv [-o predictions.csv]` */
import { CsvError } from '../runtime/data/csv.ts';
import { writeFileAtomic } from '../runtime/atomic.ts';
import { ArtifactError, readArtifact } from '../interpret/artifact.ts';
import { predictFile, toCsv } from '../interpret/predict.ts';
import { FeatureError } from '../runtime/features/contract.ts';
import { parseArgs } from './args.ts';
import type { CliIO } from './io.ts';

export async function runPredict(argv: string[], io: CliIO): Promise<number> {
  const { positional, flags, error } = parseArgs(argv, { out: 'string' });
  if (error || positional.length !== 2) { io.stderr(`mlp predict: ${error ?? 'usage: mlp predict <model.json> <data.csv> [-o predictions.csv]'}\n`); return 2; }
  const [modelFile, csvFile] = positional;
  try {
    const artifact = readArtifact(modelFile);
    const table = await predictFile(artifact, csvFile);
    const csv = toCsv(table);
    const filtered = table.filtered ? ` (${table.filtered} rows filtered by the pipeline got none)` : '';
    if (flags.out) {
      writeFileAtomic(flags.out as string, csv);
      io.stderr(`wrote ${table.rows.length} predictions to ${flags.out}${filtered}\n`);
    } else {
      io.stdout(csv);
      if (filtered) io.stderr(`mlp predict: ${table.rows.length} predictions${filtered}\n`);
    }
    return 0;
  } catch (err) {
    if (err instanceof ArtifactError || err instanceof CsvError || err instanceof FeatureError || (err as Error)?.name === 'PrepareError') {
      io.stderr(`mlp predict: ${(err as Error).message}\n`);
      return 1;
    }
    throw err;
  }
}
