import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file waits on the commands and servers it starts: two files at a time keep both cores
    // busy (vitest's default on two cores is one). Only documented-commands runs turbo builds.
    maxWorkers: 2,
    // A bound on a hang, not on speed: the longest test took 12 s in a full `pnpm test` run.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
