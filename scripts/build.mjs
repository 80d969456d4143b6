// Compiles src/ to dist/ (tsc rewrites the .ts import extensions) and stamps the build time.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = new Date();
fs.rmSync(`${root}dist`, { recursive: true, force: true });
const tsc = `${root}node_modules/typescript/bin/tsc`;
try {
  execFileSync(process.execPath, [tsc, '-p', `${root}tsconfig.build.json`], { stdio: 'inherit' });
} catch {
  // during `npm ci` (prepare) a failed build must not fail the install: bin/mlp.js then runs the sources
  console.error('build: tsc reported errors; dist/ is not used until a clean build');
  process.exit(process.argv.includes('--prepare') ? 0 : 1);
}
fs.writeFileSync(`${root}dist/.built`, '');
fs.utimesSync(`${root}dist/.built`, started, started);
