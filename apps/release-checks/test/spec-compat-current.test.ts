/**
 * The gate CI enforces: the spec in this checkout against the last released baseline. A
 * breaking change fails here unless a pending changeset declares a major bump of @hwsec/spec.
 * (`pnpm --filter @hwsec/release-checks run spec-compat` prints the same report.)
 */
import { expect, it } from 'vitest';
import { checkSpecCompat, formatSpecCompat } from '../src/spec-compat.js';
import { BASELINE_DIR, REPO_ROOT, SPEC_DIR } from '../src/spec-layout.js';

it('the current spec does not break the last release without a major changeset', async () => {
  const report = await checkSpecCompat({
    repoRoot: REPO_ROOT,
    specDir: SPEC_DIR,
    baselineDir: BASELINE_DIR,
  });
  expect(
    report.apis.every((api) => api.hasBaseline),
    'every API has a baseline',
  ).toBe(true);
  expect(report.ok, formatSpecCompat(report)).toBe(true);
});
