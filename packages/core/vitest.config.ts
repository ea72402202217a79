import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { clientBuild } from './test/support/package-paths.js';

// The portable fault driver (test/portable/) imports the clients by package name, as an app (or
// Deno, Bun, workerd) would; core cannot depend on them (they depend on core), so their builds
// are mapped here (turbo.json makes core's test wait for them).
export default defineConfig({
  resolve: {
    alias: {
      '@hwsec/core': fileURLToPath(new URL('./dist/index.js', import.meta.url)),
      '@hwsec/hss': clientBuild('hss'),
      '@hwsec/dsc': clientBuild('dsc'),
      '@hwsec/secmaster': clientBuild('secmaster'),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    // The official SDK (a test oracle only) writes ~/.huaweicloud/application_id: keep it out of HOME.
    env: { HOME: mkdtempSync(join(tmpdir(), 'hwsec-core-home-')) },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
