// Our clients configured as Huawei's SDKs are: AK/SK, a region (or a site) and IAM's endpoint, no
// project or account id. Against the stateful mock in signature mode (one simulated account, a
// project per region), the HSS client finds its region's project through the mock's IAM
// (KeystoneListProjects ?name=<region>) and BSS its account id (KeystoneListAuthDomains), each
// with one signed GET; a region without a project is a typed error and nothing is sent, and once
// the project exists the next call finds it. What each client sent is seen by a recording fetch.
import { createBssClient } from '@hwsec/bss';
import { createHssClient, HwsecLookupError, type CreateQuotasOrderRequestInfo } from '@hwsec/hss';
import { startMock, type RunningMock } from '@hwsec/mock';
import { apiIds } from '@hwsec/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleBody } from '../src/request-input.js';
import { TEST_AKSK } from './support/consumer.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({
    ports: Object.fromEntries(apiIds().map((id) => [id, 0])),
    stateful: true,
    verifySignatures: true,
    seed: 'id-lookup',
  });
});
afterAll(() => mock.close());

interface Account {
  domain_id: string;
  projects: Array<{ id: string; name: string; enabled: boolean }>;
}
const account = async (change?: Partial<Account>): Promise<Account> =>
  (await (
    await fetch(`${mock.urls['hss']}/_hwsec/account`, {
      method: change ? 'PATCH' : 'GET',
      headers: { 'content-type': 'application/json' },
      ...(change && { body: JSON.stringify(change) }),
    })
  ).json()) as Account;

/** Every request a client sends, IAM's included (the lookup runs on the client's fetch). */
function recording() {
  const sent: Array<{ method: string; url: string; headers: Record<string, string> }> = [];
  const fetchLike = (url: string, init: RequestInit) => {
    sent.push({
      method: init.method ?? 'GET',
      url,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
    });
    return fetch(url, init);
  };
  const toIam = () => sent.filter((request) => request.url.startsWith(mock.urls['iam']!));
  return { sent, fetch: fetchLike, toIam };
}

const hss = (region: 'cn-north-4' | 'ap-southeast-1', fetch: ReturnType<typeof recording>) =>
  createHssClient({
    region,
    baseUrl: mock.urls['hss']!,
    iamEndpoint: mock.urls['iam']!,
    credentials: TEST_AKSK,
    fetch: fetch.fetch,
    env: {},
  });

describe('ids found through the mock’s IAM, read-only', () => {
  it('HSS with AK/SK and a region: one IAM GET for concurrent first calls, then the project’s quotas', async () => {
    const seen = recording();
    const client = hss('cn-north-4', seen);
    const results = await Promise.all([
      client.showResourceQuotas(),
      client.showResourceQuotas(),
      client.showResourceQuotas(),
    ]);
    for (const { error, response } of results) {
      expect(error).toBeUndefined();
      expect(response.status).toBe(200);
    }
    const project = (await account()).projects.find((p) => p.name === 'cn-north-4')!;
    expect(seen.toIam().map((r) => `${r.method} ${r.url.slice(mock.urls['iam']!.length)}`)).toEqual(
      ['GET /v3/projects?name=cn-north-4'],
    );
    const toHss = seen.sent.filter((r) => r.url.startsWith(mock.urls['hss']!));
    expect(toHss).toHaveLength(3);
    for (const request of toHss) {
      expect(request.url).toBe(`${mock.urls['hss']}/v5/${project.id}/billing/quotas`);
      expect(request.headers['x-project-id']).toBe(project.id);
    }
  });

  it('a region without a project: HwsecLookupError, no order sent; once the project exists, the next call finds it', async () => {
    const before = await account();
    const own = before.projects.find((p) => p.name === 'ap-southeast-1')!;
    await account({ projects: before.projects.filter((p) => p !== own) });
    const seen = recording();
    const client = hss('ap-southeast-1', seen);
    const order = {
      body: exampleBody<CreateQuotasOrderRequestInfo>('hss', 'CreateQuotasOrder'),
    };
    const error = await client.createQuotasOrder(order).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HwsecLookupError);
    expect(error).toMatchObject({
      operation: 'CreateQuotasOrder',
      lookup: 'KeystoneListProjects',
      region: 'ap-southeast-1',
      found: 0,
      mayHaveBeenProcessed: false,
    });
    expect(seen.sent.filter((r) => r.url.startsWith(mock.urls['hss']!))).toEqual([]);

    await account({ projects: before.projects });
    const { data, error: refused } = await client.createQuotasOrder(order);
    expect(refused).toBeUndefined();
    expect(data?.order_id).toEqual(expect.any(String));
    const placed = seen.sent.filter((r) => r.url.startsWith(mock.urls['hss']!));
    expect(placed.map((r) => r.url)).toEqual([`${mock.urls['hss']}/v5/${own.id}/quotas/orders`]);
    expect(seen.toIam().map((r) => r.method)).toEqual(['GET', 'GET']);
  });

  it('BSS with AK/SK: the account id from KeystoneListAuthDomains, signed as X-Domain-Id', async () => {
    const seen = recording();
    const client = createBssClient({
      baseUrl: mock.urls['bss']!,
      iamEndpoint: mock.urls['iam']!,
      credentials: TEST_AKSK,
      fetch: seen.fetch,
      env: {},
    });
    const { error, response } = await client.listCustomerOrders();
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    const { domain_id } = await account();
    expect(seen.toIam().map((r) => `${r.method} ${r.url.slice(mock.urls['iam']!.length)}`)).toEqual(
      ['GET /v3/auth/domains'],
    );
    const toBss = seen.sent.filter((r) => r.url.startsWith(mock.urls['bss']!));
    expect(toBss.map((r) => r.headers['x-domain-id'])).toEqual([domain_id]);
    expect(toBss[0]!.headers['authorization']).toMatch(/SignedHeaders=[^,]*x-domain-id/);
  });
});
