/**
 * Each optimizer pass, before and after, on the plan's text: the IR's
 * features (printIR), the candidates in order, the prefixes and the columns.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/semantics/analyze.ts';
import { describeParams } from '../../src/interpret/candidates.ts';
import { optimize, passes } from '../../src/optimize/optimize.ts';
import type { Pass, Plan } from '../../src/optimize/plan.ts';
import { normalizeSpace } from '../../src/optimize/passes/normalizeSpace.ts';
import { pruneColumns } from '../../src/optimize/passes/pruneColumns.ts';
import { sharePrefixes } from '../../src/optimize/passes/sharePrefixes.ts';
import { fuseTransforms } from '../../src/optimize/passes/fuseTransforms.ts';
import { schedule } from '../../src/optimize/passes/schedule.ts';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples/penguins/optimize-test.mlp');

function ir(body: string) {
  const a = analyze(`data penguins = csv("penguins.csv")\nproblem classification { target = species }\n${body}`, { file });
  expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return a.ir!;
}

/** The plan as text: what the passes change. */
function text(plan: Plan): string {
  return [
    `columns: ${plan.columns.join(', ')}`,
    `candidates: ${plan.candidates.map((c) => `${c.model.name}(${describeParams(c.params)})`).join('; ')}`,
    `prefixes: ${plan.prefixes.map((p) => `[${p.using.join(',')}]×${p.candidates.length}`).join(' ')}`,
    `features: ${JSON.stringify(plan.ir.features.map((f) => f.expr))}`,
    `passes: ${plan.passes.map((p) => p.name).join(', ')}`,
  ].join('\n');
}

/** The plan just before `pass` (every earlier pass applied) and just after it. */
function around(body: string, pass: Pass): { before: string; after: string; plan: Plan } {
  const upTo = passes.slice(0, passes.indexOf(pass));
  const before = optimize(ir(body), 42, upTo);
  const after = pass(before);
  return { before: text(before), after: text(after), plan: after };
}

describe('normalize-space', () => {
  it('expands the grid, drops gamma where the kernel does not use it, and removes the duplicates that makes', () => {
    const { before, after, plan } = around(`features { x = standardize(bill_length_mm) }\nmodels { s = svm(kernel: [linear, rbf], C: [1, 10], gamma: [0.1, 1]) }`, normalizeSpace);
    expect(before).toContain('candidates: \n');
    // 2 kernels × 2 C × 2 gamma = 8 raw; linear ignores gamma → 2 + 4 = 6
    expect(plan.rawCandidates).toBe(8);
    expect(plan.candidates).toHaveLength(6);
    expect(after).toContain('s(kernel=linear C=1 epsilon=0.1 tol=0.001 class_weight=none probability=false shrinking=true)');
    expect(after).not.toMatch(/kernel=linear[^)]*(gamma|degree|coef0)/);
    expect(after).toContain('kernel=rbf C=10 gamma=1');
    expect(plan.passes.at(-1)!.notes[0]).toBe('8 raw candidate(s) → 6 distinct');
  });
});

describe('prune-columns', () => {
  it('keeps only the columns the target, features and preparation read', () => {
    const { before, after } = around(`prepare { impute sex with mode }\nfeatures { x = standardize(bill_length_mm) }\nmodels { k = knn() }`, pruneColumns);
    expect(before).toContain('columns: species, island, bill_length_mm, bill_depth_mm, flipper_length_mm, body_mass_g, sex, year');
    expect(after).toContain('columns: species, bill_length_mm, sex');
  });
});

describe('share-prefixes', () => {
  it('groups candidates by the features they read', () => {
    const { before, after, plan } = around(`features { a = standardize(bill_length_mm)\n b = onehot(island) }\nmodels { k = knn(k: [1, 3, 5])\n nb = gaussian_nb() using a\n r = ridge(alpha: [1, 10]) }`, sharePrefixes);
    expect(before).toContain('prefixes: \n');
    expect(after).toContain('prefixes: [a,b]×5 [a]×1');
    expect(plan.passes.at(-1)!.notes[0]).toBe('preprocessing fits: 30 (one per candidate × fold) → 10 (one per prefix × fold); 20 cache hit(s)');
  });
});

describe('fuse-transforms', () => {
  it('runs a chain of element-wise transforms as one step', () => {
    const { before, after } = around(`features { x = bill_length_mm |> log1p |> sqrt |> standardize\n y = abs(bill_depth_mm) }\nmodels { k = knn() }`, fuseTransforms);
    expect(before).toContain('{"op":"transform","name":"sqrt","params":{},"inputs":[{"op":"transform","name":"log1p"');
    expect(after).toContain('{"op":"transform","name":"standardize","params":{},"inputs":[{"op":"transform","name":"elementwise","params":{"steps":[{"fn":"log1p","p":1},{"fn":"sqrt","p":1}]},"inputs":[{"op":"column","name":"bill_length_mm","type":"numeric"}]}]}');
    // a single element-wise step is left alone
    expect(after).toContain('{"op":"transform","name":"abs"');
  });

  it('fused chains compute the same values as the steps one by one', async () => {
    const { applyMath, applyMathChain } = await import('../../src/runtime/features/mathfn.ts');
    const x = Float64Array.from([0, 0.5, 3, NaN, 1e6]);
    expect(applyMathChain([{ fn: 'log1p' }, { fn: 'sqrt' }, { fn: 'power', p: 3 }], x)).toEqual(applyMath('power', applyMath('sqrt', applyMath('log1p', x)), 3));
  });
});

describe('schedule', () => {
  it('puts cheap candidates first, keeping file order among equals', () => {
    const { before, after } = around(`features { a = standardize(bill_length_mm) }\nmodels { f = random_forest(trees: [50, 200])\n k = knn(k: [1, 3])\n nb = gaussian_nb() }`, schedule);
    expect(before).toMatch(/candidates: f\(trees=50.*f\(trees=200.*k\(k=1.*k\(k=3.*nb\(/);
    expect(after).toMatch(/candidates: nb\(.*k\(k=1.*k\(k=3.*f\(trees=50.*f\(trees=200/);
  });

  it('plans successive-halving rounds', () => {
    const { plan } = around(`features { a = standardize(bill_length_mm) }\nmodels { k = knn(k: 1..9) }\nsearch halving { factor = 3 }`, schedule);
    expect(plan.halving!.rounds).toEqual([{ candidates: 9, rowsFraction: 1 / 9 }, { candidates: 3, rowsFraction: 1 / 3 }, { candidates: 1, rowsFraction: 1 }]);
  });
});
