// A global service (x-hwsec-global: BSS, IAM), as a generated client describes it to core: the
// endpoint comes from a site, no project is asked for or sent, and AK/SK requests carry the
// account id as X-Domain-Id inside the signature (the official GlobalCredentials' way), on the
// wire of a real HTTP server on 127.0.0.1, the signature checked with Huawei's official signer.
import { afterEach, describe, expect, it } from 'vitest';
import { createServiceClient, HwsecConfigError } from '../dist/index.js';
import { officialSignatureFor } from '@hwsec/test-support/gateway-check';
import { json, startServer } from '@hwsec/test-support/http-server';
import { AK, SK } from '@hwsec/test-support/vectors';

const DOMAIN = 'd78cbac186b744899480f25bd022f468';
const sites = { cn: 'https://global.example.com', eu: 'https://global.example.eu' } as const;
const operations = {
  ListThings: { method: 'get', path: '/v3/things', integers: [] },
  BuyThing: { method: 'post', path: '/v3/things/buy', integers: [] },
} as const;
type Options = Parameters<typeof createServiceClient>[0];
type Client = Record<string, (init?: unknown) => Promise<{ response: Response; error?: unknown }>>;
const create = (options: Options) =>
  createServiceClient(options, {
    id: 'glob',
    servers: Object.values(sites).map((url) => ({ url, regions: [] })),
    global: true,
    sites,
    operations,
  }) as unknown as Client;

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('a global service', () => {
  it('signs X-Domain-Id (option) with AK/SK and sends no X-Project-Id; the official signer agrees', async () => {
    server = await startServer([json(200, {}), json(200, {})]);
    const client = create({
      baseUrl: server.baseUrl,
      domainId: DOMAIN,
      credentials: { accessKey: AK, secretKey: SK },
      env: { HUAWEICLOUD_SDK_PROJECT_ID: '0123456789abcdef0123456789abcdef' },
    } as Options);
    await client['listThings']!();
    await client['buyThing']!({ body: { id: 'x' } });
    for (const received of server.received) {
      expect(received.headers['x-domain-id']).toBe(DOMAIN);
      expect(received.headers['x-project-id']).toBeUndefined();
      expect(received.headers['authorization']).toMatch(/SignedHeaders=[^,]*x-domain-id/);
      expect(received.headers['authorization']).toBe(
        officialSignatureFor(received, server.baseUrl, AK, SK),
      );
    }
  });

  it('reads HUAWEICLOUD_SDK_DOMAIN_ID; a token request never carries it', async () => {
    server = await startServer([json(200, {}), json(200, {})]);
    const env = { HUAWEICLOUD_SDK_DOMAIN_ID: DOMAIN };
    await create({
      baseUrl: server.baseUrl,
      credentials: { accessKey: AK, secretKey: SK },
      env,
    } as Options)['listThings']!();
    await create({ baseUrl: server.baseUrl, credentials: { token: 'TOKEN-0123' }, env } as Options)[
      'listThings'
    ]!();
    expect(server.received.map((r) => r.headers['x-domain-id'])).toEqual([DOMAIN, undefined]);
  });

  it('takes its endpoint from the site; an unknown or missing site names every site', async () => {
    const urls: string[] = [];
    const fetch = async (url: string) => {
      urls.push(url);
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    };
    await create({ site: 'eu', credentials: { token: 't' }, fetch, env: {} } as Options)[
      'listThings'
    ]!();
    expect(urls).toEqual(['https://global.example.eu/v3/things']);
    for (const site of ['mars', undefined]) {
      const make = () => create({ site, credentials: { token: 't' }, env: {} } as Options);
      expect(make).toThrow(HwsecConfigError);
      expect(make).toThrow(/sites of glob: cn \(https:\/\/global\.example\.com\), eu/);
      expect(make).toThrow(/HWSEC_GLOB_BASE_URL/);
    }
  });

  it('refuses a domain id that could break a header, naming the option or the variable', () => {
    expect(() =>
      create({ site: 'cn', domainId: 'a\r\nb', credentials: { token: 't' }, env: {} } as Options),
    ).toThrow(/domainId/);
    expect(() =>
      create({
        site: 'cn',
        credentials: { token: 't' },
        env: { HUAWEICLOUD_SDK_DOMAIN_ID: '../x' },
      } as Options),
    ).toThrow(/HUAWEICLOUD_SDK_DOMAIN_ID/);
  });
});
