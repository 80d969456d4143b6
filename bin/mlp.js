#!/usr/bin/env node
// The mlp command. Runs the compiled JavaScript in dist/ (built by `npm run build`,
// which `npm ci` runs through `prepare`) when it is newer than every source file;
// otherwise runs the TypeScript sources through tsx, so a stale build never runs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

// The language server re-parses on every keystroke; the parser's short-lived
// syntax trees make V8's default young generation collect (and promote) far
// too often, so the server runs with a larger one (about 3× faster analysis).
const YOUNG = '--max-semi-space-size=128';
if (process.argv[2] === 'lsp' && !process.execArgv.some((a) => a.startsWith('--max-semi-space-size'))) {
  const child = spawnSync(process.execPath, [YOUNG, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const root = fileURLToPath(new URL('..', import.meta.url));

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = `${dir}/${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function builtIsFresh() {
  try {
    return fs.statSync(`${root}dist/.built`).mtimeMs >= newestSource(`${root}src`);
  } catch {
    return false;
  }
}

let main;
if (process.env.MLP_FROM_SOURCE !== '1' && builtIsFresh()) {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
