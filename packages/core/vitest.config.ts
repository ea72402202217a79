import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The official SDK (a test oracle only) writes ~/.huaweicloud/application_id: keep it out of HOME.
    env: { HOME: mkdtempSync(join(tmpdir(), 'hwsec-core-home-')) },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
