import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refreshBaseline } from '../src/baseline.js';
import { baselinePath, bundlePath, SPEC_APIS } from '../src/spec-layout.js';
import { createTempRepo, type TempRepo } from './support/temp-repo.js';

let repo: TempRepo;
beforeEach(() => {
  repo = createTempRepo();
});
afterEach(() => repo.remove());

describe('baseline refresh', () => {
  it('keeps the baseline while the spec version is the released one', () => {
    repo.editBundle('hss', (document) => (document.info.title = 'edited'));
    expect(refreshBaseline(repo.specDir, repo.baselineDir)).toMatchObject({ updated: false });
    expect(
      JSON.parse(readFileSync(baselinePath(repo.baselineDir, 'hss'), 'utf8')).info.title,
    ).not.toBe('edited');
  });

  it('takes the new bundles when the spec gets a new version', () => {
    repo.setSpecVersion('0.2.0');
    for (const api of SPEC_APIS)
      repo.editBundle(api, (document) => (document.info.version = '0.2.0'));
    expect(refreshBaseline(repo.specDir, repo.baselineDir)).toEqual({
      updated: true,
      from: '0.1.0',
      to: '0.2.0',
    });
    for (const api of SPEC_APIS) {
      expect(readFileSync(baselinePath(repo.baselineDir, api), 'utf8')).toBe(
        readFileSync(bundlePath(repo.specDir, api), 'utf8'),
      );
    }
  });

  it('refuses bundles whose info.version was not synced', () => {
    repo.setSpecVersion('0.2.0');
    expect(() => refreshBaseline(repo.specDir, repo.baselineDir)).toThrow(
      /sync the version and re-bundle/,
    );
  });
});
