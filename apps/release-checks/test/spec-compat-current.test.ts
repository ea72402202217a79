/**
 * The gate CI enforces: the spec in this checkout against the last released baseline. A
 * breaking change fails here unless a pending changeset declares a major bump of @hwsec/spec.
 * (`pnpm --filter @hwsec/release-checks run spec-compat` prints the same report.)
 */
import { expect, it } from 'vitest';
import { declaredBumps } from '../src/changesets/declared-bumps.js';
import { checkSpecCompat, formatSpecCompat } from '../src/spec-compat.js';
import { BASELINE_DIR, REPO_ROOT, SPEC_DIR, SPEC_PACKAGE } from '../src/spec-layout.js';

it('the current spec does not break the last release without a major changeset', async () => {
  const report = await checkSpecCompat({
    repoRoot: REPO_ROOT,
    specDir: SPEC_DIR,
    baselineDir: BASELINE_DIR,
  });
  // An API with no baseline was never released: it is new, and a pending changeset must say so
  // by bumping @hwsec/spec (a lost baseline file would otherwise pass as "new" silently).
  const unreleased = report.apis.filter((api) => !api.hasBaseline).map((api) => api.api);
  if (unreleased.length > 0)
    expect(
      (await declaredBumps(REPO_ROOT)).get(SPEC_PACKAGE),
      `${unreleased.join(', ')} not released yet: a pending changeset bumps @hwsec/spec`,
    ).toMatch(/^(minor|major)$/);
  expect(report.ok, formatSpecCompat(report)).toBe(true);
});
