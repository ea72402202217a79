import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One Chromium drives every page of the site; a cold start plus 4 operations × 3 checks
    // stays well under these limits on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
