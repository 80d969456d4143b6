// C[B×N] = A[B×K] · W[K×N]
const B = 200, K = 64, N = 100, reps = 300;
const A = new Float64Array(B * K).map(() => Math.random()), W = new Float64Array(K * N).map(() => Math.random()), C = new Float64Array(B * N);
const WT = new Float64Array(N * K); for (let k = 0; k < K; k++) for (let j = 0; j < N; j++) WT[j * K + k] = W[k * N + j];
function axpy(A: Float64Array, W: Float64Array, C: Float64Array, B: number, K: number, N: number) {
  for (let i = 0; i < B; i++) { const co = i * N; C.fill(0, co, co + N);
    for (let k = 0; k < K; k++) { const a = A[i * K + k], wo = k * N; for (let j = 0; j < N; j++) C[co + j] += a * W[wo + j]; } }
}
function axpy4(A: Float64Array, W: Float64Array, C: Float64Array, B: number, K: number, N: number) {
  for (let i = 0; i < B; i++) { const co = i * N; C.fill(0, co, co + N); let k = 0;
    for (; k + 3 < K; k += 4) { const ao = i * K + k; const a0 = A[ao], a1 = A[ao + 1], a2 = A[ao + 2], a3 = A[ao + 3]; const w0 = k * N, w1 = w0 + N, w2 = w1 + N, w3 = w2 + N;
      for (let j = 0; j < N; j++) C[co + j] += a0 * W[w0 + j] + a1 * W[w1 + j] + a2 * W[w2 + j] + a3 * W[w3 + j]; }
    for (; k < K; k++) { const a = A[i * K + k], wo = k * N; for (let j = 0; j < N; j++) C[co + j] += a * W[wo + j]; } }
}
function dot(A: Float64Array, WT: Float64Array, C: Float64Array, B: number, K: number, N: number) {
  for (let i = 0; i < B; i++) { const ao = i * K; for (let j = 0; j < N; j++) { const wo = j * K; let s0 = 0, s1 = 0, s2 = 0, s3 = 0; let k = 0;
    for (; k + 3 < K; k += 4) { s0 += A[ao + k] * WT[wo + k]; s1 += A[ao + k + 1] * WT[wo + k + 1]; s2 += A[ao + k + 2] * WT[wo + k + 2]; s3 += A[ao + k + 3] * WT[wo + k + 3]; }
    for (; k < K; k++) s0 += A[ao + k] * WT[wo + k]; C[i * N + j] = s0 + s1 + s2 + s3; } }
}
function dot4(A: Float64Array, WT: Float64Array, C: Float64Array, B: number, K: number, N: number) {
  // 2 rows × 2 cols register block
  for (let i = 0; i + 1 < B; i += 2) { const a0 = i * K, a1 = a0 + K; for (let j = 0; j + 1 < N; j += 2) { const w0 = j * K, w1 = w0 + K; let s00 = 0, s01 = 0, s10 = 0, s11 = 0;
    for (let k = 0; k < K; k++) { const x0 = A[a0 + k], x1 = A[a1 + k], y0 = WT[w0 + k], y1 = WT[w1 + k]; s00 += x0 * y0; s01 += x0 * y1; s10 += x1 * y0; s11 += x1 * y1; }
    C[i * N + j] = s00; C[i * N + j + 1] = s01; C[(i + 1) * N + j] = s10; C[(i + 1) * N + j + 1] = s11; } }
}
for (const [name, f, w] of [['axpy', axpy, W], ['axpy4', axpy4, W], ['dot', dot, WT], ['dot2x2', dot4, WT]] as const) {
  for (let r = 0; r < 50; r++) f(A, w, C, B, K, N);
  const t = performance.now(); for (let r = 0; r < reps; r++) f(A, w, C, B, K, N);
  const ms = performance.now() - t; console.log(name, (B * K * N * reps / ms / 1e6).toFixed(2), 'GMAC/s');
}
