/**
 * Leakage and preparation phases: every learned statistic is fitted on the
 * rows of the current training fold only; `during training` steps touch
 * training rows only; `during training and prediction` filters run at
 * prediction time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Preprocessed } from '../../src/interpret/pipeline.ts';
import { applyPrepare, fitPrepare } from '../../src/interpret/prepare.ts';
import { loadData, trainTestSplit, usedColumns } from '../../src/interpret/run.ts';
import { checked, cli, csv, readJson, run, workspace } from './helpers.ts';

const calls = vi.hoisted(() => [] as { rows: Int32Array; using: readonly string[]; result: Preprocessed }[]);
vi.mock('../../src/interpret/pipeline.ts', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../src/interpret/pipeline.ts')>();
  return {
    ...mod,
    fitPreprocess: (...args: Parameters<typeof mod.fitPreprocess>) => {
      const result = mod.fitPreprocess(...args);
      calls.push({ rows: Int32Array.from(args[2]), using: [...args[3]], result });
      return result;
    },
  };
});

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const std = (xs: number[]) => { const m = mean(xs); return Math.sqrt(mean(xs.map((x) => (x - m) ** 2))); };
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('no leakage', () => {
  // 40 rows ordered by t; `split by t` makes rows 31..40 the test rows, and they are extreme (x ≈ 1000)
  const rows = Array.from({ length: 40 }, (_, i) => {
    const t = i + 1;
    const x = t > 30 ? 1000 + t : t % 7 === 0 ? '' : ((t * 7) % 13) + 0.5;
    return [t, x, t % 2 ? 'a' : 'b'];
  });
  const mlp = `pipeline leak
data d = csv("d.csv") { y: category }
problem classification { target = y
  metric = accuracy }
prepare { impute x with mean }
features { f = standardize(x) }
split { test = 25%, by = t }
validate kfold(3)
models { knn = knn(k: [1, 3]) }
`;

  it("fits imputation and scaling on each fold's training rows only, and the refit on the training split only", async () => {
    const dir = workspace({ 'd.csv': csv(['t', 'x', 'y'], rows), 'p.mlp': mlp });
    calls.length = 0;
    const report = await run(dir);
    const { ir } = checked(dir);
    const { frame } = await loadData(ir, usedColumns(ir));
    const x = (frame.columns.get('x') as { values: Float64Array }).values;
    const split = report.split.rows!;
    // the test rows are the 10 extreme ones
    expect(split.test).toEqual(Array.from({ length: 10 }, (_, i) => 30 + i));
    expect(Array.from(trainTestSplit(ir, frame, report.seed).test)).toEqual(split.test);

    expect(calls.length, JSON.stringify(calls.map((c) => c.rows.length))).toBe(3 + 1); // 3 folds (shared by both candidates) + the refit
    const train = new Set(split.train);
    calls.forEach((c, n) => {
      for (const r of c.rows) expect(train.has(r), `call ${n} fitted on test row ${r}`).toBe(true);
      const present = Array.from(c.rows, (r) => x[r]).filter((v) => !Number.isNaN(v));
      const fill = (c.result.prep[0] as unknown as { columns: { x: { fill: number } } }).columns.x.fill;
      expect(rel(fill, mean(present))).toBeLessThan(1e-12);
      expect(fill).toBeLessThan(20); // never pulled towards the extreme rows
      const imputed = Array.from(c.rows, (r) => (Number.isNaN(x[r]) ? fill : x[r]));
      const scale = c.result.features.transforms[0] as { center: number; scale: number };
      expect(rel(scale.center, mean(imputed))).toBeLessThan(1e-12);
      expect(rel(scale.scale, std(imputed))).toBeLessThan(1e-12);
    });
    // fold f's statistics come from exactly its training rows: none of its validation rows
    expect(split.folds.length).toBe(3);
    split.folds.forEach((f, n) => {
      expect(Array.from(calls[n].rows)).toEqual(f.train);
      const seen = new Set(calls[n].rows);
      expect(f.test.filter((r) => seen.has(r))).toEqual([]);
    });
    // the validation rows partition the training split
    expect(split.folds.flatMap((f) => f.test).sort((a, b) => a - b)).toEqual(split.train);
    expect(Array.from(calls[3].rows)).toEqual(split.train);

    // the artifact stores the refit's statistics: training split only
    const artifact = readJson(report.artifact);
    expect(artifact.prepare.state).toEqual(calls[3].result.prep);
    expect(artifact.features.state.transforms).toEqual(calls[3].result.features.transforms);
  });
});

describe('preparation phases', () => {
  const frameOf = (values: number[]) => ({ rows: values.length, names: ['x'], columns: new Map([['x', { kind: 'numeric', type: 'numeric', values: Float64Array.from(values) }]]) }) as any;
  const step = (kind: string, phase: 'training' | 'always', method: unknown) => ({ kind, columns: ['x'], method, phase, span: { start: 0, end: 0 } }) as any;
  const range = { name: 'range', params: { min: 0, max: 10 } };

  it('clip `during training` changes training rows only; `during training and prediction` also clips new rows', () => {
    for (const phase of ['training', 'always'] as const) {
      const steps = [step('clip', phase, range)];
      const fitted = fitPrepare(frameOf([1, 5, 50]), steps);
      expect(Array.from((fitted.frame.columns.get('x') as any).values)).toEqual([1, 5, 10]);
      for (const predicting of [false, true]) {
        const applied = applyPrepare(frameOf([-5, 5, 50]), steps, fitted.state, predicting);
        expect(Array.from((applied.frame.columns.get('x') as any).values), `${phase}, predicting=${predicting}`).toEqual(phase === 'always' ? [0, 5, 10] : [-5, 5, 50]);
      }
    }
  });

  it('impute `during training` fills training rows only', () => {
    const steps = [step('impute', 'training', { name: 'mean', params: {} })];
    const fitted = fitPrepare(frameOf([1, NaN, 3]), steps);
    expect(Array.from((fitted.frame.columns.get('x') as any).values)).toEqual([1, 2, 3]);
    const applied = applyPrepare(frameOf([NaN, 4]), steps, fitted.state, true);
    expect(Number.isNaN((applied.frame.columns.get('x') as any).values[0])).toBe(true);
  });

  it('drop outliers drops training rows only (and prediction rows only when asked)', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
    for (const phase of ['training', 'always'] as const) {
      const steps = [step('drop_outliers', phase, { name: 'iqr', params: { factor: 1.5 } })];
      const fitted = fitPrepare(frameOf(values), steps);
      expect(fitted.frame.rows).toBe(9);
      expect(applyPrepare(frameOf(values), steps, fitted.state, false).kept.length, 'validation/test rows are never dropped').toBe(10);
      expect(Array.from(applyPrepare(frameOf(values), steps, fitted.state, true).kept), phase).toEqual(phase === 'always' ? [0, 1, 2, 3, 4, 5, 6, 7, 8] : [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
  });

  it('a pipeline with drop outliers scores every test row and predicts every row', async () => {
    // rows 31..40 are the test rows (split by t); two of them are outliers of x
    const rows = Array.from({ length: 40 }, (_, i) => {
      const t = i + 1;
      const x = t === 33 || t === 38 ? 500 : t === 3 || t === 9 ? -400 : (t % 5) + (t % 2) * 3;
      return [t, x, t % 2 ? 'a' : 'b'];
    });
    const dir = workspace({
      'd.csv': csv(['t', 'x', 'y'], rows),
      'p.mlp': `pipeline outlier_rows
data d = csv("d.csv") { y: category }
problem classification { target = y
  metric = accuracy }
prepare { drop outliers in x by iqr(1.5) }
features { f = standardize(x) }
split { test = 25%, by = t }
validate kfold(3)
models { knn = knn(k: 1) }
report accuracy, confusion
`,
    });
    calls.length = 0;
    const report = await run(dir);
    expect(report.split).toMatchObject({ train: 30, test: 10 });
    // the confusion matrix counts all 10 test rows, outliers included
    expect(report.test.confusion!.flat().reduce((a, b) => a + b, 0)).toBe(10);
    // the refit learned from the 28 non-outlier training rows (2 training outliers dropped)
    const refit = calls[calls.length - 1].result;
    expect(refit.X.rows).toBe(28);
    const p = await cli('predict', report.artifact, path.join(dir, 'd.csv'), '-o', path.join(dir, 'preds.csv'));
    expect(p.code, p.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'preds.csv'), 'utf8').trim().split('\n').length).toBe(41);
  });

  it('`during training` row filters do not run at prediction; `during training and prediction` ones do', async () => {
    // z < 0 rows are dropped for training only; x > 100 rows also get no prediction
    const rows = Array.from({ length: 30 }, (_, i) => [i + 1, i === 4 ? 150 : (i % 6) + 1, i % 4 === 0 ? -1 : 1, i % 2 ? 'a' : 'b']);
    const dir = workspace({
      'd.csv': csv(['t', 'x', 'z', 'y'], rows),
      'p.mlp': `pipeline phases
data d = csv("d.csv") { y: category }
problem classification { target = y
  metric = accuracy }
prepare {
  drop rows where z < 0
  drop rows where x > 100 during training and prediction
}
features { f = standardize(x) }
split { test = 25%, seed = 3 }
validate kfold(3)
models { knn = knn(k: 1) }
`,
    });
    const report = await run(dir);
    expect(report.data.dropped.map((d) => d.rows)).toEqual([8, 0]); // row 5 has z < 0 already
    const artifact = readJson(report.artifact);
    // only the prediction-time filter's columns are required inputs
    expect(artifact.inputs.map((c: { name: string }) => c.name).sort()).toEqual(['x']);
    const input = csv(['x', 'z'], [[2, -1], [150, 1], [3, 1], [101, -1], [4, -5]]);
    fs.writeFileSync(path.join(dir, 'new.csv'), input);
    const p = await cli('predict', report.artifact, path.join(dir, 'new.csv'));
    expect(p.code, p.stderr).toBe(0);
    const out = p.stdout.trim().split('\n').slice(1).map((l) => Number(l.split(',')[0]));
    expect(out).toEqual([1, 3, 5]); // rows 2 and 4 (x > 100) filtered; z < 0 rows predicted
  });
  it('`drop duplicate rows during training and prediction` also drops repeated input rows at prediction', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [i % 7, i % 3, i % 2 ? 'a' : 'b']);
    const mlp = (phase: string) => `pipeline dedupe
data d = csv("d.csv") { y: category }
problem classification { target = y
  metric = accuracy }
prepare { drop duplicate rows ${phase} }
features { f = standardize(x, w) }
split { test = 25%, seed = 3 }
validate kfold(3)
models { knn = knn(k: 1) }
`;
    const input = csv(['x', 'w'], [[1, 1], [2, 2], [1, 1], [3, 0], [2, 2], [1, 2]]);
    const predicted = async (phase: string) => {
      const dir = workspace({ 'd.csv': csv(['x', 'w', 'y'], rows), 'p.mlp': mlp(phase), 'new.csv': input });
      const report = await run(dir);
      const p = await cli('predict', report.artifact, path.join(dir, 'new.csv'));
      expect(p.code, p.stderr).toBe(0);
      expect(p.stderr).toBe(phase.endsWith('prediction') ? 'mlp predict: 4 predictions (2 rows filtered by the pipeline got none)\n' : '');
      return p.stdout.trim().split('\n').slice(1).map((l) => Number(l.split(',')[0]));
    };
    expect(await predicted('during training and prediction')).toEqual([1, 2, 4, 6]); // rows 3 and 5 repeat rows 1 and 2
    expect(await predicted('during training')).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('predicts without the columns that only steps the model does not need read (impute of an unused column)', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [i % 6, i % 5 === 0 ? '' : i % 4, i % 3 === 0 ? '' : ['p', 'q'][i % 2], i % 6 < 3 ? 'a' : 'b']);
    const dir = workspace({
      'd.csv': csv(['x', 'w', 'c', 'y'], rows),
      'p.mlp': `pipeline unused_prep
data d = csv("d.csv") {
  c: category
  y: category
}
problem classification {
  target = y
  metric = accuracy
}
prepare {
  impute w with median
  impute c with mode
  clip w to iqr(1.5)
}
features {
  f = standardize(x)
  g = standardize(w)
  h = onehot(c)
}
models { knn = knn(k: 1) using f }
`,
    });
    const report = await run(dir);
    expect(readJson(report.artifact).inputs.map((c: { name: string }) => c.name)).toEqual(['x']);
    fs.writeFileSync(path.join(dir, 'new.csv'), csv(['x'], [[1], [5]]));
    const p = await cli('predict', report.artifact, path.join(dir, 'new.csv'));
    expect(p.code, p.stderr).toBe(0);
    expect(p.stdout.trim().split('\n').slice(1).map((l) => l.split(',').slice(0, 2))).toEqual([['1', 'a'], ['2', 'b']]);
  });

  it("the data's declared missing-value markers are missing at prediction too", async () => {
    const rows = Array.from({ length: 60 }, (_, i) => {
      const w = i % 7 === 0 ? -999 : (i * 3) % 11;
      return [w, w >= 4 || w === -999 ? 'b' : 'a'];
    });
    const dir = workspace({
      'd.csv': csv(['w', 'y'], rows),
      'p.mlp': `pipeline markers
data d = csv("d.csv") {
  y: category
  missing_values = ["-999"]
}
problem classification {
  target = y
  metric = accuracy
}
prepare { impute w with median }
features { f = standardize(w) }
models { knn = knn(k: 1) }
`,
    });
    const report = await run(dir);
    const artifact = readJson(report.artifact);
    expect(artifact.missingValues).toContain('-999');
    expect(artifact.prepare.state[0].columns.w.fill).toBe(5);
    fs.writeFileSync(path.join(dir, 'new.csv'), 'w\n-999\n\n5\n');
    const p = await cli('predict', report.artifact, path.join(dir, 'new.csv'));
    expect(p.code, p.stderr).toBe(0);
    // -999 is imputed with the training median (5), like the empty field: the same prediction as w = 5
    expect(p.stdout.trim().split('\n').slice(1).map((l) => l.split(',')[1])).toEqual(['b', 'b', 'b']);
  });
});
