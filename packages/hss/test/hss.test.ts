// The HSS client against a real HTTP server on 127.0.0.1: both operations, both credential
// kinds, signatures checked with Huawei's official signer, retries safe with money.
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { officialSignatureFor } from '@hwsec/test-support/gateway-check';
import { json, startServer } from '@hwsec/test-support/http-server';
import { createHssClient, hssServers, unwrap, HwsecApiError } from '../src/generated/index.js';

const AK = 'AKTESTEXAMPLE0000000';
const SK = 'SKtestexample0000000000000000000000000000';
const PROJECT = '0123456789abcdef0123456789abcdef';
const spec = createRequire(import.meta.url)('@hwsec/spec/hss.json') as {
  servers: Array<{ url: string; variables: { region: { enum: string[] } } }>;
};

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const noWait = { maxAttempts: 3, random: () => 0, sleep: async () => undefined };

describe('@hwsec/hss', () => {
  it('CreateQuotasOrder with AK/SK: the official signer verifies the request', async () => {
    server = await startServer([json(200, { order_id: 'CS2601010000ABCDE' })]);
    const hss = createHssClient({
      baseUrl: server.baseUrl,
      projectId: PROJECT,
      credentials: { accessKey: AK, secretKey: SK },
    });
    const result = await hss.createQuotasOrder({
      params: { query: { enterprise_project_id: '0' }, header: { region: 'cn-north-4' } },
      body: {
        resource_spec_code: 'hss.version.enterprise',
        period_type: 2,
        period_num: 1,
        subscription_num: 1,
        is_auto_renew: false,
        is_auto_pay: false,
      },
    });
    expect(unwrap(result)).toEqual({ order_id: 'CS2601010000ABCDE' });
    const [received] = server.received;
    expect(received).toMatchObject({
      method: 'POST',
      url: `/v5/${PROJECT}/quotas/orders?enterprise_project_id=0`,
    });
    expect(JSON.parse(received!.body)).toEqual({
      resource_spec_code: 'hss.version.enterprise',
      period_type: 2,
      period_num: 1,
      subscription_num: 1,
      is_auto_renew: false,
      is_auto_pay: false,
    });
    expect(received!.headers['authorization']).toMatch(
      /SignedHeaders=content-type;host;region;x-project-id;x-sdk-date,/,
    );
    expect(received!.headers['authorization']).toBe(
      officialSignatureFor(received!, server.baseUrl, AK, SK),
    );
  });

  it('ShowResourceQuotas with a token', async () => {
    const body = {
      data_list: [{ version: 'hss.version.basic', total_num: 2, used_num: 1, available_num: 1 }],
      total_num: 1,
    };
    server = await startServer([json(200, body)]);
    const hss = createHssClient({
      baseUrl: server.baseUrl,
      projectId: PROJECT,
      credentials: { token: 'IAM-TOKEN' },
    });
    const { data } = await hss.showResourceQuotas({
      params: { query: { version: 'hss.version.basic', enterprise_project_id: 'all_granted_eps' } },
    });
    expect(data).toEqual(body);
    expect(server.received[0]).toMatchObject({
      method: 'GET',
      url: `/v5/${PROJECT}/billing/quotas?version=hss.version.basic&enterprise_project_id=all_granted_eps`,
    });
    expect(server.received[0]!.headers['x-auth-token']).toBe('IAM-TOKEN');
  });

  it('a 503 on CreateQuotasOrder is not resent; ShowResourceQuotas is', async () => {
    server = await startServer([
      json(503, { error_code: 'HSS.0503', error_msg: 'busy' }, { 'X-Request-Id': 'r-503' }),
      json(200, { order_id: 'second' }),
    ]);
    const hss = createHssClient({
      baseUrl: server.baseUrl,
      projectId: PROJECT,
      credentials: { accessKey: AK, secretKey: SK },
      retry: noWait,
    });
    const order = await hss.createQuotasOrder({
      body: {
        resource_spec_code: 'hss.version.basic',
        period_type: 2,
        period_num: 1,
        subscription_num: 1,
      },
    });
    expect(server.received).toHaveLength(1);
    expect(() => unwrap(order)).toThrow(HwsecApiError);
    expect(() => unwrap(order)).toThrow(
      expect.objectContaining({
        status: 503,
        errorCode: 'HSS.0503',
        requestId: 'r-503',
        operation: 'CreateQuotasOrder',
      }),
    );

    await server.close();
    server = await startServer([json(503, {}), json(200, { total_num: 0 })]);
    const reader = createHssClient({
      baseUrl: server.baseUrl,
      projectId: PROJECT,
      credentials: { accessKey: AK, secretKey: SK },
      retry: noWait,
    });
    expect((await reader.showResourceQuotas()).data).toEqual({ total_num: 0 });
    expect(server.received).toHaveLength(2);
  });

  it('the servers come from the spec, including the eu-west-101 exception', async () => {
    expect(hssServers.map((s) => ({ url: s.url, regions: [...s.regions] }))).toEqual(
      spec.servers.map((s) => ({ url: s.url, regions: s.variables.region.enum })),
    );
    const urls: string[] = [];
    const fetch = async (url: string) => {
      urls.push(url);
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    };
    await createHssClient({
      region: 'ap-southeast-1',
      projectId: PROJECT,
      credentials: { token: 't' },
      fetch,
    }).showResourceQuotas();
    await createHssClient({
      region: 'eu-west-101',
      projectId: PROJECT,
      credentials: { token: 't' },
      fetch,
    }).showResourceQuotas();
    expect(urls).toEqual([
      `https://hss.ap-southeast-1.myhuaweicloud.com/v5/${PROJECT}/billing/quotas`,
      `https://hss.eu-west-101.myhuaweicloud.eu/v5/${PROJECT}/billing/quotas`,
    ]);
  });
});
