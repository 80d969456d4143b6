/**
 * `mlp run`: load → clean → split → search → refit the best → test → save.
 * Pure orchestration over the runtime kernels; output goes through callbacks
 * so the CLI decides how to show progress.
 */
import path from 'node:path';
import type { ColumnType, Frame } from '../runtime/data/frame.ts';
import { loadFrame } from '../runtime/data/load.ts';
import { groupKfold, holdout, kfold, repeatedKfold, stratifiedKfold, timeSplit, type Split } from '../runtime/eval/splits.ts';
import { maskToIndices, selectRows } from '../runtime/prepare/rows.ts';
import { writeFileAtomic } from '../runtime/atomic.ts';
import type { PipelineIR } from '../semantics/ir.ts';
import { predicateColumns } from '../semantics/walk.ts';
import { LineMap } from '../diagnostics/positions.ts';
import { profileColumn } from '../runtime/monitor/drift.ts';
import { ARTIFACT_FORMAT, ARTIFACT_VERSION, fileFingerprint, textFingerprint, withoutSpans, type Artifact, type MonitorPolicy } from './artifact.ts';
import { describeParams } from './candidates.ts';
import { optimize } from '../optimize/optimize.ts';
import { scoreAll } from './evaluate.ts';
import { classLevels, fitPreprocess, preprocess, targetVector } from './pipeline.ts';
import { cleanRows } from './prepare.ts';
import { bestResult, compare, fitPredict, fitSeed, runSearch, type CandidateResult, type Progress } from './search.ts';
import { threadCount } from '../runtime/workers.ts';

export interface RunOptions {
  seed?: number;
  /** worker threads for the search (default: MLP_THREADS, else every core) */
  threads?: number;
  /** directory for the artifact and report (default: the file's `export`, else ./out beside the .mlp) */
  out?: string;
  onProgress?: (p: Progress) => void;
  onNote?: (message: string) => void;
  shouldStop?: () => boolean;
  /** the .mlp text, for the fingerprint */
  text: string;
  /** include the data rows (0-based, in the file) of the train/test split and of every fold in the report */
  exportSplits?: boolean;
}

export interface LeaderboardRow {
  rank: number;
  candidate: string;
  model: string;
  line: number;
  params: string;
  mean: number | null;
  std: number | null;
  fitMs: number;
  error?: string;
  note?: string;
}

export interface RunReport {
  pipeline: string;
  file: string;
  seed: number;
  task: string;
  metric: string;
  data: { file: string; rows: number; used: number; dropped: { step: string; rows: number }[]; badRows: number };
  split: { train: number; test: number; folds: number; validation: string; rows?: { train: number[]; test: number[]; folds: { train: number[]; test: number[] }[] } };
  leaderboard: LeaderboardRow[];
  failures: string[];
  best: { candidate: string; params: string; cv: { mean: number; std: number } };
  test: { metrics: Record<string, number>; confusion?: number[][]; classes?: string[] };
  artifact: string;
  report: string;
  timings: { totalMs: number; searchMs: number };
}

export class RunError extends Error {
  override name = 'RunError';
}

/** Columns the pipeline reads (projection pushed into CSV reading). */
export function usedColumns(ir: PipelineIR): Set<string> {
  const used = new Set<string>([ir.problem.target]);
  for (const f of ir.features) f.columns.forEach((c) => used.add(c));
  for (const s of ir.prepare) {
    if (s.kind === 'drop_rows') predicateColumns(s.where, used);
    else if ('columns' in s && s.kind !== 'drop_columns') s.columns.forEach((c) => used.add(c));
  }
  for (const c of [ir.split.stratify, ir.split.by, ir.validation.groups, ir.validation.by]) if (c) used.add(c);
  return used;
}

/** The columns a model's features read (the artifact's input schema); a feature's columns include those of the features it refers to. */
export function inputColumns(ir: PipelineIR, using: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const f of ir.features) if (using.includes(f.name)) f.columns.forEach((c) => out.add(c));
  for (const s of ir.prepare) {
    if (s.kind === 'drop_rows' && s.phase === 'always') predicateColumns(s.where, out);
    if (s.kind === 'drop_outliers' && s.phase === 'always') s.columns.forEach((c) => out.add(c));
  }
  return out;
}

/** Loads the source's used columns with the types the checker inferred or the file declared. */
export async function loadData(ir: PipelineIR, columns: Set<string>, onBadRows = ir.source.onBadRows) {
  const schema = ir.source.columns.filter((c) => columns.has(c.name)).map((c) => ({ name: c.name, type: c.type as ColumnType, levels: c.type === 'category' && c.fixedLevels ? c.levels : undefined }));
  return loadFrame(ir.source.path, schema, { missing: ir.source.missingValues, onBadRows, delimiter: ir.source.delimiter });
}

function codesOf(frame: Frame, name: string): Int32Array {
  const c = frame.columns.get(name)!;
  if (c.kind === 'category') return c.codes;
  const values = c.kind === 'numeric' ? Array.from(c.values, String) : c.values.map((v) => v ?? '');
  const index = new Map<string, number>();
  return Int32Array.from(values, (v) => { if (!index.has(v)) index.set(v, index.size); return index.get(v)!; });
}

export function trainTestSplit(ir: PipelineIR, frame: Frame, seed: number): { train: Int32Array; test: Int32Array } {
  if (ir.split.by) {
    const col = frame.columns.get(ir.split.by)!;
    const key = col.kind === 'numeric' ? (i: number) => col.values[i] : (i: number) => i;
    const order = Array.from({ length: frame.rows }, (_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
    const nTest = Math.ceil(ir.split.test * frame.rows);
    return { train: Int32Array.from(order.slice(0, frame.rows - nTest)).sort(), test: Int32Array.from(order.slice(frame.rows - nTest)).sort() };
  }
  return holdout(frame.rows, { test: ir.split.test, seed, stratify: ir.split.stratify ? codesOf(frame, ir.split.stratify) : undefined });
}

function folds(ir: PipelineIR, frame: Frame, trainRows: Int32Array, seed: number): Split[] {
  const v = ir.validation;
  const train = selectRows(frame, trainRows);
  const n = trainRows.length;
  switch (v.method) {
    case 'holdout': return [holdout(n, { test: v.fraction ?? 0.2, seed, stratify: ir.problem.task === 'classification' ? codesOf(train, ir.problem.target) : undefined })];
    case 'kfold': return kfold(n, { k: v.k, shuffle: true, seed });
    case 'stratified_kfold': return stratifiedKfold(codesOf(train, ir.problem.target), { k: v.k, shuffle: true, seed });
    case 'repeated_kfold': return repeatedKfold(n, { k: v.k, repeats: v.repeats, seed, stratify: ir.problem.task === 'classification' ? codesOf(train, ir.problem.target) : undefined });
    case 'group_kfold': return groupKfold(codesOf(train, v.groups!), v.k);
    case 'time_split': {
      if (!v.by) return timeSplit(n, v.k);
      const col = train.columns.get(v.by)!;
      const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (col.kind === 'numeric' ? col.values[a] - col.values[b] : 0) || a - b);
      return timeSplit(n, v.k).map((s) => ({ train: Int32Array.from(s.train, (i) => order[i]).sort(), test: Int32Array.from(s.test, (i) => order[i]).sort() }));
    }
  }
}

/**
 * The checker saw the target's levels in a sample; the run takes them from
 * the whole file (a file sorted by class shows one level first), and checks
 * the positive class against them.
 */
function withTargetLevels(ir: PipelineIR, frame: Frame): PipelineIR {
  if (ir.problem.task !== 'classification') return ir;
  const col = frame.columns.get(ir.problem.target)!;
  let levels: string[];
  if (col.kind === 'category') levels = [...col.levels];
  else if (col.kind === 'numeric') levels = [...new Set(Array.from(col.values).filter((v) => !Number.isNaN(v)))].sort((a, b) => a - b).map(String);
  else levels = [...new Set(col.values.filter((v): v is string => v !== null))].sort();
  if (levels.length < 2) throw new RunError(`the target \`${ir.problem.target}\` has ${levels.length} level(s) in ${ir.source.rawPath}; classification needs at least two`);
  if (ir.problem.positive !== undefined && !levels.includes(ir.problem.positive)) throw new RunError(`the positive class "${ir.problem.positive}" is not a level of \`${ir.problem.target}\` (levels: ${levels.join(', ')})`);
  return { ...ir, source: { ...ir.source, columns: ir.source.columns.map((c) => (c.name === ir.problem.target ? { ...c, levels } : c)) } };
}

let lastLines: LineMap | undefined;
/** 1-based .mlp line of an offset (the line map is built once per file text). */
const lineOf = (text: string, offset: number) => (lastLines?.text === text ? lastLines : (lastLines = new LineMap(text))).position1(offset).line;

/** Runs a checked pipeline end to end. Throws RunError / CsvError for problems the user must fix. */
export async function runPipeline(checked: PipelineIR, options: RunOptions): Promise<RunReport> {
  const started = performance.now();
  const note = options.onNote ?? (() => {});
  const seed = options.seed ?? checked.split.seed;
  const plan = optimize(checked, seed);
  let ir = plan.ir;
  const outDir = options.out ? path.resolve(options.out) : undefined;
  const artifactPath = outDir ? path.join(outDir, path.basename(ir.outputs.model ?? `${ir.name}.model.json`)) : ir.outputs.model ?? path.join(path.dirname(ir.file), 'out', `${ir.name}.model.json`);
  const reportDir = outDir ?? ir.outputs.reportDir ?? path.dirname(artifactPath);

  const loaded = await loadData(ir, new Set(plan.columns));
  if (loaded.badRows.count > 0) note(`skipped ${loaded.badRows.count} malformed row(s) of ${ir.source.rawPath}; first: ${loaded.badRows.first[0]?.message}`);
  let { frame, kept: origin, dropped } = cleanRows(loaded.frame, ir.prepare);
  ir = withTargetLevels(ir, frame);
  const y = targetVector(ir, frame);
  const labelled = maskToIndices(Uint8Array.from(y, (v) => (Number.isNaN(v) ? 0 : 1)));
  const droppedReport = dropped.map((d) => ({ step: `line ${lineOf(options.text, d.step.span.start)}: ${d.step.kind.replace('_', ' ')}`, rows: d.rows }));
  if (labelled.length < frame.rows) {
    note(`dropped ${frame.rows - labelled.length} row(s) with a missing target \`${ir.problem.target}\``);
    droppedReport.push({ step: `missing target ${ir.problem.target}`, rows: frame.rows - labelled.length });
    frame = selectRows(frame, labelled);
    origin = labelled.map((i) => origin[i]);
  }
  if (frame.rows < 4) throw new RunError(`only ${frame.rows} usable row(s) in ${ir.source.rawPath} after preparation; nothing to train on`);

  const split = trainTestSplit(ir, frame, seed);
  const cvFolds = folds(ir, frame, split.train, seed);
  const list = plan.candidates;

  const searchStart = performance.now();
  const ctx = { ir, frame, trainRows: split.train, folds: cvFolds, candidates: [...list].sort((a, b) => a.id - b.id), seed, deadline: ir.search.timeSeconds ? Date.now() + ir.search.timeSeconds * 1000 : Infinity };
  const results = await runSearch(ctx, { threads: threadCount(options.threads), halving: plan.halving, onProgress: options.onProgress ?? (() => {}), shouldStop: options.shouldStop ?? (() => false) });
  const searchMs = performance.now() - searchStart;
  if (options.shouldStop?.()) throw new RunError('interrupted; nothing was written');
  const leaderboard = toLeaderboard(results, options.text, ir.problem.metric);
  const failures = groupFailures(results, options.text);
  const best = bestResult(results, ir.problem.metric);
  if (!best) throw new RunError(`every candidate failed:\n  ${failures.join('\n  ')}`);

  // refit the best candidate on the whole training split, test it once
  const using = best.candidate.model.using;
  const fitted = fitPreprocess(ir, frame, split.train, using);
  const test = preprocess(ir, frame, split.test, fitted, using);
  const out = await fitPredict(ir, best.candidate, fitted.X, fitted.y, test.X, fitSeed(seed, best.candidate, 'refit'));
  const testScores = scoreAll(ir, targetVector(ir, test.frame), out);
  const classes = classLevels(ir);

  const inputs = inputColumns(ir, using);
  const artifact: Artifact = {
    format: ARTIFACT_FORMAT, version: ARTIFACT_VERSION, pipeline: ir.name, createdAt: new Date().toISOString(), seed,
    problem: withoutSpans(ir.problem), classes,
    inputs: ir.source.columns.filter((c) => inputs.has(c.name)).map((c) => withoutSpans(c)), missingValues: [...ir.source.missingValues], delimiter: ir.source.delimiter,
    prepare: { steps: withoutSpans(ir.prepare), state: fitted.prep },
    features: { definitions: withoutSpans(ir.features), using: [...using], state: fitted.features },
    model: { candidate: best.candidate.model.name, family: best.candidate.entry.name, kernel: best.candidate.entry.kernel, params: best.candidate.params, fitParams: best.candidate.fitParams, state: out.state },
    metrics: { test: testScores.metrics, cv: { metric: ir.problem.metric, mean: best.mean, std: best.std } },
    fingerprints: { data: fileFingerprint(ir.source.path), pipeline: textFingerprint(options.text) },
    profile: Object.fromEntries([...inputs].sort().map((name) => [name, profileColumn(frame.columns.get(name)!, split.train)])),
    ...(ir.stages.monitor ? { monitor: ir.stages.monitor as unknown as MonitorPolicy } : {}),
  };
  const report: RunReport = {
    pipeline: ir.name, file: ir.file, seed, task: ir.problem.task, metric: ir.problem.metric,
    data: { file: ir.source.path, rows: loaded.frame.rows, used: frame.rows, dropped: droppedReport, badRows: loaded.badRows.count },
    split: {
      train: split.train.length, test: split.test.length, folds: cvFolds.length, validation: `${ir.validation.method}(${ir.validation.k})`,
      ...(options.exportSplits ? { rows: {
        train: Array.from(split.train, (i) => origin[i]), test: Array.from(split.test, (i) => origin[i]),
        folds: cvFolds.map((f) => ({ train: Array.from(f.train, (i) => origin[split.train[i]]), test: Array.from(f.test, (i) => origin[split.train[i]]) })),
      } } : {}),
    },
    leaderboard, failures,
    best: { candidate: best.candidate.model.name, params: describeParams(best.candidate.params), cv: { mean: best.mean, std: best.std } },
    test: { ...testScores, classes: classes.length ? classes : undefined },
    artifact: artifactPath, report: path.join(reportDir, 'report.json'),
    timings: { totalMs: 0, searchMs },
  };
  if (options.shouldStop?.()) throw new RunError('interrupted; nothing was written');
  writeFileAtomic(artifactPath, JSON.stringify(artifact) + '\n');
  report.timings.totalMs = performance.now() - started;
  writeFileAtomic(report.report, JSON.stringify(report, null, 2) + '\n');
  writeFileAtomic(path.join(reportDir, 'summary.md'), summaryMarkdown(report));
  return report;
}

function toLeaderboard(results: CandidateResult[], text: string, metric: string): LeaderboardRow[] {
  const survivors = results.filter((r) => !r.error && r.eliminatedInRound === undefined).sort((a, b) => compare(a, b, metric));
  const eliminated = results.filter((r) => !r.error && r.eliminatedInRound !== undefined).sort((a, b) => b.eliminatedInRound! - a.eliminatedInRound! || compare(a, b, metric));
  const failed = results.filter((r) => r.error);
  return [...survivors, ...eliminated, ...failed].map((r, i) => ({
    rank: r.error || r.eliminatedInRound !== undefined ? 0 : i + 1, candidate: r.candidate.model.name, model: r.candidate.entry.name, line: lineOf(text, r.candidate.model.span.start),
    params: describeParams(r.candidate.params), mean: r.error ? null : r.mean, std: r.error ? null : r.std, fitMs: Math.round(r.fitMs),
    ...(r.error ? { error: r.error } : {}), ...(r.eliminatedInRound !== undefined ? { note: `eliminated in halving round ${r.eliminatedInRound} (score on a subsample)` } : {}),
  }));
}

/** "12/40 failed: svm (line 31) kernel=rbf C=1000: …", grouped by candidate and message. */
function groupFailures(results: CandidateResult[], text: string): string[] {
  const groups = new Map<string, CandidateResult[]>();
  for (const r of results) if (r.error) {
    const key = `${r.candidate.model.name}\0${r.error}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((rs) => {
    const r = rs[0];
    const total = results.filter((x) => x.candidate.model === r.candidate.model).length;
    return `${rs.length}/${total} failed: ${r.candidate.model.name} (line ${lineOf(text, r.candidate.model.span.start)}) ${describeParams(r.candidate.params)}${rs.length > 1 ? ' and others' : ''}: ${r.error}`;
  });
}

const fmt = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : Number(x.toFixed(4)).toString());

/** The readable run summary (summary.md). */
export function summaryMarkdown(r: RunReport): string {
  const lines = [`# ${r.pipeline}`, '', `${r.task}, optimising \`${r.metric}\`, seed ${r.seed}. Data: ${r.data.used} of ${r.data.rows} rows; train ${r.split.train}, test ${r.split.test}; ${r.split.validation}.`, ''];
  lines.push('## Leaderboard', '', '| # | candidate | parameters | CV mean | ± std | fit ms |', '|---|---|---|---|---|---|');
  for (const row of r.leaderboard) lines.push(`| ${row.rank || '✗'} | ${row.candidate} (line ${row.line}) | ${row.params} | ${row.error ? 'failed: ' + row.error : fmt(row.mean)} | ${fmt(row.std)} | ${row.fitMs} |`);
  lines.push('', `## Test metrics (${r.best.candidate}: ${r.best.params})`, '', '| metric | value |', '|---|---|');
  for (const [k, v] of Object.entries(r.test.metrics)) lines.push(`| ${k} | ${fmt(v)} |`);
  if (r.test.confusion && r.test.classes) {
    lines.push('', '## Confusion matrix (rows: true, columns: predicted)', '', `| | ${r.test.classes.join(' | ')} |`, `|---|${r.test.classes.map(() => '---').join('|')}|`);
    r.test.confusion.forEach((row, i) => lines.push(`| ${r.test.classes![i]} | ${row.join(' | ')} |`));
  }
  if (r.failures.length) lines.push('', '## Failures', '', ...r.failures.map((f) => `- ${f}`));
  lines.push('', `Model: \`${r.artifact}\``, '');
  return lines.join('\n');
}

