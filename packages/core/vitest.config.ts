import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Core's tests load core's build by relative path and exercise it through a test service of
// their own (test/support/test-service.ts): no client package is built or loaded.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The official SDK (a test oracle only) writes ~/.huaweicloud/application_id: keep it out of HOME.
    env: { HOME: mkdtempSync(join(tmpdir(), 'hwsec-core-home-')) },
    // Most files wait on sockets, timers and child processes rather than compute: two files at a
    // time keep both cores of a small machine busy (vitest's default there is one).
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
