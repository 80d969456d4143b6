/**
 * `mlp compile`: a checked pipeline → one standalone TypeScript program.
 *
 * The program is (1) a header saying how to install and run it, (2) the
 * imports of Node built-ins and the packages the pipeline's kernels need,
 * (3) the interpreter's own modules (src/interpret, src/runtime) inlined
 * by bundle.ts — only those this pipeline reaches, with a registry of only
 * its model kernels and a catalog of only its entries — and (4) `program`:
 * the pipeline as typed data, one section per .mlp stage citing its lines,
 * and a main() that runs it with runPipeline, exactly like `mlp run`.
 * One implementation, two back ends: the parity tests compare them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as catalog from '../catalog/index.ts';
import { LineMap } from '../diagnostics/positions.ts';
import type { PipelineIR } from '../semantics/ir.ts';
import { bundle, readAmbientModules } from './bundle.ts';
import { literal, stringLiteral } from './literal.ts';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = path.dirname(SRC);
const src = (p: string) => path.join(SRC, p);

export interface CompileOptions {
  /** the .mlp text (embedded for line numbers in reports and the artifact's fingerprint) */
  text: string;
  /** where the program will be written; relative paths in it are resolved against its folder (default: the current directory) */
  outFile?: string;
}

const MLP_VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string>; devDependencies: Record<string, string> });

/** The generated model registry: only the kernels this pipeline uses (static imports instead of lazy ones). */
function registrySource(kernels: string[]): string {
  return `/** The model kernels this pipeline uses (mlp's registry loads any of them lazily). */
import type { ModelKernel } from './contract.ts';
${kernels.map((k) => `import { kernel as ${k} } from './${k}.ts';`).join('\n')}

const kernels: Record<string, ModelKernel> = { ${kernels.join(', ')} };
const loaded = new Map<string, Promise<ModelKernel>>();

/** The kernel for a catalog model, initialised once per process (or worker). */
export function loadKernel(name: string): Promise<ModelKernel> {
  let k = loaded.get(name);
  if (!k) {
    const kernel = kernels[name];
    if (!kernel) return Promise.reject(new Error(\`model \\\`\${name}\\\` has no kernel\`));
    k = Promise.resolve(kernel.init?.()).then(() => kernel);
    loaded.set(name, k);
  }
  return k;
}
`;
}

/** The generated catalog: the entries of this pipeline's models and metrics, as data. */
function catalogSource(ir: PipelineIR): string {
  const models = [...new Set(ir.models.map((m) => m.model))].map((m) => catalog.model(m)!);
  const metrics = [...new Set([ir.problem.metric, ...ir.report])].map((m) => catalog.metric(m)).filter((m) => m !== undefined);
  const index = fs.readFileSync(src('catalog/index.ts'), 'utf8');
  const defaultFor = index.slice(index.indexOf('/** A parameter\'s default for a task'), index.indexOf('\n}\n', index.indexOf('export function defaultFor')) + 3);
  return `/** The catalog entries this pipeline uses (mlp's catalog has every model, transform and metric). */
import type { MetricEntry, ModelEntry, ParamSpec, ParamValue, Task } from './types.ts';

const models: readonly ModelEntry[] = ${literal(models)};

const metrics: readonly MetricEntry[] = ${literal(metrics)};

export const model = (name: string): ModelEntry | undefined => models.find((e) => e.name === name);
export const metric = (name: string): MetricEntry | undefined => metrics.find((e) => e.name === name);

${defaultFor}`;
}

function spanSource(): string {
  const ast = fs.readFileSync(src('syntax/ast.ts'), 'utf8');
  const start = ast.indexOf('export interface Span');
  return `/** Source positions (offsets into the .mlp text). */\n${ast.slice(start, ast.indexOf('\n}\n', start) + 3)}`;
}

/** Paths in the IR, made relative to the program's folder (resolved again when it runs). */
function relocate(ir: PipelineIR, base: string): PipelineIR {
  const rel = (p: string) => path.relative(base, p).split(path.sep).join('/') || '.';
  return {
    ...ir,
    file: rel(ir.file),
    source: { ...ir.source, path: rel(ir.source.path) },
    outputs: { ...ir.outputs, model: ir.outputs.model && rel(ir.outputs.model), reportDir: ir.outputs.reportDir && rel(ir.outputs.reportDir) },
  };
}

function lines(map: LineMap, spans: ({ start: number; end: number } | undefined)[]): string {
  const ls = spans.filter((s) => s !== undefined).flatMap((s) => [map.position1(s.start).line, map.position1(Math.max(s.start, s.end - 1)).line]);
  if (!ls.length) return 'default';
  const lo = Math.min(...ls), hi = Math.max(...ls);
  return lo === hi ? `line ${lo}` : `lines ${lo}–${hi}`;
}

/** The program module: the pipeline as data, one section per stage, and main(). */
function programSource(ir: PipelineIR, text: string, mlpName: string, kernels: string[]): string {
  const map = new LineMap(text);
  const at = (...spans: ({ start: number; end: number } | undefined)[]) => `${mlpName} ${lines(map, spans)}`;
  const section = (title: string, where: string, name: string, type: string, value: unknown) =>
    `// ── ${title} (${where}) ──\nconst ${name}: ${type} = ${literal(value)};\n`;
  const list = <T extends { span?: { start: number; end: number } }>(items: T[]) => items.map((i) => i.span);
  const forest = kernels.includes('random_forest');
  return `/**
 * The program: the pipeline as data (one section per stage of ${mlpName},
 * with its line numbers) and main(), which runs it with mlp's interpreter
 * functions inlined above and prints what \`mlp run\` prints.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isMainThread, workerData } from 'node:worker_threads';
import type { FeatureIR, ModelIR, OutputsIR, PipelineIR, PrepStepIR, ProblemIR, SearchIR, SelectIR, SourceIR, SplitIR, ValidationIR } from './semantics/ir.ts';
import { runPipeline, RunError } from './interpret/run.ts';
import { CsvError } from './runtime/data/csv.ts';
import { removePendingWrites } from './runtime/atomic.ts';
import { hostWorkers } from './runtime/workers.ts';
import { processIO } from './cli/io.ts';
import { progressPrinter } from './cli/progress.ts';
import { renderReport } from './cli/report.ts';
import { serve as serveSearchWorker } from './interpret/search_worker.ts';
${forest ? "import { serve as serveForestWorker } from './runtime/models/tree/forest_worker.ts';\n" : ''}
${section('source', at(ir.source.span), 'source', 'SourceIR', ir.source)}
${section('problem', at(ir.problem.span), 'problem', 'ProblemIR', ir.problem)}
${section('prepare', at(...list(ir.prepare)), 'prepare', 'PrepStepIR[]', ir.prepare)}
${section('features', at(...list(ir.features)), 'features', 'FeatureIR[]', ir.features)}
${section('select', at(...list(ir.selects)), 'selects', 'SelectIR[]', ir.selects)}
${section('split', at(ir.split.span), 'split', 'SplitIR', ir.split)}
${section('validation', at(ir.validation.span), 'validation', 'ValidationIR', ir.validation)}
${section('models', at(...list(ir.models)), 'models', 'ModelIR[]', ir.models)}
${section('search', mlpName, 'search', 'SearchIR', ir.search)}
${section('report', mlpName, 'report', 'string[]', ir.report)}
${section('export', mlpName, 'outputs', 'OutputsIR', ir.outputs)}
const PIPELINE: PipelineIR = {
  name: ${stringLiteral(ir.name)}, file: ${stringLiteral(ir.file)},
  source, problem, prepare, features, selects, split, validation, models, search, report, outputs,
  stages: ${literal(ir.stages, '  ')},
};

/** ${mlpName} itself: the report cites its lines and the artifact carries its fingerprint. */
const MLP_TEXT = [
${text.split('\n').map((l) => `  ${stringLiteral(l)},`).join('\n')}
].join('\\n');

const HELP = \`Usage: ${'${'}path.basename(process.argv[1] ?? 'program')} [options]

Runs the pipeline compiled from ${'${'}PIPELINE.file}: load, prepare, search, evaluate and save the model.
  --data FILE     the CSV to read (default: ${'${'}PIPELINE.source.path}, relative to this program)
  --seed N        root seed (default: the file's split seed)
  --out DIR       write the artifact and report here
  --threads N     worker threads (default: all cores)
  --json          print the run report as JSON on stdout
  --quiet         no progress, no leaderboard
\`;

/** Runs the pipeline like \`mlp run\`; returns the exit code. */
async function main(argv: string[]): Promise<number> {
  const io = processIO;
  let args;
  try {
    args = parseArgs({ args: argv, options: { data: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string', short: 'o' }, threads: { type: 'string' }, json: { type: 'boolean' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }).values;
  } catch (err) {
    io.stderr(\`${'${'}(err as Error).message}\\n${'${'}HELP}\`);
    return 2;
  }
  if (args.help) { io.stdout(HELP); return 0; }
  const seed = args.seed === undefined ? undefined : Number(args.seed);
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0)) { io.stderr('--seed must be a non-negative integer\\n'); return 2; }
  const threads = args.threads === undefined ? undefined : Number(args.threads);
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 1)) { io.stderr('--threads must be a positive integer\\n'); return 2; }

  // Paths in the pipeline are relative to this program's folder; --data replaces the source's file.
  const here = path.dirname(fileURLToPath(import.meta.url));
  const at = (p: string) => path.resolve(here, p);
  const ir: PipelineIR = {
    ...PIPELINE,
    file: at(PIPELINE.file),
    source: { ...PIPELINE.source, path: args.data === undefined ? at(PIPELINE.source.path) : path.resolve(args.data) },
    outputs: { ...PIPELINE.outputs, model: PIPELINE.outputs.model && at(PIPELINE.outputs.model), reportDir: PIPELINE.outputs.reportDir && at(PIPELINE.outputs.reportDir) },
  };
  hostWorkers(new URL(import.meta.url));

  let stop = false;
  const onSigint = () => { stop = true; removePendingWrites(); io.stderr('\\ninterrupted; stopping after the current fit (nothing half-written is left)\\n'); };
  process.once('SIGINT', onSigint);
  const progress = progressPrinter(io);
  try {
    const result = await runPipeline(ir, {
      seed, threads, out: args.out, text: MLP_TEXT,
      onProgress: args.quiet ? undefined : progress.update,
      onNote: (m) => io.stderr(\`note: ${'${'}m}\\n\`),
      shouldStop: () => stop,
    });
    progress.finish();
    if (args.json) io.stdout(JSON.stringify(result, null, 2) + '\\n');
    else if (!args.quiet) io.stdout(renderReport(result));
    return 0;
  } catch (err) {
    progress.finish();
    if (err instanceof CsvError || err instanceof RunError) {
      io.stderr(\`${'${'}err.message}\\n\`);
      return 1;
    }
    throw err;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

// This file is also the program's worker threads (see runtime/workers.ts).
const role = (workerData as { mlpWorker?: string } | null)?.mlpWorker;
if (isMainThread) main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
else if (role === 'search_worker.ts') serveSearchWorker();
${forest ? "else if (role === 'forest_worker.ts') serveForestWorker();\n" : ''}`;
}

export interface Compiled {
  code: string;
  packages: string[];
}

/** Compiles a checked pipeline (analysis without errors) to one TypeScript program. */
export function compilePipeline(ir: PipelineIR, options: CompileOptions): Compiled {
  const base = options.outFile ? path.dirname(path.resolve(options.outFile)) : process.cwd();
  const mlpName = path.basename(ir.file);
  const kernels = [...new Set(ir.models.map((m) => catalog.model(m.model)!.kernel))].sort();
  const program = src('program.ts');
  const forestWorker = src('runtime/models/tree/forest_worker.ts');
  const b = bundle({
    root: SRC,
    entries: [program],
    replace: new Map([
      [program, programSource(relocate(ir, base), options.text, mlpName, kernels)],
      [src('runtime/models/registry.ts'), registrySource(kernels)],
      [src('catalog/index.ts'), catalogSource(ir)],
      [src('syntax/ast.ts'), spanSource()],
    ]),
    workers: new Set([src('interpret/search_worker.ts'), forestWorker]),
    ambient: readAmbientModules(fs.readFileSync(src('types/libsvm-js.d.ts'), 'utf8')),
  });
  const pkg = MLP_VERSION;
  const packages = [...b.packages].sort().map((p) => `${p}@${pkg.dependencies[p] ?? 'latest'}`);
  const dev = ['tsx', 'typescript', '@types/node'].map((p) => `${p}@${pkg.devDependencies[p] ?? 'latest'}`);
  const header = `/**
 * ${ir.name} — compiled by mlp ${pkg.version} from ${mlpName} (\`mlp compile\`).
 * Generated code: edit the .mlp file and compile again rather than this file.
 *
 * Run it in an empty folder:
 *   npm init -y && npm pkg set type=module
 *   npm install ${[...packages, ...dev].join(' ')}
 *   npx tsx ${options.outFile ? path.basename(options.outFile) : 'program.ts'} --data path/to/data.csv
 * or type-check and compile it first:
 *   npx tsc --strict --target es2022 --module nodenext --types node ${options.outFile ? path.basename(options.outFile) : 'program.ts'} && node ${options.outFile ? path.basename(options.outFile, '.ts') + '.js' : 'program.js'}
 *
 * Flags: --data FILE, --seed N, --out DIR, --threads N, --json, --quiet (--help).
 * It prints what \`mlp run\` prints and writes the same artifact, so
 * \`mlp predict\` reads models from either.
 *
 * Layout: the inlined modules of mlp's interpreter (one namespace per
 * source file of mlp, in dependency order), then \`program\`: the pipeline
 * and main().
 */
/* eslint-disable */
`;
  const modules = b.modules.map((m) => `// ── ${path.relative(SRC, m.file).split(path.sep).join('/')} ${m.file === program ? '(generated: this pipeline)' : [src('runtime/models/registry.ts'), src('catalog/index.ts'), src('syntax/ast.ts')].includes(m.file) ? '(generated for this pipeline)' : ''}`.trimEnd() + ` ──\n${m.code}\n`);
  const code = `${header}\n${b.imports.join('\n')}\n\n${b.declarations.join('\n\n')}${b.declarations.length ? '\n\n' : ''}${modules.join('\n')}`;
  return { code, packages };
}
