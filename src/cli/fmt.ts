/**
 * `mlp fmt`: rewrites .mlp files in the canonical layout.
 *
 *   mlp fmt <files...>           rewrite files in place (atomically)
 *   mlp fmt --check <files...>   list files that would change; exit 1 if any, write nothing
 *   mlp fmt --stdout <file>      print the formatted text, write nothing
 *
 * Exit codes: 0 ok, 1 `--check` found unformatted files, 2 usage error,
 * unreadable file or syntax errors (a file with syntax errors is never written).
 */
import { chmodSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatText } from '../format/format.ts';

export interface FmtIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const usage = 'usage: mlp fmt [--check | --stdout] <files...>\n';

/** Runs `mlp fmt` with the arguments after `fmt`; returns the exit code. */
export function runFmt(args: string[], io: FmtIo): number {
  let check = false;
  let toStdout = false;
  const files: string[] = [];
  let onlyFiles = false;
  for (const arg of args) {
    if (onlyFiles || !arg.startsWith('-') || arg === '-') files.push(arg);
    else if (arg === '--') onlyFiles = true;
    else if (arg === '--check') check = true;
    else if (arg === '--stdout') toStdout = true;
    else if (arg === '-h' || arg === '--help') {
      io.stdout(usage);
      return 0;
    } else {
      io.stderr(`mlp fmt: unknown option ${arg}\n${usage}`);
      return 2;
    }
  }
  if (check && toStdout) {
    io.stderr(`mlp fmt: --check and --stdout cannot be used together\n${usage}`);
    return 2;
  }
  if (files.length === 0) {
    io.stderr(`mlp fmt: no files given\n${usage}`);
    return 2;
  }
  if (toStdout && files.length !== 1) {
    io.stderr(`mlp fmt: --stdout formats exactly one file\n${usage}`);
    return 2;
  }

  let failed = false;
  let unformatted = false;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      io.stderr(`mlp fmt: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      failed = true;
      continue;
    }
    const result = formatText(text);
    if ('error' in result) {
      const where = result.line !== undefined ? `${file}:${result.error}` : `${file}: ${result.error}`;
      io.stderr(`${where}\nmlp fmt: ${file} has syntax errors and was not formatted\n`);
      failed = true;
      continue;
    }
    if (toStdout) io.stdout(result.text);
    else if (check) {
      if (result.changed) {
        io.stdout(`${file}\n`);
        unformatted = true;
      }
    } else if (result.changed) {
      try {
        writeAtomically(file, result.text);
      } catch (e) {
        io.stderr(`mlp fmt: cannot write ${file}: ${(e as Error).message}\n`);
        failed = true;
      }
    }
  }
  return failed ? 2 : unformatted ? 1 : 0;
}

/** Writes a temp file next to the target and renames it over the target, so readers never see half a file. */
export function writeAtomically(file: string, text: string): void {
  const target = realpathSync(file); // keep symlinks pointing at the rewritten file
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx' });
    chmodSync(temp, statSync(target).mode & 0o7777);
    renameSync(temp, target);
  } catch (e) {
    try { unlinkSync(temp); } catch { /* already gone */ }
    throw e;
  }
}
