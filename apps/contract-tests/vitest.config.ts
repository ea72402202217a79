import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // adding-an-api builds a copy of the workspace for minutes: the other files run beside it
    // rather than after it (vitest's default on two cores is one file at a time).
    maxWorkers: 2,
    // One mock of all three APIs for the whole run, on ephemeral ports (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    // A bound on a hang, not on speed: the longest test took 16 s in a full `pnpm test` run.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
