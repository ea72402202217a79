// The exact set of headers a real server on 127.0.0.1 receives per auth mode: a token sends
// X-Auth-Token and never X-Project-Id or a signature; AK/SK signs, sends X-Project-Id (when there
// is a project) and X-Security-Token only with temporary credentials. Plus the content-type rule
// and header values that cannot be sent (refused before sending, naming the option, never
// quoting it).
import { afterEach, describe, expect, it } from 'vitest';
import { officialSignatureFor } from '@hwsec/test-support/gateway-check';
import { json, startServer, type Received } from '@hwsec/test-support/http-server';
import { createServiceClient, HwsecInputError, PlainRequest } from '../dist/index.js';
import { createTestClient, testServers } from './support/test-service.js';
import { AK, PROJECT, SK } from '@hwsec/test-support/vectors';

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const clock = () => new Date('2026-01-01T00:00:00Z');
/** What every request carries whatever the auth: the Node fetch's own transport headers. */
const TRANSPORT = ['accept-encoding', 'connection', 'host'];
const names = (received: Received) =>
  Object.keys(received.headers)
    .filter((name) => !TRANSPORT.includes(name))
    .sort();

/** A service none of whose operations has a `{project_id}` (as IAM's region list). */
const createGlobalClient = (options: Parameters<typeof createServiceClient>[0]) =>
  createServiceClient(options, {
    servers: testServers,
    operations: { ListRegions: { method: 'get', path: '/v3/regions' } },
  }) as unknown as { listRegions(): Promise<{ data?: unknown }> };

describe('the exact header set per auth mode', () => {
  it('token: content-type and X-Auth-Token only; no X-Project-Id, no date, no signature', async () => {
    server = await startServer([json(200, { total_num: 1 })]);
    await createTestClient({
      baseUrl: server.baseUrl,
      projectId: PROJECT,
      credentials: { token: 'IAM-TOKEN-EXAMPLE' },
      env: {},
      clock,
    }).showResourceQuotas();
    const [received] = server.received;
    expect(names(received!)).toEqual(['content-type', 'x-auth-token']);
    expect(received!.headers['x-auth-token']).toBe('IAM-TOKEN-EXAMPLE');
    expect(received!.headers['content-type']).toBe('application/json');
  });

  it('permanent AK/SK (here from the environment): signed, X-Project-Id, no X-Security-Token', async () => {
    server = await startServer([json(200, { total_num: 1 })]);
    await createTestClient({
      baseUrl: server.baseUrl,
      env: {
        HUAWEICLOUD_SDK_AK: AK,
        HUAWEICLOUD_SDK_SK: SK,
        HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
      },
      clock,
    }).showResourceQuotas();
    const [received] = server.received;
    expect(names(received!)).toEqual([
      'authorization',
      'content-type',
      'x-project-id',
      'x-sdk-date',
    ]);
    expect(received!.headers['x-project-id']).toBe(PROJECT);
    expect(received!.headers['authorization']).toBe(
      officialSignatureFor(received!, server.baseUrl, AK, SK),
    );
    expect(received!.headers['authorization']).toContain(
      'SignedHeaders=content-type;host;x-project-id;x-sdk-date,',
    );
  });

  it('temporary AK/SK: X-Security-Token too, signed; a userAgent is sent unsigned', async () => {
    server = await startServer([json(200, { total_num: 1 })]);
    await createTestClient({
      baseUrl: server.baseUrl,
      projectId: PROJECT,
      credentials: { accessKey: AK, secretKey: SK, securityToken: 'STS-TOKEN-EXAMPLE' },
      userAgent: 'hwsec-test/1.0',
      env: {},
      clock,
    }).showResourceQuotas();
    const [received] = server.received;
    expect(names(received!)).toEqual([
      'authorization',
      'content-type',
      'user-agent',
      'x-project-id',
      'x-sdk-date',
      'x-security-token',
    ]);
    expect(received!.headers['authorization']).toContain(
      'SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token,',
    );
    expect(received!.headers['authorization']).toBe(
      officialSignatureFor(received!, server.baseUrl, AK, SK),
    );
  });

  it('AK/SK where no operation has a project: no projectId needed, no X-Project-Id sent', async () => {
    server = await startServer([json(200, { regions: [] })]);
    const { data } = await createGlobalClient({
      baseUrl: server.baseUrl,
      credentials: { accessKey: AK, secretKey: SK },
      env: {},
      clock,
    }).listRegions();
    expect(data).toEqual({ regions: [] });
    const [received] = server.received;
    expect(received!.url).toBe('/v3/regions');
    expect(names(received!)).toEqual(['authorization', 'content-type', 'x-sdk-date']);
    expect(received!.headers['authorization']).toBe(
      officialSignatureFor(received!, server.baseUrl, AK, SK),
    );
  });
});

describe('content-type: application/json unless the call sets another', () => {
  for (const [given, sent] of [
    [undefined, 'application/json'],
    ['application/json;charset=utf-8', 'application/json'],
    ['text/plain', 'text/plain'],
  ] as const)
    it(`${String(given)} is sent as ${sent}`, async () => {
      server = await startServer([json(200, {})]);
      await createTestClient({
        baseUrl: server.baseUrl,
        projectId: PROJECT,
        credentials: { accessKey: AK, secretKey: SK },
        env: {},
      }).GET('/v5/{project_id}/billing/quotas', {
        params: { path: { project_id: PROJECT } },
        ...(given ? { headers: { 'content-type': given } } : {}),
      });
      const [received] = server.received;
      expect(received!.headers['content-type']).toBe(sent);
      expect(received!.headers['authorization']).toBe(
        officialSignatureFor(received!, server.baseUrl, AK, SK),
      );
    });
});

describe('a header value that cannot be sent is refused before sending, never quoted', () => {
  const RULE = 'a header value: no CR, LF, other control characters or characters above U+00FF';
  for (const [name, credentials, header, field] of [
    ['a token with a control character', { token: 'IAM\u0001TOKEN' }, {}, 'credentials.token'],
    [
      'a security token with DEL',
      { accessKey: AK, secretKey: SK, securityToken: 'STS\u007fTOKEN' },
      {},
      'credentials.securityToken',
    ],
    [
      'a header parameter with a control character',
      { token: 'IAM-TOKEN-EXAMPLE' },
      { region: 'cn\u0002north' },
      'header region',
    ],
  ] as const)
    it(name, async () => {
      server = await startServer([json(200, { order_id: 'o' })]);
      const error = await createTestClient({
        baseUrl: server.baseUrl,
        projectId: PROJECT,
        credentials,
        env: {},
      })
        .createQuotasOrder({
          params: { header: header as { region?: string } },
          body: { resource_spec_code: 'a', period_num: 1 },
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HwsecInputError);
      expect((error as HwsecInputError).message).toBe(
        `CreateQuotasOrder: ${field} must be ${RULE}. Nothing was sent.`,
      );
      expect(error).toMatchObject({ field, rule: RULE, mayHaveBeenProcessed: false });
      expect(JSON.stringify(error)).not.toMatch(/TOKEN|north/);
      expect(server.received).toHaveLength(0);
    });
});

describe('where settings come from', () => {
  it('an empty HWSEC_HSS_BASE_URL counts as unset: the region endpoint is used', async () => {
    const urls: string[] = [];
    const client = createServiceClient(
      {
        region: 'cn-north-4',
        projectId: PROJECT,
        credentials: { token: 'IAM-TOKEN-EXAMPLE' },
        env: { HWSEC_HSS_BASE_URL: '' },
        fetch: async (input) => {
          urls.push(String(input));
          return new Response('{}', { headers: { 'content-type': 'application/json' } });
        },
      },
      {
        id: 'hss',
        servers: testServers,
        operations: {
          ShowResourceQuotas: { method: 'get', path: '/v5/{project_id}/billing/quotas' },
        },
      },
    ) as unknown as { showResourceQuotas(): Promise<unknown> };
    await client.showResourceQuotas();
    expect(urls).toEqual([`https://hss.cn-north-4.myhuaweicloud.com/v5/${PROJECT}/billing/quotas`]);
  });

  it('a PlainRequest without a method is a GET, as a Request is', () => {
    expect(new PlainRequest('https://hss.example.test/x').method).toBe('GET');
    expect(new PlainRequest('https://hss.example.test/x', { method: 'post' }).method).toBe('POST');
  });
});
