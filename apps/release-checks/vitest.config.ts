import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file waits on pnpm pack, npm and tsc in their own temporary folders: two files at a
    // time keep both cores busy (vitest's default on two cores is one).
    maxWorkers: 2,
    // Bounds on a hang, not on speed: with every suite of `pnpm test` on two cores a test runs
    // about ten times slower than alone.
    testTimeout: 360_000,
    hookTimeout: 120_000,
  },
});
