import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The tarball tests run npm and tsc in a fresh project; they take tens of seconds.
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
