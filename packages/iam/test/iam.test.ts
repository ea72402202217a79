// The IAM client against a real HTTP server on 127.0.0.1: read-only lookups of the account's
// projects and domain on a global endpoint, AK/SK requests signed with X-Domain-Id when the
// account id is known (Huawei's official signer agrees), Keystone's own error body.
import { afterEach, describe, expect, it } from 'vitest';
import { officialSignatureFor } from '@hwsec/test-support/gateway-check';
import { json, startServer } from '@hwsec/test-support/http-server';
import { createIamClient, iamOperations, iamSites, unwrap } from '../src/generated/index.js';

const AK = 'AKTESTEXAMPLE0000000';
const SK = 'SKtestexample0000000000000000000000000000';
const DOMAIN = 'd78cbac186b744899480f25bd022f468';

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('@hwsec/iam', () => {
  it('KeystoneListProjects by region name with AK/SK: X-Domain-Id signed, the official signer agrees', async () => {
    const body = {
      projects: [{ id: '0123456789abcdef0123456789abcdef', name: 'cn-north-4', domain_id: DOMAIN }],
      links: { self: 'https://iam.myhuaweicloud.com/v3/projects' },
    };
    server = await startServer([json(200, body)]);
    const iam = createIamClient({
      baseUrl: server.baseUrl,
      domainId: DOMAIN,
      credentials: { accessKey: AK, secretKey: SK },
      env: {},
    });
    const { data } = await iam.keystoneListProjects({ params: { query: { name: 'cn-north-4' } } });
    expect(data).toEqual(body);
    const [received] = server.received;
    expect(received).toMatchObject({ method: 'GET', url: '/v3/projects?name=cn-north-4' });
    expect(received!.headers['authorization']).toMatch(
      /SignedHeaders=content-type;host;x-domain-id;x-sdk-date,/,
    );
    expect(received!.headers['authorization']).toBe(
      officialSignatureFor(received!, server.baseUrl, AK, SK),
    );
  });

  it('KeystoneListAuthDomains with a token; a Keystone error body reaches the caller whole', async () => {
    const domains = { domains: [{ id: DOMAIN, name: 'example-account', enabled: true }] };
    const keystone = {
      error: {
        code: 401,
        title: 'Unauthorized',
        message: 'The request you have made requires authentication.',
      },
    };
    server = await startServer([json(200, domains), json(401, keystone)]);
    const iam = createIamClient({
      baseUrl: server.baseUrl,
      credentials: { token: 'IAM-TOKEN-EXAMPLE' },
      env: {},
    });
    expect(unwrap(await iam.keystoneListAuthDomains())).toEqual(domains);
    const refused = await iam.keystoneListAuthDomains();
    expect(refused.error).toEqual(keystone);
    expect(() => unwrap(refused)).toThrow(
      expect.objectContaining({ status: 401, operation: 'KeystoneListAuthDomains' }),
    );
    expect(server.received[0]!.headers['x-auth-token']).toBe('IAM-TOKEN-EXAMPLE');
    expect(server.received[0]!.headers['x-domain-id']).toBeUndefined();
  });

  it('is read-only: every operation is a GET, on an endpoint per site', () => {
    expect(Object.values(iamOperations).map((operation) => operation.method)).toEqual(
      Object.values(iamOperations).map(() => 'get'),
    );
    expect(Object.keys(iamSites).sort()).toEqual(['cn', 'eu', 'intl']);
  });
});
