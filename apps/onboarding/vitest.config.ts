import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: CI runs every package's tests at once on two cores; these start real processes.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
