#!/usr/bin/env node
/**
 * Runs after `changeset version` (root script `version-packages`): moves the spec's info.version
 * with its package, re-bundles, and makes the new bundles the baseline of the next release.
 */
import { execFileSync } from 'node:child_process';
import { refreshBaseline } from '../baseline.js';
import { BASELINE_DIR, REPO_ROOT, SPEC_DIR } from '../spec-layout.js';
import { syncSpecVersion } from '../spec-version.js';

for (const { api, from, to } of syncSpecVersion(SPEC_DIR)) {
  if (from !== to) console.log(`${api}: info.version ${from ?? '(none)'} -> ${to}`);
}
execFileSync(
  'pnpm',
  ['exec', 'turbo', 'run', 'bundle', '--filter', '@hwsec/spec', '--output-logs=errors-only'],
  {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      TURBO_TELEMETRY_DISABLED: '1',
      DO_NOT_TRACK: '1',
      REDOCLY_TELEMETRY: 'off',
    },
  },
);
const baseline = refreshBaseline(SPEC_DIR, BASELINE_DIR);
console.log(
  baseline.updated
    ? `baseline: ${baseline.from ?? '(none)'} -> ${baseline.to}`
    : `baseline: unchanged (${baseline.to})`,
);
