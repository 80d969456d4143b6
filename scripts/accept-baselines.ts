/**
 * Rewrites the golden files: for every test/cases/<case>.mlp, the exact text
 * `mlp check` prints (colour off, path relative to the repo root) goes to
 * test/baselines/<case>.diagnostics.txt, and when the case has no errors the
 * `mlp ir` output goes to test/baselines/<case>.ir.txt.
 *
 *   npx tsx scripts/accept-baselines.ts            # all cases
 *   npx tsx scripts/accept-baselines.ts recovery   # only cases whose name contains "recovery"
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runCheck, runIr } from '../src/cli/check.ts';
import type { CliIO } from '../src/cli/io.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const casesDir = path.join(repoRoot, 'test/cases');
export const baselinesDir = path.join(repoRoot, 'test/baselines');

/** The case names (file names without .mlp), sorted. */
export function caseNames(): string[] {
  return fs.readdirSync(casesDir).filter((f) => f.endsWith('.mlp')).map((f) => f.slice(0, -4)).sort();
}

function capture(run: (io: CliIO) => number): { out: string; code: number } {
  let out = '';
  const io: CliIO = { stdout: (s) => { out += s; }, stderr: (s) => { out += s; }, isTTY: false };
  const code = run(io);
  return { out, code };
}

/** What the baselines of one case should hold (the IR only when `mlp check` exits 0). */
export function baselineFor(name: string): { diagnostics: string; ir?: string } {
  if (path.resolve(process.cwd()) !== repoRoot) throw new Error(`run from the repo root (${repoRoot}) so paths in the output are relative to it`);
  const rel = `test/cases/${name}.mlp`;
  const check = capture((io) => runCheck([rel], io));
  // hints may name absolute paths (e.g. "looked for /…/data.csv"); baselines must not depend on the checkout
  const diagnostics = `# mlp check ${rel} (exit ${check.code})\n${check.out}`.split(repoRoot + path.sep).join('');
  if (check.code !== 0) return { diagnostics };
  const ir = capture((io) => runIr([rel], io));
  return { diagnostics, ir: ir.out };
}

function main(filters: string[]): void {
  process.chdir(repoRoot);
  fs.mkdirSync(baselinesDir, { recursive: true });
  const names = caseNames().filter((n) => filters.length === 0 || filters.some((f) => n.includes(f)));
  for (const name of names) {
    const b = baselineFor(name);
    const write = (suffix: string, text: string | undefined) => {
      const file = path.join(baselinesDir, `${name}.${suffix}.txt`);
      const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
      if (text === undefined) {
        if (old !== undefined) { fs.rmSync(file); console.log(`removed  ${path.relative(repoRoot, file)}`); }
        return;
      }
      if (old === text) return;
      fs.writeFileSync(file, text);
      console.log(`${old === undefined ? 'created ' : 'updated '} ${path.relative(repoRoot, file)}`);
    };
    write('diagnostics', b.diagnostics);
    write('ir', b.ir);
  }
  console.log(`${names.length} case(s) checked.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main(process.argv.slice(2));
