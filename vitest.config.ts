import { defineConfig } from 'vitest/config';

// `npm test`: everything but the scikit-learn parity suite (`npm run test:parity`) and benchmarks.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/parity/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
