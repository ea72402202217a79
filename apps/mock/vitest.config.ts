import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Most files spend their time waiting on a mock process they started (its start-up, its
    // clock, a kill and restart): two at a time keep both cores of a small machine busy, where
    // vitest's default there (cores - 1) runs the files one by one.
    maxWorkers: 2,
    // Bounds on a hang, not on speed: with every suite of `pnpm test` on two cores a test runs
    // about ten times slower than alone.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
