// IAM over the simulated account: a fresh mock has one domain (its id from the seed) and one
// project per region the regional APIs' servers name, so the SDKs' lookup by region name finds
// exactly one; projects added through the control API are listed too, a sub-project under its
// region's project. Nothing creates a project through IAM.
import { loadBundle, readApiRegistry } from '@hwsec/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMock } from '../src/index.js';
import { control, expectValidAnswer, identity, startStatefulMock } from './stateful-helpers.js';

/** Every region a regional API's server names, read from the specs here too. */
const regions = [
  ...new Set(
    readApiRegistry()
      .apis.filter((api) => !api.global)
      .flatMap((api) =>
        (
          loadBundle(api.id).servers as Array<{ variables?: { region?: { enum?: string[] } } }>
        ).flatMap((server) => server.variables?.region?.enum ?? []),
      ),
  ),
];

let mock: RunningMock;
beforeAll(async () => {
  mock = await startStatefulMock({ seed: 'iam-tests' });
});
afterAll(() => mock.close());

async function projects(query: Record<string, string> = {}) {
  const answer = await identity(mock.urls).projects(query);
  expect(answer.status).toBe(200);
  expectValidAnswer('iam', 'KeystoneListProjects', 200, answer.body);
  return answer.body.projects as Array<{
    id: string;
    name: string;
    domain_id: string;
    parent_id: string;
  }>;
}

describe('KeystoneListProjects on a fresh mock', () => {
  it('finds exactly one project by each region’s name, named after it, under the domain', async () => {
    expect(regions).toContain('cn-north-4');
    const { body } = await identity(mock.urls).domains();
    const domainId = body.domains[0].id as string;
    const seen = new Set<string>();
    for (const region of regions) {
      const found = await projects({ name: region });
      expect(found, region).toHaveLength(1);
      expect(found[0]).toMatchObject({ name: region, domain_id: domainId, parent_id: domainId });
      expect(found[0]!.id).toMatch(/^[0-9a-f]{32}$/);
      seen.add(found[0]!.id);
    }
    expect(seen.size).toBe(regions.length);
    expect(await projects()).toHaveLength(regions.length);
    expect(await projects({ name: 'xx-nowhere-1' })).toEqual([]);
    expect(await projects({ domain_id: 'another-domain' })).toEqual([]);
  });

  it('the ids come from the seed: the same seed gives the same account, another seed another', async () => {
    const [ours] = await projects({ name: 'cn-north-4' });
    const same = await startStatefulMock({ seed: 'iam-tests' });
    const other = await startStatefulMock({ seed: 'other-seed' });
    try {
      const idOf = async (m: RunningMock) =>
        (await identity(m.urls).projects({ name: 'cn-north-4' })).body.projects[0].id;
      expect(await idOf(same)).toBe(ours!.id);
      expect(await idOf(other)).not.toBe(ours!.id);
    } finally {
      await same.close();
      await other.close();
    }
  });
});

describe('KeystoneListAuthDomains', () => {
  it('lists the account’s one domain, the customer_id BSS shows', async () => {
    const answer = await identity(mock.urls).domains();
    expect(answer.status).toBe(200);
    expectValidAnswer('iam', 'KeystoneListAuthDomains', 200, answer.body);
    const account = (await control(mock.urls.hss!).account()).body;
    expect(answer.body.domains).toMatchObject([
      { id: account.domain_id, name: account.domain_name, enabled: true },
    ]);
  });
});

describe('projects added through the control API', () => {
  it('are listed; a sub-project has its region’s project as parent; a reset brings the fresh list back', async () => {
    const api = control(mock.urls.hss!);
    const account = (await api.account()).body;
    const region = account.projects.find((p: { name: string }) => p.name === 'cn-north-4');
    const added = { id: 'f'.repeat(32), name: 'cn-north-4_tests', enabled: true };
    const updated = await api.updateAccount({ projects: [...account.projects, added] });
    expect(updated.status).toBe(200);
    expect(await projects({ name: 'cn-north-4_tests' })).toMatchObject([
      { id: added.id, parent_id: region.id },
    ]);
    expect(await projects({ parent_id: region.id })).toMatchObject([{ id: added.id }]);
    // The region's own lookup still finds exactly one.
    expect(await projects({ name: 'cn-north-4' })).toHaveLength(1);

    expect((await api.reset()).status).toBe(204);
    expect(await projects({ name: 'cn-north-4_tests' })).toEqual([]);
    expect((await api.account()).body).toEqual(account);
  });
});
