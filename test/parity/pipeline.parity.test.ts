/**
 * Pipeline-level parity with scikit-learn: small .mlp pipelines (one
 * candidate, fixed hyperparameters) run through mlp's interpreter on the
 * shared datasets; scikit-learn (test/reference/pipeline_parity.py) then
 * reproduces the same train/test rows (mlp's exported split), the same
 * preparation fitted on the training rows, and the same estimator. Test
 * metrics must agree within 0.02; fitted statistics (imputed values,
 * standardize means and scales, one-hot levels, tf-idf vocabulary, idf and
 * the test rows' tf-idf weights) to 1e-9 relative.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline, type RunReport } from '../../src/interpret/run.ts';
import { loadFrame } from '../../src/runtime/data/load.ts';
import { applyText, type TextState } from '../../src/runtime/features/text.ts';
import { analyze } from '../../src/semantics/analyze.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const datasets = path.resolve(here, '../../../shared/datasets');
const script = path.resolve(here, '../reference/pipeline_parity.py');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mlp-pipeline-parity-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const IRIS = ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)'];
const PENGUIN_NUM = ['bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'body_mass_g'];
const DIABETES = ['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6'];
const q = (c: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(c) ? c : `\`${c}\``);
const list = (cs: string[]) => cs.map(q).join(', ');
const BREAST = fs.existsSync(path.join(datasets, 'breast_cancer.csv'))
  ? fs.readFileSync(path.join(datasets, 'breast_cancer.csv'), 'utf8').split('\n')[0].split(',').filter((c) => c !== 'diagnosis')
  : [];

interface Case {
  name: string;
  dataset: string;
  mlp: string;
  /** the reference side: preparation and estimator */
  ref: { target: string; task: 'classification' | 'regression'; positive?: string; standardize?: string[]; impute_median?: string[]; impute_mode?: string[]; onehot?: string[]; tfidf?: { column: string; options: Record<string, unknown> }; estimator: string; metrics: string[] };
}

const classification = (target: string, metric: string, positive?: string) =>
  `problem classification {\n  target = ${target}\n  metric = ${metric}${positive ? `\n  positive = "${positive}"` : ''}\n}\n`;

const cases: Case[] = [
  {
    name: 'iris: standardize + knn(k=5)', dataset: 'iris.csv',
    mlp: `pipeline iris_knn\ndata d = csv("iris.csv") { species: category }\n${classification('species', 'accuracy')}features { x = standardize(${list(IRIS)}) }\nsplit { test = 20%, stratify = species, seed = 1 }\nvalidate kfold(2)\nmodels { knn = knn(k: 5) }\nreport accuracy, f1_macro\n`,
    ref: { target: 'species', task: 'classification', standardize: IRIS, estimator: 'KNeighborsClassifier(n_neighbors=5)', metrics: ['accuracy', 'f1_macro'] },
  },
  {
    name: 'iris: standardize + gaussian_nb', dataset: 'iris.csv',
    mlp: `pipeline iris_nb\ndata d = csv("iris.csv") { species: category }\n${classification('species', 'accuracy')}features { x = standardize(${list(IRIS)}) }\nsplit { test = 20%, stratify = species, seed = 1 }\nvalidate kfold(2)\nmodels { nb = gaussian_nb(var_smoothing: 1e-9) }\nreport accuracy, f1_macro\n`,
    ref: { target: 'species', task: 'classification', standardize: IRIS, estimator: 'GaussianNB(var_smoothing=1e-9)', metrics: ['accuracy', 'f1_macro'] },
  },
  {
    name: 'breast_cancer: standardize + knn(k=5)', dataset: 'breast_cancer.csv',
    mlp: `pipeline breast_knn\ndata d = csv("breast_cancer.csv") { diagnosis: category }\n${classification('diagnosis', 'f1', 'malignant')}features { x = standardize(${list(BREAST)}) }\nsplit { test = 25%, stratify = diagnosis, seed = 42 }\nvalidate kfold(2)\nmodels { knn = knn(k: 5) }\nreport f1, accuracy\n`,
    ref: { target: 'diagnosis', task: 'classification', positive: 'malignant', standardize: BREAST, estimator: 'KNeighborsClassifier(n_neighbors=5)', metrics: ['f1', 'accuracy'] },
  },
  {
    name: 'penguins: impute median/mode + onehot + standardize + knn(k=5)', dataset: 'penguins.csv',
    mlp: `pipeline penguins_knn\ndata d = csv("penguins.csv") {\n  species: category\n  island: category\n  sex: category\n}\n${classification('species', 'accuracy')}prepare {\n  impute ${list(PENGUIN_NUM)} with median\n  impute sex with mode\n}\nfeatures {\n  size = standardize(${list(PENGUIN_NUM)})\n  kind = onehot(island, sex)\n}\nsplit { test = 25%, stratify = species, seed = 7 }\nvalidate kfold(2)\nmodels { knn = knn(k: 5) }\nreport accuracy, f1_macro\n`,
    ref: { target: 'species', task: 'classification', impute_median: PENGUIN_NUM, impute_mode: ['sex'], standardize: PENGUIN_NUM, onehot: ['island', 'sex'], estimator: 'KNeighborsClassifier(n_neighbors=5)', metrics: ['accuracy', 'f1_macro'] },
  },
  {
    name: 'diabetes: standardize + ridge(alpha=1)', dataset: 'diabetes.csv',
    mlp: `pipeline diabetes_ridge\ndata d = csv("diabetes.csv")\nproblem regression {\n  target = progression\n  metric = r2\n}\nfeatures { x = standardize(${list(DIABETES)}) }\nsplit { test = 20%, seed = 11 }\nvalidate kfold(2)\nmodels { ridge = ridge(alpha: 1.0) }\nreport r2, rmse, mae\n`,
    ref: { target: 'progression', task: 'regression', standardize: DIABETES, estimator: 'Ridge(alpha=1.0)', metrics: ['r2', 'rmse', 'mae'] },
  },
  {
    name: 'diabetes: standardize + linear', dataset: 'diabetes.csv',
    mlp: `pipeline diabetes_linear\ndata d = csv("diabetes.csv")\nproblem regression {\n  target = progression\n  metric = r2\n}\nfeatures { x = standardize(${list(DIABETES)}) }\nsplit { test = 20%, seed = 11 }\nvalidate kfold(2)\nmodels { linear = linear() }\nreport r2, rmse, mae\n`,
    ref: { target: 'progression', task: 'regression', standardize: DIABETES, estimator: 'LinearRegression()', metrics: ['r2', 'rmse', 'mae'] },
  },
  {
    name: 'spam: tfidf(1..2-grams) + multinomial_nb(alpha=0.1)', dataset: 'spam.csv',
    mlp: `pipeline spam_nb\ndata d = csv("spam.csv") {\n  text: text\n  label: category(levels: ["ham", "spam"])\n}\n${classification('label', 'f1', 'spam')}features { terms = tfidf(text, ngrams: 1..2, stopwords: english, min_df: 2, max_df: 0.9, sublinear_tf: true) }\nsplit { test = 20%, stratify = label, seed = 42 }\nvalidate kfold(2)\nmodels { nb = multinomial_nb(alpha: 0.1) }\nreport f1, accuracy\n`,
    ref: { target: 'label', task: 'classification', positive: 'spam', tfidf: { column: 'text', options: { ngram_range: [1, 2], stop_words: 'english', min_df: 2, max_df: 0.9, sublinear_tf: true } }, estimator: 'MultinomialNB(alpha=0.1)', metrics: ['f1', 'accuracy'] },
  },
];

function relErr(a: number, b: number): number {
  return a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}

function expectRel(actual: number[], expected: number[], what: string, tol = 1e-9): number {
  expect(actual.length, `${what} length`).toBe(expected.length);
  let worst = 0;
  actual.forEach((a, i) => {
    const e = relErr(a, expected[i]);
    if (!(e <= tol)) throw new Error(`${what}[${i}]: mlp ${a} vs sklearn ${expected[i]} (relative error ${e})`);
    worst = Math.max(worst, e);
  });
  return worst;
}

interface MlpSide { report: RunReport; artifact: any; ms: number }

async function runMlp(c: Case): Promise<MlpSide> {
  const dir = path.join(tmp, c.name.split(':')[0] + '-' + cases.indexOf(c));
  fs.mkdirSync(dir, { recursive: true });
  fs.symlinkSync(path.join(datasets, c.dataset), path.join(dir, c.dataset));
  const file = path.join(dir, 'p.mlp');
  fs.writeFileSync(file, c.mlp);
  const a = analyze(c.mlp, { file });
  expect(a.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  const t0 = performance.now();
  const report = await runPipeline(a.ir!, { text: c.mlp, out: path.join(dir, 'out'), exportSplits: true, threads: 1 });
  return { report, artifact: JSON.parse(fs.readFileSync(report.artifact, 'utf8')), ms: performance.now() - t0 };
}

const table: string[] = [];
afterAll(() => {
  if (table.length) console.log(['', '| case | metric | mlp | scikit-learn | |Δ| | max rel. error of statistics |', '|---|---|---|---|---|---|', ...table].join('\n'));
});

describe.skipIf(!fs.existsSync('/usr/bin/python3') || !fs.existsSync(datasets))('pipeline parity with scikit-learn', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const mlp = await runMlp(c);
      const rows = mlp.report.split.rows!;
      expect(rows.train.length + rows.test.length).toBe(mlp.report.data.used);
      const spec = [{ name: c.name, csv: path.join(datasets, c.dataset), train: rows.train, test: rows.test, ...c.ref }];
      const [ref] = JSON.parse(execFileSync('/usr/bin/python3', [script], { input: JSON.stringify(spec), maxBuffer: 1 << 30, encoding: 'utf8' }));
      expect(ref.rows).toBe(mlp.report.data.rows);

      // fitted statistics, 1e-9 relative
      let worst = 0;
      const prep = mlp.artifact.prepare.state as ({ columns: Record<string, { fill: number | string }> } | null)[];
      const fills = new Map<string, number | string>();
      for (const s of prep) if (s) for (const [col, st] of Object.entries(s.columns)) fills.set(col, st.fill);
      if (ref.median) worst = Math.max(worst, expectRel(Object.keys(ref.median).map((k) => fills.get(k) as number), Object.values(ref.median) as number[], 'imputed median'));
      if (ref.mode) for (const [col, v] of Object.entries(ref.mode)) expect(fills.get(col), `mode of ${col}`).toBe(v);
      const transforms = mlp.artifact.features.state.transforms as any[];
      if (ref.standardize) {
        const scales = transforms.filter((t) => t.method === 'standardize');
        worst = Math.max(worst, expectRel(scales.map((s) => s.center), ref.standardize.mean, 'standardize mean'));
        worst = Math.max(worst, expectRel(scales.map((s) => s.scale), ref.standardize.scale, 'standardize scale'));
      }
      if (ref.onehot) for (const [col, levels] of Object.entries(ref.onehot)) expect(transforms.find((t) => t.column === col && Array.isArray(t.levels))?.levels, `onehot levels of ${col}`).toEqual(levels);
      if (ref.tfidf) {
        const state = transforms.find((t) => Array.isArray(t.vocabulary)) as TextState;
        expect(state.vocabulary.length).toBe(ref.tfidf.vocabulary.length);
        expect(state.vocabulary).toEqual(ref.tfidf.vocabulary);
        worst = Math.max(worst, expectRel(state.idf!, ref.tfidf.idf, 'idf'));
        // the test rows' weights: mlp's loader and the artifact's state vs scikit-learn's transform
        const { frame } = await loadFrame(path.join(datasets, c.dataset), [{ name: c.ref.tfidf!.column, type: 'text' }]);
        const docs = (frame.columns.get(c.ref.tfidf!.column) as { values: (string | null)[] }).values;
        const block = applyText(state, rows.test.map((r) => docs[r]));
        if (block.kind !== 'sparse') throw new Error('tf-idf should be sparse');
        const m = block.matrix;
        expect(Array.from(m.indptr)).toEqual(ref.tfidf.test.indptr);
        expect(Array.from(m.indices)).toEqual(ref.tfidf.test.indices);
        worst = Math.max(worst, expectRel(Array.from(m.data), ref.tfidf.test.data, 'tf-idf weights of the test rows'));
      }

      // test metrics within 0.02
      for (const metric of c.ref.metrics) {
        const a = mlp.report.test.metrics[metric], b = ref.metrics[metric];
        table.push(`| ${c.name} | ${metric} | ${a.toFixed(4)} | ${b.toFixed(4)} | ${Math.abs(a - b).toFixed(4)} | ${worst.toExponential(1)} |`);
        expect(Math.abs(a - b), `${c.name}: ${metric} mlp ${a} vs sklearn ${b}`).toBeLessThanOrEqual(0.02);
      }
    });
  }
});
