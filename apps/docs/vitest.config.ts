import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The browser files wait on Chromium and the servers: two at a time keep both cores busy
    // (vitest's default on two cores is one file at a time).
    maxWorkers: 2,
    // One Chromium drives every page of the site; a test checks one operation on a page already
    // open, or loads one page (a language switch).
    // Bounds on a hang, not on speed: with every suite of `pnpm test` on two cores a test runs
    // about ten times slower than alone.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
