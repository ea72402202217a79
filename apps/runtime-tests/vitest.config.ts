import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runtimeCacheRoot } from '@hwsec/runtimes';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file mostly waits on another runtime's process and the mock: two at a time keep both
    // cores of a small machine busy (vitest's default there is one).
    maxWorkers: 2,
    // A runtime's whole portable run happens while the file is collected; on a loaded 2-core
    // machine a cold Deno or workerd start takes a while. Generous bounds, never a stopwatch.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: {
      // The official SDK (the vectors' oracle) writes ~/.huaweicloud: keep it out of HOME; the
      // runtimes stay where setup put them, under the real HOME.
      HOME: mkdtempSync(join(tmpdir(), 'hwsec-runtime-tests-home-')),
      HWSEC_RUNTIME_CACHE: runtimeCacheRoot(),
    },
  },
});
