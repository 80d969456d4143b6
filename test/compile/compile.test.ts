/**
 * `mlp compile` parity: every example (on a spread-out subset of its rows,
 * to keep the suite fast; MLP_COMPILE_FULL=1 uses all rows) is run by the
 * interpreter (`mlp run`) and by its compiled program with the same seed on
 * the same data. Stdout (leaderboard, test metrics), the artifact (apart
 * from createdAt) and the predictions `mlp predict` makes from each artifact
 * must be identical. All programs are type-checked with `tsc --strict` in
 * one run.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArtifact } from '../../src/interpret/artifact.ts';
import { predictFile, toCsv } from '../../src/interpret/predict.ts';
import { comparableArtifact, comparableOutput, compileFile, ROOT, runMlp, runProgram, scratch, typeCheck } from './harness.ts';

const FULL = process.env.MLP_COMPILE_FULL === '1';
const ROWS = 160;
const examples = fs.readdirSync(path.join(ROOT, 'examples')).sort()
  .flatMap((d) => fs.readdirSync(path.join(ROOT, 'examples', d)).filter((f) => f.endsWith('.mlp')).map((f) => path.join(ROOT, 'examples', d, f)));

/** Every `step`-th record of a CSV (quoted newlines respected), header kept. */
function subset(text: string, rows: number): string {
  const records: string[] = [];
  let start = 0, quotes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quotes++;
    else if (c === '\n' && quotes % 2 === 0) { records.push(text.slice(start, i + 1)); start = i + 1; }
  }
  if (start < text.length) records.push(text.slice(start));
  const [header, ...body] = records;
  const step = Math.max(1, Math.floor(body.length / rows));
  return header + body.filter((_, i) => i % step === 0).slice(0, rows).join('');
}

const dir = scratch('mlp-compile-');
const cases = examples.map((file) => {
  const name = path.basename(file, '.mlp');
  const caseDir = path.join(dir, name);
  fs.mkdirSync(caseDir);
  const mlp = path.join(caseDir, path.basename(file));
  fs.copyFileSync(file, mlp);
  const dataName = /csv\("([^"]+)"\)/.exec(fs.readFileSync(file, 'utf8'))![1];
  const original = path.join(path.dirname(file), dataName);
  const gz = dataName.endsWith('.gz');
  let text = gz ? zlib.gunzipSync(fs.readFileSync(original)).toString('utf8') : fs.readFileSync(original, 'utf8');
  if (!FULL) text = subset(text, ROWS);
  fs.writeFileSync(path.join(caseDir, dataName), gz ? zlib.gzipSync(text) : text);
  return { name, caseDir, mlp, data: path.join(caseDir, dataName), program: path.join(caseDir, `${name}.ts`) };
});

beforeAll(() => {
  for (const c of cases) compileFile(c.mlp, c.program);
});

describe('mlp compile', () => {
  it('writes programs that pass tsc --strict', async () => {
    expect(await typeCheck(dir, cases.map((c) => c.program))).toBe('');
  }, 120_000);

  it('imports only node built-ins and the packages its kernels need, never mlp itself', () => {
    for (const c of cases) {
      const code = fs.readFileSync(c.program, 'utf8');
      const specs = [...code.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
      for (const s of specs) expect(s.startsWith('node:') || ['ml-matrix', 'libsvm-js'].includes(s.split('/')[0]), `${c.name}: ${s}`).toBe(true);
      // the one dynamic import is runtime/workers.ts's worker bootstrap under tsx: tsx's URL and this program's own URL, never user strings
      const dynamic = code.split('\n').filter((l) => /\beval\(|new Function\b|\bimport\(\s*[^'"`]/.test(l));
      expect(dynamic).toEqual(['  const code = `import(${JSON.stringify(tsxApiUrl())}).then((tsx) => tsx.tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)}))`;']);
      expect(code).not.toMatch(/from '\.\.?\//);
    }
  });

  it('includes only the kernels each pipeline uses', () => {
    const code = fs.readFileSync(cases.find((c) => c.name === 'penguins')!.program, 'utf8');
    expect(code).toMatch(/namespace runtime_models_knn\b/);
    expect(code).not.toMatch(/namespace runtime_models_(svm|random_forest|mlp_net|gradient_boosting)\b/);
    expect(code).not.toMatch(/libsvm/);
  });

  for (const c of cases) {
    it(`${c.name}: same output, artifact and predictions as mlp run`, async () => {
      const seed = '11';
      const [interp, compiled] = await Promise.all([
        runMlp(['run', c.mlp, '--seed', seed, '--out', path.join(c.caseDir, 'out-run')], c.caseDir),
        runProgram(c.program, ['--data', c.data, '--seed', seed, '--out', path.join(c.caseDir, 'out-compiled')]),
      ]);
      expect(interp.code, interp.stderr).toBe(0);
      expect(compiled.code, compiled.stderr).toBe(0);
      expect(comparableOutput(compiled.stdout)).toBe(comparableOutput(interp.stdout));
      const artifact = (d: string) => path.join(c.caseDir, d, fs.readdirSync(path.join(c.caseDir, d)).find((f) => f.endsWith('.json') && f !== 'report.json')!);
      expect(comparableArtifact(artifact('out-compiled'))).toEqual(comparableArtifact(artifact('out-run')));
      const predict = async (d: string) => toCsv(await predictFile(readArtifact(artifact(d)), c.data));
      expect(await predict('out-compiled')).toBe(await predict('out-run'));
      const reports = ['out-run', 'out-compiled'].map((d) => JSON.parse(fs.readFileSync(path.join(c.caseDir, d, 'report.json'), 'utf8')));
      expect(reports[1].test).toEqual(reports[0].test);
      expect(reports[1].leaderboard.map((r: { fitMs?: number }) => ({ ...r, fitMs: 0 }))).toEqual(reports[0].leaderboard.map((r: { fitMs?: number }) => ({ ...r, fitMs: 0 })));
    }, FULL ? 1_800_000 : 240_000);
  }
});
