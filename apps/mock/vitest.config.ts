import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The examples import the mock by its package name, as a user's test does: that name is this
  // package's source here, so they run (and typecheck, tsconfig.json) without a build first.
  resolve: {
    alias: [
      {
        find: /^@hwsec\/mock$/,
        replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      },
    ],
  },
  test: {
    // examples/*.test.ts are the README's copyable tests: run like the package's own.
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    // Most files spend their time waiting on a mock process they started (its start-up, its
    // clock, a kill and restart): two at a time keep both cores of a small machine busy, where
    // vitest's default there (cores - 1) runs the files one by one.
    maxWorkers: 2,
    // A worker runs file after file in one module cache: Prism, the bundles and the validators
    // are loaded once per worker, not once per file (about a CPU-second each). No file mocks
    // modules or changes globals; each starts and stops its own mocks.
    isolate: false,
    // Bounds on a hang, not on speed: with every suite of `pnpm test` on two cores a test runs
    // about ten times slower than alone.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
