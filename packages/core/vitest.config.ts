import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The portable fault driver (test/portable/) imports the clients by package name, as an app (or
// Deno, Bun, workerd) would; core cannot depend on them (they depend on core), so their builds
// are mapped here (turbo.json makes core's test wait for them).
const built = (name: string) => fileURLToPath(new URL(`../${name}/dist/index.js`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@hwsec/core': fileURLToPath(new URL('./dist/index.js', import.meta.url)),
      '@hwsec/hss': built('hss'),
      '@hwsec/dsc': built('dsc'),
      '@hwsec/secmaster': built('secmaster'),
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
