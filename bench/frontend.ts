/**
 * Front-end benchmark: full `analyze()` (lex, parse, AST, check with a cached
 * data sample, rules) on generated 1,000- and 10,000-line pipelines over the
 * penguins columns. Median of ≥ 7 runs after warm-up. Target: 1,000 lines < 20 ms.
 *
 *   npx tsx bench/frontend.ts [runs]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Analyze from '../src/semantics/analyze.ts';
import type * as Schema from '../src/semantics/schema.ts';
import type * as Incremental from '../src/syntax/incremental.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.join(root, 'examples/penguins/__bench__.mlp');
const numeric = ['bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'body_mass_g'];
const categories = ['island', 'sex'];

/** A valid pipeline of about `lines` lines: mostly features and model candidates. */
export function generate(lines: number): string {
  const head = [
    '/// Generated for the front-end benchmark.',
    'pipeline bench',
    'data penguins = csv("penguins.csv") {',
    '  species: category',
    '  island: category',
    '  sex: category',
    '}',
    'problem classification {',
    '  target = species',
    '  metric = accuracy',
    '}',
    'prepare {',
    '  drop rows where species is missing',
    '  impute bill_length_mm, bill_depth_mm, flipper_length_mm, body_mass_g with median',
    '  impute sex with mode',
    '}',
  ];
  const tail = ['split { test = 25%, stratify = species, seed = 7 }', 'validate stratified_kfold(5)', 'search random { trials = 10 }', 'report accuracy, balanced_accuracy, f1_macro'];
  const budget = lines - head.length - tail.length - 4;
  const nFeatures = Math.floor(budget * 0.6), nModels = budget - nFeatures;
  const features: string[] = [];
  for (let i = 0; i < nFeatures; i++) {
    const a = numeric[i % 4], b = numeric[(i + 1) % 4];
    switch (i % 5) {
      case 0: features.push(`  f${i} = standardize(${a}, ${b})`); break;
      case 1: features.push(`  f${i} = ${a} / ${b} |> log1p |> standardize`); break;
      case 2: features.push(`  f${i} = onehot(${categories[i % 2]})`); break;
      case 3: features.push(`  /// derived from f${i - 3}\n  f${i} = bin(${a}, bins: ${2 + (i % 7)}, strategy: uniform)`); break;
      default: features.push(`  f${i} = polynomial(${a}, ${b})`); break;
    }
  }
  const models: string[] = [];
  for (let i = 0; i < nModels; i++) {
    const using = `using f${i % nFeatures}, f${(i * 7) % nFeatures}`;
    switch (i % 4) {
      case 0: models.push(`  knn${i} = knn(k: 1..${2 + (i % 15)}, weights: [uniform, distance]) ${using}`); break;
      case 1: models.push(`  lr${i} = logistic(C: logspace(-2, 2, 5)) ${using}`); break;
      case 2: models.push(`  svm${i} = svm(kernel: [rbf, poly], C: loguniform(0.01, 100), degree: randint(2, 4)) ${using}`); break;
      default: models.push(`  tree${i} = decision_tree(max_depth: [3, 5, null]) ${using}`); break;
    }
  }
  return [...head, 'features {', ...features, '}', 'models {', ...models, '}', ...tail].join('\n') + '\n';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

// Measure what users run: the compiled build (dist/, as bin/mlp.js runs it) when it is there, else the sources.
const built = fs.existsSync(path.join(root, 'dist/.built'));
const { analyze } = (await import(built ? '../dist/semantics/analyze.js' : '../src/semantics/analyze.ts')) as typeof Analyze;
const { SchemaCache } = (await import(built ? '../dist/semantics/schema.js' : '../src/semantics/schema.ts')) as typeof Schema;
const { ParseCache } = (await import(built ? '../dist/syntax/incremental.js' : '../src/syntax/incremental.ts')) as typeof Incremental;

function bench(lines: number, runs: number, schemas: Schema.SchemaCache): void {
  const text = generate(lines);
  const lineCount = text.split('\n').length - 1;
  const first = analyze(text, { file, schemas });
  const errors = first.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`generated file has errors: ${errors.slice(0, 3).map((d) => `${d.code} ${d.message}`).join('; ')}`);
  for (let i = 0; i < 30; i++) analyze(text, { file, schemas }); // warm-up: the JIT settles after ~20 analyses (an editor session gets there in seconds)
  const times: number[] = [], cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now(), c0 = process.cpuUsage();
    analyze(text, { file, schemas });
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const ms = median(times);
  console.log(`${String(lineCount).padStart(6)} lines  median ${ms.toFixed(2).padStart(8)} ms wall, ${median(cpu).toFixed(2)} ms CPU  (min ${Math.min(...times).toFixed(2)}, max ${Math.max(...times).toFixed(2)}, ${runs} runs)  ${Math.round(lineCount / (ms / 1000)).toLocaleString('en-US')} lines/s  ${first.diagnostics.length} warnings`);
  // as the language server re-analyses after an edit: one feature line changed, unchanged parts reused
  const parses = new ParseCache();
  analyze(text, { file, schemas, parses });
  const edited: number[] = [];
  for (let i = 0; i < 30 + runs; i++) {
    const variant = text.replace(`f${i % 50} = `, `f${i % 50}x = `).replace(`f${i % 50}, `, `f${i % 50}x, `);
    const t0 = performance.now();
    analyze(i % 2 ? text : variant, { file, schemas, parses });
    if (i >= 30) edited.push(performance.now() - t0);
  }
  console.log(`${' '.repeat(6)}       after a one-line edit (language server, unchanged declarations and statements reused): median ${median(edited).toFixed(2)} ms wall`);
}

const isMain = process.argv[1]?.endsWith("frontend.ts");
const runs = Math.max(7, Number(process.argv[2] ?? 9));
const schemas = new SchemaCache();
const semi = process.execArgv.find((a) => a.startsWith('--max-semi-space-size')) ?? 'default young generation';
if (isMain) console.log(`analyze() on generated pipelines, node ${process.version}, ${built ? 'dist/ build' : 'sources via tsx'}, ${semi}; CPU time of this process is the noise-resistant figure`);
if (isMain) bench(1000, runs, schemas);
if (isMain) bench(10000, runs, schemas);
