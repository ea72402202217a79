import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.mjs'],
    // Each test starts the generator (openapi-typescript included) in a child process; CI runs
    // every package's tests at once on two cores.
    testTimeout: 60_000,
  },
});
