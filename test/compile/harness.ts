/** Shared by the compile tests: a scratch folder where generated programs type-check and run against this repo's node_modules. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { analyze } from '../../src/semantics/analyze.ts';
import { compilePipeline } from '../../src/compile/compile.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** A temp folder with package.json (type: module) and node_modules → the repo's. */
export function scratch(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Compiles `mlpFile` to `outFile`; throws on diagnostics errors. */
export function compileFile(mlpFile: string, outFile: string): string {
  const text = fs.readFileSync(mlpFile, 'utf8');
  const a = analyze(text, { file: path.resolve(mlpFile) });
  if (!a.ir) throw new Error(`${mlpFile}: ${a.diagnostics.map((d) => d.message).join('; ')}`);
  const { code } = compilePipeline(a.ir, { text, outFile });
  fs.writeFileSync(outFile, code);
  return code;
}

/** `tsc --strict --noEmit` over the given programs (one run); returns its output ('' when clean). */
export async function typeCheck(dir: string, files: string[]): Promise<string> {
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', types: ['node'], skipLibCheck: true },
    files: files.map((f) => path.relative(dir, f)),
  }));
  try {
    await run(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', path.join(dir, 'tsconfig.json')], { cwd: dir });
    return '';
  } catch (err) {
    return String((err as { stdout?: string }).stdout ?? err);
  }
}

/** Runs a program with tsx; returns stdout, stderr and the exit code. */
export async function runProgram(file: string, args: string[], env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const r = await run(path.join(ROOT, 'node_modules/.bin/tsx'), [file, ...args], { cwd: path.dirname(file), env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
    return { stdout: r.stdout, stderr: r.stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

/** Runs `mlp <args>` (the interpreter) in a child process. */
export async function runMlp(args: string[], cwd: string): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const r = await run(process.execPath, [path.join(ROOT, 'bin/mlp.js'), ...args], { cwd, maxBuffer: 1 << 26 });
    return { stdout: r.stdout, stderr: r.stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

/** An artifact without what legitimately differs between runs (its creation time). */
export function comparableArtifact(file: string): unknown {
  const a = JSON.parse(fs.readFileSync(file, 'utf8'));
  delete a.createdAt;
  return a;
}

/** stdout of a run with fit timings and output paths blanked. */
export function comparableOutput(s: string): string {
  return s.split('\n').map((l) => l.replace(/\s+\d+$/, '').replace(/^(Model|Report): .*/, '$1: …').replace(/ more in .*$/, ' more in …')).join('\n');
}
