/** `mlp <command>`: dispatch, help and exit codes. Commands load lazily so `mlp check` stays fast. */
import { processIO, type CliIO } from './io.ts';

const HELP = `mlp — declarative machine-learning pipelines

Usage: mlp <command> [options]

Commands:
  check <file.mlp...>        check files; every problem at once, with codes and hints
      --format text|json     machine-readable diagnostics for CI (default text)
  fmt <file.mlp...>          rewrite files in the canonical layout
      --check                list files that are not formatted; exit 1 if any
      --stdout               print the formatted text instead of writing
  ir <file.mlp>              print the typed IR as stable text
  plan <file.mlp>            explain the optimized search plan before running it
      --format text|json
  explore <file.mlp>         the data at a glance: column summaries, target balance,
                             correlations, histograms (the pipeline's explore block)
      --json                 the summaries as JSON
  run <file.mlp>             load, prepare, search, evaluate and save the model
      --seed N               root seed (default: the file's split seed)
      --out DIR              write the artifact and report here
      --threads N            worker threads (default: all cores)
      --json                 print the run report as JSON on stdout
      --splits               include the train/test/fold data rows in the report
      --quiet                no progress, no leaderboard
  compile <file.mlp>         write one standalone TypeScript program that runs the pipeline
      -o, --out FILE         where (default: beside the .mlp file, .ts)
      --stdout               print the program instead of writing it
  predict <model.json> <data.csv>
      -o, --out FILE         write predictions here (default: stdout)
  monitor <model.json> <new.csv>
                             drift of new data against the training data, per column,
                             and whether to retrain (the pipeline's monitor block)
      --drift psi|ks         statistic (default: the monitor block's, else psi)
      --threshold X          drift above X flags a column (default: 0.2)
      --json                 the report as JSON
  lsp --stdio                start the language server (for editors)
  help                       show this help

Exit codes: 0 success, 1 errors in the input, 2 wrong usage,
3 (mlp monitor) retraining recommended.
Docs: docs/language.md, docs/diagnostics.md, docs/cli.md
`;

type Command = (argv: string[], io: CliIO) => number | Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./check.ts')).runCheck,
  ir: async () => (await import('./check.ts')).runIr,
  plan: async () => (await import('./plan.ts')).runPlan,
  explore: async () => (await import('./explore.ts')).runExplore,
  fmt: async () => (await import('./fmt.ts')).runFmt,
  run: async () => (await import('./run.ts')).runRun,
  predict: async () => (await import('./predict.ts')).runPredict,
  monitor: async () => (await import('./monitor.ts')).runMonitor,
  compile: async () => (await import('./compile.ts')).runCompile,
  lsp: async () => (await import('../lsp/server.ts')).runLsp,
};

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.stdout(HELP);
    return command ? 0 : 2;
  }
  if (command === '--version') { io.stdout('mlp 0.1.0\n'); return 0; }
  const load = commands[command];
  if (!load) {
    io.stderr(`mlp: unknown command '${command}'. Run 'mlp help' for the list.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) { io.stdout(HELP); return 0; }
  try {
    return await (await load())(rest, io);
  } catch (err) {
    io.stderr(`mlp ${command}: internal error: ${(err as Error)?.stack ?? err}\nThis is a bug in mlp; please report it with the file that caused it.\n`);
    return 70;
  }
}
