/**
 * The gate end to end on copies of the real bundles: a deliberately breaking edit of the spec
 * (making the optional `is_auto_pay` of CreateQuotasOrder required) fails it until a changeset
 * declares a major bump of @hwsec/spec, and a compatible edit passes without one.
 */
import { cpSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSpecCompat, formatSpecCompat } from '../src/spec-compat.js';
import { baselinePath, bundlePath, SPEC_APIS } from '../src/spec-layout.js';
import { createTempRepo, type TempRepo } from './support/temp-repo.js';

let repo: TempRepo;
beforeEach(() => {
  repo = createTempRepo();
});
afterEach(() => repo.remove());

const check = () =>
  checkSpecCompat({ repoRoot: repo.root, specDir: repo.specDir, baselineDir: repo.baselineDir });
const makeAutoPayRequired = (document: any) =>
  document.components.schemas.CreateQuotasOrderRequestInfo.required.push('is_auto_pay');

describe('spec gate on the real bundles', () => {
  it('passes an unchanged spec', async () => {
    // Unchanged: the baseline is the spec as it is now, for every API (new ones too).
    for (const api of SPEC_APIS)
      cpSync(bundlePath(repo.specDir, api), baselinePath(repo.baselineDir, api));
    const report = await check();
    expect(report.ok).toBe(true);
    expect(report.apis.every((api) => api.hasBaseline && api.changes.length === 0)).toBe(true);
  });

  it('catches a deliberately breaking edit: is_auto_pay made required', async () => {
    repo.editBundle('hss', makeAutoPayRequired);
    const report = await check();
    expect(report.ok).toBe(false);
    const hss = report.apis.find((api) => api.api === 'hss')!;
    expect(hss.breaking).toEqual([
      expect.objectContaining({
        rule: 'request-property-became-required',
        location: 'POST /v5/{project_id}/quotas/orders request body .is_auto_pay',
      }),
    ]);
    expect(formatSpecCompat(report)).toMatch(/spec compatibility: FAILED/);
  });

  it('still fails when the pending changesets only declare minor or patch bumps', async () => {
    repo.editBundle('hss', makeAutoPayRequired);
    repo.addChangeset('minor-spec', '"@hwsec/spec": minor\n"@hwsec/hss": patch');
    expect((await check()).ok).toBe(false);
  });

  it('fails when the major bump is declared for another package only', async () => {
    repo.editBundle('hss', makeAutoPayRequired);
    repo.addChangeset('major-client', '"@hwsec/hss": major');
    expect((await check()).ok).toBe(false);
  });

  it('passes the breaking edit once a changeset declares a major bump of @hwsec/spec', async () => {
    repo.editBundle('hss', makeAutoPayRequired);
    repo.addChangeset('small', '"@hwsec/spec": patch');
    repo.addChangeset('breaking', '"@hwsec/spec": major\n"@hwsec/hss": major');
    const report = await check();
    expect(report).toMatchObject({ ok: true, majorDeclared: true });
    expect(formatSpecCompat(report)).toMatch(/a changeset declares a major bump/);
  });

  it('passes the breaking edit in the "Version Packages" state: changesets consumed, major applied', async () => {
    repo.editBundle('hss', makeAutoPayRequired);
    repo.setSpecVersion('1.0.0');
    expect(await check()).toMatchObject({ ok: true, majorDeclared: false, majorApplied: true });
  });

  it('passes a compatible edit (a new optional field, a widened range) without any changeset', async () => {
    repo.editBundle('dsc', (document) => {
      const schemas = document.components.schemas;
      const name = Object.keys(schemas).find((key) => key.endsWith('Response'))!;
      schemas[name].properties.added_later = { type: 'string' };
    });
    repo.editBundle(
      'hss',
      (document) =>
        (document.components.schemas.CreateQuotasOrderRequestInfo.properties.subscription_num.maximum = 1000),
    );
    const report = await check();
    expect(report.ok).toBe(true);
    expect(
      report.apis
        .flatMap((api) => api.changes)
        .map((c) => c.rule)
        .sort(),
    ).toEqual(['request-range-widened', 'response-property-added']);
  });

  it('catches an operation removed from SecMaster', async () => {
    repo.editBundle(
      'secmaster',
      (document) => delete document.paths['/v1/{project_id}/subscriptions/orders'].put,
    );
    const report = await check();
    expect(report.ok).toBe(false);
    expect(report.apis.find((api) => api.api === 'secmaster')!.breaking.map((c) => c.rule)).toEqual(
      ['operation-removed'],
    );
  });
});
