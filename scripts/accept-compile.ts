/** Rewrites test/golden-compile/*.ts from what `mlp compile` generates now (review the diff before committing). */
import fs from 'node:fs';
import path from 'node:path';
import { GOLDEN, generate, goldenFile } from '../test/compile/golden.ts';

for (const name of GOLDEN) {
  const file = goldenFile(name);
  const code = generate(name);
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, code);
  console.log(`${old === code ? 'unchanged' : old === undefined ? 'created  ' : 'updated  '} ${path.relative(process.cwd(), file)}`);
}
