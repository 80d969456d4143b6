/**
 * Transform fusion: a chain of element-wise transforms (log, log1p, sqrt,
 * abs, exp, square, power) runs as one pass over the data instead of one
 * pass and one temporary array per step.
 */
import type { FeatureExprIR } from '../../semantics/ir.ts';
import type { Pass } from '../plan.ts';

const ELEMENTWISE = new Set(['log', 'log1p', 'sqrt', 'abs', 'exp', 'square', 'power']);

/** The fused transform's name; featurize runs its `steps` with applyMathChain. */
export const FUSED = 'elementwise';

function fuse(e: FeatureExprIR, fused: string[]): FeatureExprIR {
  switch (e.op) {
    case 'transform': {
      const inputs = e.inputs.map((i) => fuse(i, fused));
      if (ELEMENTWISE.has(e.name) && inputs.length === 1) {
        const inner = inputs[0];
        const step = { fn: e.name, p: (e.params.p as number | undefined) ?? 1 };
        if (inner.op === 'transform' && (inner.name === FUSED || ELEMENTWISE.has(inner.name)) && inner.inputs.length === 1) {
          const innerSteps = inner.name === FUSED ? (inner.params.steps as unknown as { fn: string; p: number }[]) : [{ fn: inner.name, p: (inner.params.p as number | undefined) ?? 1 }];
          const steps = [...innerSteps, step];
          fused.push(steps.map((s) => s.fn).join(' |> '));
          return { op: 'transform', name: FUSED, params: { steps: steps as unknown as number[] }, inputs: inner.inputs };
        }
      }
      return { ...e, inputs };
    }
    case 'arith': return { ...e, left: fuse(e.left, fused), right: fuse(e.right, fused) };
    case 'neg': return { ...e, operand: fuse(e.operand, fused) };
    default: return e;
  }
}

export const fuseTransforms: Pass = (plan) => {
  const fused: string[] = [];
  const features = plan.ir.features.map((f) => {
    const before = fused.length;
    const expr = fuse(f.expr, fused);
    for (let i = before; i < fused.length; i++) fused[i] = `${f.name}: ${fused[i]}`;
    return { ...f, expr };
  });
  // keep only the longest chain reported per feature
  const notes = fused.filter((n, i) => !fused.slice(i + 1).some((m) => m.startsWith(n.split(':')[0] + ':') && m.length > n.length));
  return { ...plan, ir: { ...plan.ir, features }, passes: [...plan.passes, { name: 'fuse-transforms', notes: notes.length ? notes.map((n) => `fused ${n} into one pass`) : ['nothing to fuse'] }] };
};
