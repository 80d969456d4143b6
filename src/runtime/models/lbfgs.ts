/**
 * Limited-memory BFGS on Float64Arrays with a strong-Wolfe line search
 * (Nocedal & Wright, algorithms 3.5/3.6 with cubic interpolation). Stops like
 * scipy's L-BFGS-B as scikit-learn calls it: max |gradient| ≤ gtol, or a
 * relative objective decrease ≤ ftol. With an L1 term it becomes OWL-QN
 * (Andrew & Gao 2007): pseudo-gradient, orthant-projected steps, backtracking.
 */
import { KernelError } from './contract.ts';

/** Writes the gradient at x into grad and returns the objective. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  maxIterations: number;
  gtol: number;
  /** relative decrease threshold (scipy's factr × eps); default 64 × machine epsilon as scikit-learn sets it */
  ftol?: number;
  /** stored correction pairs; default 10 like scipy */
  memory?: number;
  /** adds weight·Σ|x_j| over the first `count` coordinates (OWL-QN) */
  l1?: { weight: number; count: number };
}

export interface LbfgsResult {
  x: Float64Array;
  f: number;
  iterations: number;
  converged: boolean;
}

const C1 = 1e-4, C2 = 0.9, MAX_EVALS = 50;

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Minimizes fg(x) (+ an optional L1 term) from x0; throws a KernelError if the objective becomes NaN. */
export function lbfgs(fg: Objective, x0: Float64Array, options: LbfgsOptions): LbfgsResult {
  const n = x0.length, m = options.memory ?? 10, ftol = options.ftol ?? 64 * Number.EPSILON;
  const l1 = options.l1 && options.l1.weight > 0 ? options.l1 : null;
  const x = Float64Array.from(x0), g = new Float64Array(n), pg = new Float64Array(n), d = new Float64Array(n);
  const xNew = new Float64Array(n), gNew = new Float64Array(n);
  const S = Array.from({ length: m }, () => new Float64Array(n)), Y = Array.from({ length: m }, () => new Float64Array(n));
  const rho = new Float64Array(m), alphas = new Float64Array(m);
  let stored = 0, head = 0;
  const total = (smooth: number, at: Float64Array) => (l1 ? smooth + l1.weight * l1Norm(at, l1.count) : smooth);
  let f = total(fg(x, g), x);
  if (!Number.isFinite(f)) throw new KernelError(`the loss is ${f} at the starting point`);
  let iter = 0;
  for (; iter < options.maxIterations; iter++) {
    pg.set(g);
    if (l1) pseudoGradient(x, g, l1.weight, l1.count, pg);
    let gMax = 0;
    for (let i = 0; i < n; i++) gMax = Math.max(gMax, Math.abs(pg[i]));
    if (gMax <= options.gtol) return { x, f, iterations: iter, converged: true };
    // two-loop recursion: d = −H·pg
    for (let i = 0; i < n; i++) d[i] = -pg[i];
    for (let t = 0; t < stored; t++) {
      const s = (head - 1 - t + m) % m;
      alphas[s] = rho[s] * dot(S[s], d);
      for (let i = 0; i < n; i++) d[i] -= alphas[s] * Y[s][i];
    }
    if (stored > 0) {
      const last = (head - 1 + m) % m, gamma = 1 / (rho[last] * dot(Y[last], Y[last]));
      for (let i = 0; i < n; i++) d[i] *= gamma;
    }
    for (let t = stored - 1; t >= 0; t--) {
      const s = (head - 1 - t + m) % m, beta = rho[s] * dot(Y[s], d);
      for (let i = 0; i < n; i++) d[i] += (alphas[s] - beta) * S[s][i];
    }
    if (l1) for (let i = 0; i < l1.count; i++) if (d[i] * pg[i] >= 0) d[i] = 0; // keep only descent components
    let dg = dot(d, pg);
    if (!(dg < 0)) { // not a descent direction: restart from steepest descent
      stored = 0;
      for (let i = 0; i < n; i++) d[i] = -pg[i];
      dg = dot(d, pg);
    }
    const step0 = stored === 0 ? Math.min(1, 1 / Math.sqrt(dot(d, d))) : 1;
    const fNew = l1
      ? orthantSearch(fg, x, f, pg, d, step0, l1.weight, l1.count, xNew, gNew)
      : wolfeSearch(fg, x, f, dg, d, step0, xNew, gNew);
    if (fNew === null) return { x, f, iterations: iter, converged: false };
    const s = S[head], y = Y[head];
    for (let i = 0; i < n; i++) { s[i] = xNew[i] - x[i]; y[i] = gNew[i] - g[i]; }
    const sy = dot(s, y);
    if (sy > 1e-10 * dot(y, y)) { rho[head] = 1 / sy; head = (head + 1) % m; stored = Math.min(stored + 1, m); }
    x.set(xNew); g.set(gNew);
    const decrease = (f - fNew) / Math.max(Math.abs(f), Math.abs(fNew), 1);
    f = fNew;
    if (decrease <= ftol) return { x, f, iterations: iter + 1, converged: true };
  }
  return { x, f, iterations: iter, converged: false };
}

/** Σ|x_j| over the first `count` coordinates. */
function l1Norm(x: Float64Array, count: number): number {
  let s = 0;
  for (let i = 0; i < count; i++) s += Math.abs(x[i]);
  return s;
}

/** OWL-QN pseudo-gradient of f + weight·Σ|x_j| (j < count): the steepest-descent slope at kinks. */
function pseudoGradient(x: Float64Array, g: Float64Array, weight: number, count: number, pg: Float64Array): void {
  for (let i = 0; i < count; i++) {
    if (x[i] > 0) pg[i] = g[i] + weight;
    else if (x[i] < 0) pg[i] = g[i] - weight;
    else if (g[i] + weight < 0) pg[i] = g[i] + weight;
    else if (g[i] - weight > 0) pg[i] = g[i] - weight;
    else pg[i] = 0;
  }
}

/**
 * OWL-QN backtracking: steps stay in the orthant of x (or of −pg where x is 0); coordinates
 * that would cross zero stop at zero. Returns the accepted objective, or null.
 */
function orthantSearch(fg: Objective, x: Float64Array, f0: number, pg: Float64Array, d: Float64Array, step0: number,
  weight: number, count: number, xNew: Float64Array, gNew: Float64Array): number | null {
  for (let t = step0, evals = 0; evals < MAX_EVALS; evals++, t *= 0.5) {
    let decrease = 0;
    for (let i = 0; i < x.length; i++) {
      let v = x[i] + t * d[i];
      if (i < count) {
        const orthant = x[i] !== 0 ? Math.sign(x[i]) : -Math.sign(pg[i]);
        if (Math.sign(v) !== orthant) v = 0;
      }
      xNew[i] = v;
      decrease += pg[i] * (v - x[i]);
    }
    const smooth = fg(xNew, gNew);
    if (Number.isNaN(smooth)) throw new KernelError('the loss became NaN during optimization; check the data scale and parameters');
    const f = smooth + weight * l1Norm(xNew, count);
    if (f <= f0 + C1 * decrease) return f;
  }
  return null;
}

/** Minimizer of the cubic through (a, fa, ga) and (b, fb, gb), kept inside the interval; bisection as fallback. */
function cubicStep(a: number, fa: number, ga: number, b: number, fb: number, gb: number): number {
  const d1 = ga + gb - 3 * (fa - fb) / (a - b);
  const disc = d1 * d1 - ga * gb;
  const lo = Math.min(a, b), hi = Math.max(a, b), margin = 0.1 * (hi - lo);
  if (disc >= 0 && Number.isFinite(fb)) {
    const d2 = Math.sign(b - a) * Math.sqrt(disc);
    const t = b - (b - a) * (gb + d2 - d1) / (gb - ga + 2 * d2);
    if (t >= lo + margin && t <= hi - margin) return t;
  }
  return (a + b) / 2;
}

/**
 * Strong-Wolfe line search along d from x (objective f0, slope dg0 < 0). On success
 * xNew/gNew hold the accepted point and its objective is returned; null on failure.
 */
function wolfeSearch(fg: Objective, x: Float64Array, f0: number, dg0: number, d: Float64Array, step0: number,
  xNew: Float64Array, gNew: Float64Array): number | null {
  const evaluate = (t: number) => {
    for (let i = 0; i < x.length; i++) xNew[i] = x[i] + t * d[i];
    const f = fg(xNew, gNew);
    if (Number.isNaN(f)) throw new KernelError('the loss became NaN during optimization; check the data scale and parameters');
    return f;
  };
  let lo = 0, fLo = f0, gLo = dg0, hi = NaN, fHi = NaN, gHi = NaN;
  let t = step0;
  for (let evals = 0; evals < MAX_EVALS; evals++) {
    const f = evaluate(t), g = dot(gNew, d);
    const armijo = f <= f0 + C1 * t * dg0 && f < fLo;
    if (!armijo) { hi = t; fHi = f; gHi = g; }
    else if (Math.abs(g) <= -C2 * dg0) return f;
    else if (Number.isNaN(hi) ? g >= 0 : g * (hi - t) >= 0) { hi = lo; fHi = fLo; gHi = gLo; lo = t; fLo = f; gLo = g; }
    else { lo = t; fLo = f; gLo = g; }
    if (Number.isNaN(hi)) { t *= 4; continue; } // still bracketing: the step is too short
    t = cubicStep(lo, fLo, gLo, hi, fHi, gHi);
    if (Math.abs(hi - lo) < 1e-16 * Math.max(1, Math.abs(lo))) break;
  }
  if (lo === 0) return null;
  return evaluate(lo);
}
