import { afterEach, describe, expect, it } from 'vitest';
import { officialSignatureFor } from '@hwsec/test-support/gateway-check';
import { json, startServer } from '@hwsec/test-support/http-server';
import { createTestClient } from './support/test-service.js';
import { AK, PROJECT, SK } from '@hwsec/test-support/vectors';

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const fixedClock = () => new Date('2026-01-01T00:00:00Z');

describe('auth on the wire (real HTTP server on 127.0.0.1)', () => {
  it('AK/SK: signs every header it sends, and the official signer agrees on the received request', async () => {
    server = await startServer([json(200, { total_num: 3 })]);
    const client = createTestClient({
      baseUrl: server.baseUrl,
      projectId: PROJECT,
      credentials: { accessKey: AK, secretKey: SK, securityToken: 'STS-TOKEN-EXAMPLE' },
      clock: fixedClock,
      userAgent: 'hwsec-test/1.0',
    });
    const { data } = await client.showResourceQuotas({
      params: { query: { version: 'hss.version.basic' } },
    });
    expect(data).toEqual({ total_num: 3 });
    const [received] = server.received;
    expect(received!.url).toBe(`/v5/${PROJECT}/billing/quotas?version=hss.version.basic`);
    expect(received!.headers).toMatchObject({
      'content-type': 'application/json',
      'x-project-id': PROJECT,
      'x-security-token': 'STS-TOKEN-EXAMPLE',
      'x-sdk-date': '20260101T000000Z',
      'user-agent': 'hwsec-test/1.0',
    });
    expect(received!.headers['authorization']).toMatch(
      /^SDK-HMAC-SHA256 Access=AKTESTEXAMPLE0000000, SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token, Signature=[0-9a-f]{64}$/,
    );
    expect(received!.headers['authorization']).toBe(
      officialSignatureFor(received!, server.baseUrl, AK, SK),
    );
  });

  it('AK/SK POST: the body is signed as sent, with operation headers; a per-call project_id also sets X-Project-Id', async () => {
    server = await startServer([json(200, { order_id: 'o-1' })]);
    const client = createTestClient({
      baseUrl: server.baseUrl,
      projectId: PROJECT,
      credentials: { accessKey: AK, secretKey: SK },
    });
    const other = 'fedcba9876543210fedcba9876543210';
    const { data } = await client.createQuotasOrder({
      params: { path: { project_id: other }, header: { region: 'cn-north-4' } },
      body: { resource_spec_code: 'hss.version.enterprise 企业', period_num: 1 },
    });
    expect(data).toEqual({ order_id: 'o-1' });
    const [received] = server.received;
    expect(received!.url).toBe(`/v5/${other}/quotas/orders`);
    expect(received!.headers['x-project-id']).toBe(other);
    expect(received!.headers['region']).toBe('cn-north-4');
    expect(received!.body).toBe(
      '{"resource_spec_code":"hss.version.enterprise 企业","period_num":1}',
    );
    expect(received!.headers['authorization']).toBe(
      officialSignatureFor(received!, server.baseUrl, AK, SK),
    );
  });

  it('token: sends X-Auth-Token and content-type, no signature', async () => {
    server = await startServer([json(200, {})]);
    const client = createTestClient({
      baseUrl: server.baseUrl,
      projectId: PROJECT,
      credentials: { token: 'IAM-TOKEN-EXAMPLE' },
    });
    await client.showResourceQuotas();
    const headers = server.received[0]!.headers;
    expect(headers['x-auth-token']).toBe('IAM-TOKEN-EXAMPLE');
    expect(headers['content-type']).toBe('application/json');
    expect(headers['authorization']).toBeUndefined();
    expect(headers['x-sdk-date']).toBeUndefined();
  });

  it('the raw openapi-fetch client shares the same transport', async () => {
    server = await startServer([json(200, { total_num: 1 })]);
    const client = createTestClient({
      baseUrl: server.baseUrl,
      projectId: PROJECT,
      credentials: { accessKey: AK, secretKey: SK },
    });
    const { data } = await client.GET('/v5/{project_id}/billing/quotas', {
      params: { path: { project_id: PROJECT } },
    });
    expect(data).toEqual({ total_num: 1 });
    expect(server.received[0]!.headers['authorization']).toBe(
      officialSignatureFor(server.received[0]!, server.baseUrl, AK, SK),
    );
  });

  it('an injected fetch receives a plain (url, init): no Request is built', async () => {
    const calls: Array<[unknown, RequestInit]> = [];
    const client = createTestClient({
      baseUrl: 'https://hss.example.test',
      projectId: PROJECT,
      credentials: { accessKey: AK, secretKey: SK },
      clock: fixedClock,
      fetch: async (input, init) => {
        calls.push([input, init]);
        return new Response('{"order_id":"x"}', {
          status: 200,
          headers: { 'content-type': 'application/json' },
        });
      },
    });
    await client.createQuotasOrder({ body: { resource_spec_code: 'a', period_num: 1 } });
    const [input, init] = calls[0]!;
    expect(input).toBe(`https://hss.example.test/v5/${PROJECT}/quotas/orders`);
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"resource_spec_code":"a","period_num":1}');
    expect(Object.keys(init.headers as object).sort()).toEqual([
      'authorization',
      'content-type',
      'x-project-id',
      'x-sdk-date',
    ]);
  });

  it('region picks the endpoint from the servers, including the eu-west-101 exception', async () => {
    const urls: string[] = [];
    const fetch = async (input: string) => {
      urls.push(input);
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    };
    for (const region of ['cn-north-4', 'eu-west-101'] as const) {
      await createTestClient({
        region,
        projectId: PROJECT,
        credentials: { token: 't' },
        fetch,
      }).showResourceQuotas();
    }
    expect(urls).toEqual([
      `https://hss.cn-north-4.myhuaweicloud.com/v5/${PROJECT}/billing/quotas`,
      `https://hss.eu-west-101.myhuaweicloud.eu/v5/${PROJECT}/billing/quotas`,
    ]);
    expect(() =>
      createTestClient({ region: 'xx-nowhere-1' as 'cn-north-4', credentials: { token: 't' } }),
    ).toThrow(/unknown region/);
  });

  it('refuses to create a client without a project id', () => {
    expect(() =>
      createTestClient({ baseUrl: 'http://127.0.0.1:9', credentials: { token: 't' }, env: {} }),
    ).toThrow(/projectId: not given/);
  });
});
