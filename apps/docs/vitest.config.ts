import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The browser files wait on Chromium and the servers far more than they compute (the site
    // test used a quarter of a core): three at a time keep both cores busy, where vitest's
    // default on two cores runs one file at a time.
    maxWorkers: 3,
    // Each file drives the site with one Chromium; a test checks one operation on a page already
    // open, or loads one page (a language switch). A bound on a hang, not on speed: the longest
    // test took 14 s in a full `pnpm test` run.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
