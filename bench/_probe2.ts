import { kernel as mlp } from '../src/runtime/models/mlp_net.ts';
import { rng } from '../src/runtime/random.ts';
const n = 1347, d = 64, r = rng(1);
const X = new Float64Array(n * d).map(() => r() * 2 - 1);
const y = new Float64Array(n).map((_, i) => i % 10);
const t = performance.now();
const st = mlp.fit({ X: { kind: 'dense', rows: n, cols: d, data: X }, y, task: 'classification', classes: 10, seed: 1 }, { iterations: 20, tol: 0 });
console.log('ms', performance.now() - t, st.epochs, st.loss);
