import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous: CI runs every package's tests at once on two cores, and the oracle loads slowly.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The official SDK (the signature oracle of the tests) writes ~/.huaweicloud: keep it out of HOME.
    env: { HOME: mkdtempSync(join(tmpdir(), 'hwsec-iam-home-')) },
  },
});
