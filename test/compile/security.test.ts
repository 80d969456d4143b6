/**
 * Hostile names and values from a .mlp file and its data reach the
 * generated program only as data: quotes of every kind, `${...}`,
 * backslashes, newlines, `*∕`, `</script>`, U+2028/U+2029, columns named
 * `__proto__` and `constructor`, numbers 1e309 and -0. The program must
 * type-check, run, and produce exactly what the interpreter produces.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparableArtifact, comparableOutput, compileFile, ROOT, runMlp, runProgram, scratch, typeCheck } from './harness.ts';
import { literal, stringLiteral } from '../../src/compile/literal.ts';

const HOSTILE = ['a"b', "it's", '`${process.exit(7)}`', 'back\\slash', 'line\nbreak', '*/ x /*', '</script>', 'line\u2028sep\u2029', '__proto__', 'constructor'];

describe('literals', () => {
  it('round-trips hostile strings and special numbers as data', () => {
    for (const s of HOSTILE) {
      const lit = stringLiteral(s);
      expect(lit).not.toMatch(/[\n\u2028\u2029]|<\//);
      expect(JSON.parse(lit.replace(/<\\\//g, '</'))).toBe(s);
    }
    expect(literal([-0, 1e309, -1e309, NaN, 5e-324])).toBe('[-0, Infinity, -Infinity, NaN, 5e-324]');
    expect(literal({ __proto__: 1, constructor: 2, 'a b': 3 } as unknown as object)).toBe('{ constructor: 2, "a b": 3 }');
    const withProto = JSON.parse('{"__proto__": {"x": 1}}');
    expect(literal(withProto)).toBe('{ ["__proto__"]: { x: 1 } }');
  });
});

describe('mlp compile with hostile inputs', () => {
  it('type-checks, runs and treats every name and value as the literal value', async () => {
    const dir = scratch('mlp-compile-hostile-');
    for (const f of ['hostile.mlp', 'hostile.csv']) fs.copyFileSync(path.join(ROOT, 'test/compile', f), path.join(dir, f));
    const program = path.join(dir, 'hostile.ts');
    const code = compileFile(path.join(dir, 'hostile.mlp'), program);
    expect(code).not.toContain('process.exit(7)`;');
    expect(code).not.toMatch(/[\u2028\u2029]/);
    expect(await typeCheck(dir, [program])).toBe('');
    const [interp, compiled] = await Promise.all([
      runMlp(['run', 'hostile.mlp', '--seed', '3', '--out', 'out-run'], dir),
      runProgram(program, ['--seed', '3', '--out', path.join(dir, 'out-compiled')]),
    ]);
    expect(interp.code, interp.stderr).toBe(0);
    expect(compiled.code, compiled.stderr).toBe(0);
    expect(comparableOutput(compiled.stdout)).toBe(comparableOutput(interp.stdout));
    const artifactOf = (d: string) => path.join(dir, d, fs.readdirSync(path.join(dir, d)).find((f) => f.endsWith('.json') && f !== 'report.json')!);
    const artifact = comparableArtifact(artifactOf('out-compiled')) as { classes: string[]; inputs: { name: string }[] };
    expect(artifact).toEqual(comparableArtifact(artifactOf('out-run')));
    expect(artifact.classes).toEqual(['`${process.exit(7)}`', 'a"b', 'back\\slash']);
    expect(artifact.inputs.map((c) => c.name)).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'we"ird\'name ${x}\\']));
    expect(path.basename(artifactOf('out-compiled'))).toBe('script> ${x}.json');
  }, 120_000);
});
