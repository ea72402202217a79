// Ids found read-only: a regional client with AK/SK and a region but no project id asks IAM
// KeystoneListProjects (?name=<region>) on first use, and a global one with no account id asks
// KeystoneListAuthDomains; once per access key, IAM endpoint and region, concurrent first calls
// sharing one request, a failure forgotten, and a caller's abort ending its own wait for a slow
// IAM without failing the others'. IAM and the service are real HTTP servers on
// 127.0.0.1; every IAM request is checked to be a GET signed as the official signer signs it.
import { afterEach, describe, expect, it } from 'vitest';
import {
  createServiceClient,
  HwsecAbortError,
  HwsecConfigError,
  HwsecLookupError,
} from '../dist/index.js';
import { officialSignatureFor } from '@hwsec/test-support/gateway-check';
import { json, startServer, type Received, type Reply } from '@hwsec/test-support/http-server';
import { AK, SK } from '@hwsec/test-support/vectors';
import { testOperations, testServers, type TestPaths } from './support/test-service.js';

const P1 = '0123456789abcdef0123456789abcdef';
const P2 = 'fedcba9876543210fedcba9876543210';
const DOMAIN = 'd78cbac186b744899480f25bd022f468';
const keys = { accessKey: AK, secretKey: SK };
const identity = {
  path: '/v3/projects',
  // As a generated client passes them: IAM's site host for each of the service's servers.
  servers: [
    { url: 'https://iam.example.com', regions: testServers[0].regions },
    { url: 'https://iam.eu-west-101.example.eu', regions: testServers[1].regions },
  ],
  sites: { cn: 'https://iam.example.com', eu: 'https://iam.eu-west-101.example.eu' },
};

type Options = Parameters<typeof createServiceClient>[0];
type Result = { data?: unknown; error?: unknown; response: Response };
type Client = Record<string, (init?: unknown) => Promise<Result>>;

/** A regional client as a generated one describes itself: with the spec's IAM facts. */
const regional = (options: Options) =>
  createServiceClient<TestPaths, typeof testOperations>(options, {
    id: 'hss',
    servers: testServers,
    operations: testOperations,
    identity,
  }) as unknown as Client;

/** A global client (BSS-like): endpoints per site, the account id as X-Domain-Id. */
const globalSites = { cn: 'https://bss.example.com', eu: 'https://bss.example.eu' };
const global = (options: Options) =>
  createServiceClient(options, {
    id: 'glob',
    servers: Object.values(globalSites).map((url) => ({ url, regions: [] })),
    global: true,
    sites: globalSites,
    operations: {
      ListThings: { method: 'get', path: '/v3/things', integers: [] },
      BuyThing: { method: 'post', path: '/v3/things/buy', integers: [] },
    },
    identity: { path: '/v3/auth/domains', sites: identity.sites },
  }) as unknown as Client;

const projects = (...ids: string[]) =>
  json(200, {
    links: { self: 'x', previous: null, next: null },
    projects: ids.map((id) => ({ id, name: 'cn-north-4', domain_id: DOMAIN, enabled: true })),
  });
const domains = (...ids: string[]) =>
  json(200, { domains: ids.map((id) => ({ id, name: 'account', enabled: true })) });
const order = { body: { resource_spec_code: 'hss.version.enterprise', period_num: 1 } };

const started: Array<Awaited<ReturnType<typeof startServer>>> = [];
const iams: Array<Awaited<ReturnType<typeof startServer>>> = [];
async function server(replies: Reply[], isIam = false) {
  const s = await startServer(replies);
  started.push(s);
  if (isIam) iams.push(s);
  return s;
}
const iamServer = (...replies: Reply[]) => server(replies, true);
const service = (...replies: Reply[]) => server(replies.length ? replies : [json(200, {})]);

afterEach(async () => {
  // Nothing is ever created: every request any IAM got was a signed GET, with neither id.
  for (const iam of iams.splice(0))
    for (const received of iam.received) {
      expect(received.method).toBe('GET');
      expect(received.headers['x-project-id']).toBeUndefined();
      expect(received.headers['x-domain-id']).toBeUndefined();
      expect(received.headers['authorization']).toBe(
        officialSignatureFor(received, iam.baseUrl, AK, SK),
      );
    }
  for (const s of started.splice(0)) await s.close();
});

async function lookupError(promise: Promise<unknown>): Promise<HwsecLookupError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HwsecLookupError);
  return error as HwsecLookupError;
}

/** An IAM reply held until `release()`: a slow IAM, released when the test says so. */
function held(reply: Reply) {
  const pending: Array<() => void> = [];
  return {
    reply: ((req, res) => void pending.push(() => reply(req, res))) satisfies Reply,
    release: () => pending.splice(0).forEach((answer) => answer()),
  };
}

const paths = (s: { received: Received[] }) => s.received.map((r) => `${r.method} ${r.url}`);

/** An IAM answering `replies`, a service answering 200, and what a client of both is given. */
async function throughIam(...replies: Reply[]) {
  const iam = await iamServer(...replies);
  const api = await service();
  const options = { baseUrl: api.baseUrl, iamEndpoint: iam.baseUrl, credentials: keys, env: {} };
  return { iam, api, options };
}

/** A cn-north-4 client with no project id, its IAM answering `replies`. */
async function regionalThroughIam(...replies: Reply[]) {
  const { iam, api, options } = await throughIam(...replies);
  return { iam, api, client: regional({ region: 'cn-north-4', ...options } as Options) };
}

/** A global client with no account id, its IAM answering `replies`. */
async function globalThroughIam(...replies: Reply[]) {
  const { iam, api, options } = await throughIam(...replies);
  return { iam, api, options, client: global(options as Options) };
}

describe('a regional client without a project id finds it through IAM', () => {
  it('one project: GET /v3/projects?name=<region>, then the call in that project', async () => {
    const { iam, api, client } = await regionalThroughIam(projects(P1));
    await client['showResourceQuotas']!();
    await client['createQuotasOrder']!(order);
    expect(paths(iam)).toEqual(['GET /v3/projects?name=cn-north-4']);
    expect(paths(api)).toEqual([`GET /v5/${P1}/billing/quotas`, `POST /v5/${P1}/quotas/orders`]);
    for (const received of api.received) expect(received.headers['x-project-id']).toBe(P1);
  });

  for (const listed of [[], [P1, P2]]) {
    it(`${listed.length} projects: a HwsecLookupError naming the region, the count and the fix; nothing sent, nothing created`, async () => {
      const { iam, api, client } = await regionalThroughIam(projects(...listed));
      const error = await lookupError(client['createQuotasOrder']!(order));
      expect(error).toMatchObject({
        kind: 'lookup',
        operation: 'CreateQuotasOrder',
        lookup: 'KeystoneListProjects',
        region: 'cn-north-4',
        found: listed.length,
        option: 'projectId',
        mayHaveBeenProcessed: false,
        attempts: 0,
      });
      expect(error.message).toBe(
        `CreateQuotasOrder not sent: IAM KeystoneListProjects (the project of region cn-north-4) found ${listed.length} projects (exactly one is needed; none is created). Set projectId or HUAWEICLOUD_SDK_PROJECT_ID. Nothing was placed.`,
      );
      expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(SK);
      expect(api.received).toEqual([]);
    });
  }

  it('concurrent first calls share one IAM request', async () => {
    const { iam, api, client } = await regionalThroughIam(projects(P1));
    await Promise.all(Array.from({ length: 5 }, () => client['showResourceQuotas']!()));
    expect(iam.received).toHaveLength(1);
    expect(api.received.map((r) => r.url)).toEqual(
      Array.from({ length: 5 }, () => `/v5/${P1}/billing/quotas`),
    );
  });

  it('a failed lookup is not kept: the error carries IAM’s, and the next call asks again', async () => {
    const refused = json(
      403,
      { error: { code: 403, title: 'Forbidden', message: 'no access' } },
      { 'X-Request-Id': 'iam-req-1' },
    );
    const { iam, api, client } = await regionalThroughIam(refused, projects(P1));
    const error = await lookupError(client['createQuotasOrder']!(order));
    expect(error).toMatchObject({ found: undefined, status: 403, requestId: 'iam-req-1' });
    expect(error.message).toBe(
      'CreateQuotasOrder not sent: IAM KeystoneListProjects (the project of region cn-north-4) was refused: HTTP 403 (request id iam-req-1). Set projectId or HUAWEICLOUD_SDK_PROJECT_ID. Nothing was placed.',
    );
    expect(api.received).toEqual([]);
    await client['createQuotasOrder']!(order);
    expect(iam.received).toHaveLength(2);
    expect(paths(api)).toEqual([`POST /v5/${P1}/quotas/orders`]);
  });

  it("a caller's abort during the lookup takes effect once IAM answers: the order is not sent", async () => {
    const slow = held(projects(P1));
    const { iam, api, client } = await regionalThroughIam(slow.reply);
    const controller = new AbortController();
    const call = client['createQuotasOrder']!({ ...order, signal: controller.signal });
    await expect.poll(() => iam.received.length).toBe(1);
    controller.abort(new Error('user left'));
    slow.release();
    const error = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HwsecAbortError);
    expect(error).toMatchObject({
      kind: 'abort',
      operation: 'CreateQuotasOrder',
      mayHaveBeenProcessed: false,
    });
    expect((error as HwsecAbortError).message).toMatch(
      /^CreateQuotasOrder: aborted by the caller: user left\b/,
    );
    expect(api.received).toEqual([]);
  });

  it('an IAM that cannot be reached is the same typed error, the order not sent', async () => {
    const gone = await iamServer(projects(P1));
    await gone.close();
    const api = await service();
    const client = regional({
      region: 'cn-north-4',
      baseUrl: api.baseUrl,
      iamEndpoint: gone.baseUrl,
      credentials: keys,
      retry: false,
      env: {},
    } as Options);
    const error = await lookupError(client['createQuotasOrder']!(order));
    expect(error.cause).toMatchObject({ kind: 'network', mayHaveBeenProcessed: false });
    expect(error.message).toMatch(
      /^CreateQuotasOrder not sent: IAM KeystoneListProjects \(the project of region cn-north-4\) failed: KeystoneListProjects: network error \(attempt 1\): .*\. Set projectId or HUAWEICLOUD_SDK_PROJECT_ID\. Nothing was placed\.$/,
    );
    expect(api.received).toEqual([]);
  });

  it('once per access key, IAM endpoint and region in the process, across clients', async () => {
    const iam = await iamServer(projects(P1));
    const api = await service();
    const make = (region: string, accessKey = AK) =>
      regional({
        region,
        baseUrl: api.baseUrl,
        iamEndpoint: iam.baseUrl,
        credentials: { accessKey, secretKey: SK },
        env: {},
      } as Options);
    await make('cn-north-4')['showResourceQuotas']!();
    await make('cn-north-4')['showResourceQuotas']!();
    expect(paths(iam)).toEqual(['GET /v3/projects?name=cn-north-4']);
    await make('ap-southeast-1')['showResourceQuotas']!();
    expect(paths(iam)).toEqual([
      'GET /v3/projects?name=cn-north-4',
      'GET /v3/projects?name=ap-southeast-1',
    ]);
    // Another access key is another account, perhaps: asked again (its requests are not checked
    // against AK's signature, so it is counted, then dropped from the list).
    await make('cn-north-4', 'AKOTHER0000000000000')['showResourceQuotas']!();
    expect(iam.received).toHaveLength(3);
    iam.received.pop();
  });

  it('a project id given (option, variable or the call) means no lookup', async () => {
    const iam = await iamServer(projects(P1));
    const api = await service();
    const base = {
      region: 'cn-north-4',
      baseUrl: api.baseUrl,
      iamEndpoint: iam.baseUrl,
      credentials: keys,
    };
    await regional({ ...base, projectId: P2, env: {} } as Options)['showResourceQuotas']!();
    await regional({ ...base, env: { HUAWEICLOUD_SDK_PROJECT_ID: P2 } } as Options)[
      'showResourceQuotas'
    ]!();
    await regional({ ...base, env: {} } as Options)['showResourceQuotas']!({
      params: { path: { project_id: P2 } },
    });
    expect(iam.received).toEqual([]);
    expect(api.received.map((r) => r.url)).toEqual(
      Array.from({ length: 3 }, () => `/v5/${P2}/billing/quotas`),
    );
  });

  it('with a token there is no lookup: the project id is still required, and the error says why', async () => {
    const iam = await iamServer(projects(P1));
    let error: unknown;
    try {
      regional({
        region: 'cn-north-4',
        iamEndpoint: iam.baseUrl,
        credentials: { token: 'TOKEN-0123' },
        env: {},
      } as Options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HwsecConfigError);
    expect((error as HwsecConfigError).option).toBe('projectId');
    expect((error as Error).message).toBe(
      'projectId: not given, and HUAWEICLOUD_SDK_PROJECT_ID is unset or empty (with a token it is not looked up: the token is scoped to a project). Allowed: the projectId option or HUAWEICLOUD_SDK_PROJECT_ID (IAM console, My Credentials > Projects).',
    );
    expect(iam.received).toEqual([]);
  });

  it('without a region (baseUrl only) there is nothing to look up by: refused, naming the way out', () => {
    expect(() =>
      regional({ baseUrl: 'http://127.0.0.1:9', credentials: keys, env: {} } as Options),
    ).toThrow(
      'projectId: not given, and HUAWEICLOUD_SDK_PROJECT_ID is unset or empty. Allowed: the projectId option or HUAWEICLOUD_SDK_PROJECT_ID (IAM console, My Credentials > Projects), or `region` to look it up through IAM.',
    );
  });

  it('an endpoint moved to a mock or proxy never sends the keys to the cloud’s IAM: without iamEndpoint nothing is looked up', async () => {
    const urls: string[] = [];
    const fetch = async (url: string) => {
      urls.push(url);
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    };
    // Regional, moved by the option or by HWSEC_<ID>_BASE_URL: the call is refused, unsent.
    for (const moved of [
      { baseUrl: 'http://127.0.0.1:9', env: {} },
      { env: { HWSEC_HSS_BASE_URL: 'http://127.0.0.1:9' } },
    ]) {
      const client = regional({
        ...moved,
        region: 'cn-north-4',
        credentials: keys,
        fetch,
      } as Options);
      await expect(client['showResourceQuotas']!()).rejects.toMatchObject({
        kind: 'input',
        mayHaveBeenProcessed: false,
      });
    }
    expect(urls).toEqual([]);
    // Global, moved: the call goes out without an account id, and IAM is never asked.
    await global({
      site: 'cn',
      baseUrl: 'http://127.0.0.1:9',
      credentials: keys,
      fetch,
      env: {},
    } as Options)['listThings']!();
    expect(urls.every((url) => url.startsWith('http://127.0.0.1:9/'))).toBe(true);
    expect(urls.length).toBeGreaterThan(0);
  });

  it('IAM endpoint: iamEndpoint > HUAWEICLOUD_SDK_IAM_ENDPOINT > the spec’s IAM host of the region’s site', async () => {
    const chosen = await iamServer(projects(P1));
    const ignored = await iamServer(projects(P2));
    const api = await service();
    const base = { baseUrl: api.baseUrl, credentials: keys };
    await regional({
      ...base,
      region: 'cn-north-4',
      iamEndpoint: chosen.baseUrl,
      env: { HUAWEICLOUD_SDK_IAM_ENDPOINT: ignored.baseUrl },
    } as Options)['showResourceQuotas']!();
    await regional({
      ...base,
      region: 'ap-southeast-1',
      env: { HUAWEICLOUD_SDK_IAM_ENDPOINT: chosen.baseUrl },
    } as Options)['showResourceQuotas']!();
    expect(paths(chosen)).toEqual([
      'GET /v3/projects?name=cn-north-4',
      'GET /v3/projects?name=ap-southeast-1',
    ]);
    expect(ignored.received).toEqual([]);

    // No endpoint given: the region's IAM host from the spec's facts (seen by a recording fetch).
    const urls: string[] = [];
    const fetch = async (url: string) => {
      urls.push(url);
      const body = url.includes('/v3/projects')
        ? { projects: [{ id: `${urls.length}0123456789abcdef0123456789abcde` }] }
        : {};
      return new Response(JSON.stringify(body), {
        headers: { 'content-type': 'application/json' },
      });
    };
    for (const region of ['cn-north-4', 'ap-southeast-1', 'eu-west-101'])
      await regional({ region, credentials: keys, fetch, env: {} } as Options)[
        'showResourceQuotas'
      ]!();
    expect(urls.filter((url) => url.includes('/v3/projects'))).toEqual([
      'https://iam.example.com/v3/projects?name=cn-north-4',
      'https://iam.example.com/v3/projects?name=ap-southeast-1',
      'https://iam.eu-west-101.example.eu/v3/projects?name=eu-west-101',
    ]);
  });

  it('a bad iamEndpoint or HUAWEICLOUD_SDK_IAM_ENDPOINT is refused at creation', () => {
    const base = { region: 'cn-north-4', credentials: keys };
    for (const [options, option] of [
      [{ ...base, iamEndpoint: 'ftp://iam', env: {} }, 'iamEndpoint'],
      [
        { ...base, env: { HUAWEICLOUD_SDK_IAM_ENDPOINT: 'iam.example.com' } },
        'HUAWEICLOUD_SDK_IAM_ENDPOINT',
      ],
    ] as const) {
      let error: unknown;
      try {
        regional(options as Options);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(HwsecConfigError);
      expect((error as HwsecConfigError).option).toBe(option);
    }
  });

  it('iamEndpoint is a known option; a near miss is refused with a suggestion', () => {
    expect(() =>
      regional({
        region: 'cn-north-4',
        iamEndpoints: 'http://x',
        credentials: keys,
        env: {},
      } as Options),
    ).toThrow(/iamEndpoints: unknown option \(did you mean `iamEndpoint`\?\)/);
  });
});

describe('a global client without an account id finds it through IAM', () => {
  it('KeystoneListAuthDomains once per access key; the id is signed as X-Domain-Id', async () => {
    const { iam, api, options, client } = await globalThroughIam(domains(DOMAIN));
    await Promise.all([client['listThings']!(), client['buyThing']!({ body: { id: 'x' } })]);
    // A second client with the same access key finds the id this one found.
    await global(options as Options)['listThings']!();
    expect(paths(iam)).toEqual(['GET /v3/auth/domains']);
    expect(api.received).toHaveLength(3);
    for (const received of api.received) {
      expect(received.headers['x-domain-id']).toBe(DOMAIN);
      expect(received.headers['authorization']).toMatch(/SignedHeaders=[^,]*x-domain-id/);
      expect(received.headers['authorization']).toBe(
        officialSignatureFor(received, api.baseUrl, AK, SK),
      );
    }
  });

  it('no domain listed: a HwsecLookupError naming domainId; the order not sent', async () => {
    const { api, client } = await globalThroughIam(domains());
    const error = await lookupError(client['buyThing']!({ body: { id: 'x' } }));
    expect(error).toMatchObject({
      lookup: 'KeystoneListAuthDomains',
      option: 'domainId',
      region: undefined,
      found: 0,
      mayHaveBeenProcessed: false,
    });
    expect(error.message).toBe(
      'BuyThing not sent: IAM KeystoneListAuthDomains (the account id) found 0 domains (exactly one is needed; none is created). Set domainId or HUAWEICLOUD_SDK_DOMAIN_ID. Nothing was placed.',
    );
    expect(api.received).toEqual([]);
  });

  it('no lookup with domainId or HUAWEICLOUD_SDK_DOMAIN_ID, with a token, or with no IAM endpoint known', async () => {
    const iam = await iamServer(domains(DOMAIN));
    const api = await service();
    const base = { baseUrl: api.baseUrl, iamEndpoint: iam.baseUrl };
    await global({ ...base, domainId: DOMAIN, credentials: keys, env: {} } as Options)[
      'listThings'
    ]!();
    await global({
      ...base,
      credentials: keys,
      env: { HUAWEICLOUD_SDK_DOMAIN_ID: DOMAIN },
    } as Options)['listThings']!();
    await global({ ...base, credentials: { token: 'TOKEN-0123' }, env: {} } as Options)[
      'listThings'
    ]!();
    // baseUrl and no site: as the official SDK built with an endpoint only, IAM is not asked.
    await global({ baseUrl: api.baseUrl, credentials: keys, env: {} } as Options)['listThings']!();
    expect(iam.received).toEqual([]);
    expect(api.received.map((r) => r.headers['x-domain-id'])).toEqual([
      DOMAIN,
      DOMAIN,
      undefined,
      undefined,
    ]);
  });

  it('with a site and no iamEndpoint: the site’s IAM host from the spec', async () => {
    const urls: string[] = [];
    const fetch = async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify({ domains: [{ id: DOMAIN }] }), {
        headers: { 'content-type': 'application/json' },
      });
    };
    await global({
      site: 'eu',
      credentials: { accessKey: 'AKSITE00000000000000', secretKey: SK },
      fetch,
      env: {},
    } as Options)['listThings']!();
    expect(urls).toEqual([
      'https://iam.eu-west-101.example.eu/v3/auth/domains',
      'https://bss.example.eu/v3/things',
    ]);
  });
});
