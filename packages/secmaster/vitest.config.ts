import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The official SDK (the signature oracle of the tests) writes ~/.huaweicloud: keep it out of HOME.
    env: { HOME: mkdtempSync(join(tmpdir(), 'hwsec-secmaster-home-')) },
  },
});
