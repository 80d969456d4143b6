import { defineConfig } from 'vitest/config';

// `npm run test:parity`: mlp against scikit-learn (Debian's /usr/bin/python3 with python3-sklearn).
export default defineConfig({
  test: {
    include: ['test/parity/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
