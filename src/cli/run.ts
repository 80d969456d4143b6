/** `mlp run`: check the file, run the pipeline, print the leaderboard and test metrics. */
import { CsvError } from '../runtime/data/csv.ts';
import { removePendingWrites } from '../runtime/atomic.ts';
import { runPipeline, RunError } from '../interpret/run.ts';
import { checkedPipeline } from './check.ts';
import { parseArgs } from './args.ts';
import type { CliIO } from './io.ts';
import { progressPrinter } from './progress.ts';
import { renderReport } from './report.ts';

export { renderReport };

export async function runRun(argv: string[], io: CliIO): Promise<number> {
  const { positional, flags, error } = parseArgs(argv, { seed: 'string', out: 'string', threads: 'string', json: 'boolean', quiet: 'boolean', splits: 'boolean' });
  if (error || positional.length !== 1) { io.stderr(`mlp run: ${error ?? 'give one .mlp file'}\n`); return 2; }
  const seed = flags.seed === undefined ? undefined : Number(flags.seed);
  const threads = flags.threads === undefined ? undefined : Number(flags.threads);
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 1)) { io.stderr('mlp run: --threads must be a positive integer\n'); return 2; }
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0)) { io.stderr('mlp run: --seed must be a non-negative integer\n'); return 2; }
  const file = positional[0];
  const a = checkedPipeline(file, io, 'nothing was run', !flags.quiet);
  if (!a) return 1;
  let stop = false;
  const onSigint = () => { stop = true; removePendingWrites(); io.stderr('\nmlp run: interrupted; stopping after the current fit (nothing half-written is left)\n'); };
  process.once('SIGINT', onSigint);
  const progress = progressPrinter(io);
  try {
    const report = await runPipeline(a.ir, {
      seed, threads, out: flags.out as string | undefined, text: a.text, exportSplits: !!flags.splits,
      onProgress: flags.quiet ? undefined : progress.update,
      onNote: (m) => io.stderr(`note: ${m}\n`),
      shouldStop: () => stop,
    });
    progress.finish();
    if (flags.json) io.stdout(JSON.stringify(report, null, 2) + '\n');
    else if (!flags.quiet) io.stdout(renderReport(report));
    return 0;
  } catch (err) {
    progress.finish();
    if (err instanceof CsvError || err instanceof RunError) {
      io.stderr(`mlp run: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

