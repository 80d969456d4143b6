/** The generated code of a few examples is pinned (test/golden-compile/*.ts.golden: not .ts, so the repo type-check skips them; the compile tests type-check programs standalone); review a diff, then accept it with `npx tsx scripts/accept-compile.ts`. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN, generate, goldenFile } from './golden.ts';

describe('mlp compile golden files', () => {
  for (const name of GOLDEN) {
    it(`${name}.ts is unchanged`, () => {
      const expected = fs.existsSync(goldenFile(name)) ? fs.readFileSync(goldenFile(name), 'utf8') : '(missing: run scripts/accept-compile.ts)';
      expect(generate(name) === expected, `test/golden-compile/${name}.ts.golden differs from what mlp compile writes now; review, then run npx tsx scripts/accept-compile.ts`).toBe(true);
    });
  }
});
