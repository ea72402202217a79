// Settings from the environment, Huawei's way, and configuration errors a user can act on: every
// client is created through createServiceClient, so core's resolution is tested once here, on the
// wire (real HTTP server on 127.0.0.1), with the environment injected through the `env` option.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createServiceClient, HwsecConfigError } from '../dist/index.js';
import { bundleForBrowser } from './support/browser-bundle.js';
import { officialSignatureFor } from '@hwsec/test-support/gateway-check';
import { json, startServer } from '@hwsec/test-support/http-server';
import { testOperations, testServers, type TestPaths } from './support/test-service.js';
import { AK, PROJECT, SK } from '@hwsec/test-support/vectors';

const run = promisify(execFile);
type Options = Parameters<typeof createServiceClient>[0];
const create = (options: Options) =>
  createServiceClient<TestPaths, typeof testOperations>(options, {
    id: 'hss',
    servers: testServers,
    operations: testOperations,
  });

/** Runs `make` and returns the HwsecConfigError it throws (fails the test if it does not throw). */
function configError(make: () => unknown): HwsecConfigError {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(HwsecConfigError);
    return error as HwsecConfigError;
  }
  throw new Error('no HwsecConfigError was thrown');
}

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('settings from the environment', () => {
  it('AK/SK, security token, project and endpoint from HUAWEICLOUD_SDK_* and HWSEC_HSS_BASE_URL; the region is overridden', async () => {
    server = await startServer([json(200, { total_num: 1 })]);
    const client = create({
      region: 'cn-north-4',
      env: {
        HUAWEICLOUD_SDK_AK: AK,
        HUAWEICLOUD_SDK_SK: SK,
        HUAWEICLOUD_SDK_SECURITY_TOKEN: 'STS-EXAMPLE',
        HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
        HWSEC_HSS_BASE_URL: `${server.baseUrl}/`,
      },
    });
    const { data } = await client.showResourceQuotas();
    expect(data).toEqual({ total_num: 1 });
    const [received] = server.received;
    expect(received!.url).toBe(`/v5/${PROJECT}/billing/quotas`);
    expect(received!.headers).toMatchObject({
      'x-project-id': PROJECT,
      'x-security-token': 'STS-EXAMPLE',
    });
    expect(received!.headers['authorization']).toBe(
      officialSignatureFor(received!, server.baseUrl, AK, SK),
    );
  });

  it('HWSEC_IAM_TOKEN when no AK/SK variable is set', async () => {
    server = await startServer([json(200, {})]);
    await create({
      baseUrl: server.baseUrl,
      projectId: PROJECT,
      env: { HWSEC_IAM_TOKEN: 'IAM-TOKEN-FROM-ENV' },
    }).showResourceQuotas();
    expect(server.received[0]!.headers['x-auth-token']).toBe('IAM-TOKEN-FROM-ENV');
    expect(server.received[0]!.headers['authorization']).toBeUndefined();
  });

  it('explicit options win over every variable, baseUrl over HWSEC_HSS_BASE_URL', async () => {
    server = await startServer([json(200, {})]);
    await create({
      baseUrl: server.baseUrl,
      projectId: 'explicit-project',
      credentials: { token: 'EXPLICIT-TOKEN' },
      env: {
        HUAWEICLOUD_SDK_AK: AK,
        HUAWEICLOUD_SDK_SK: SK,
        HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
        HWSEC_HSS_BASE_URL: 'http://127.0.0.1:9',
      },
    }).showResourceQuotas();
    const [received] = server.received;
    expect(received!.url).toBe('/v5/explicit-project/billing/quotas');
    expect(received!.headers['x-auth-token']).toBe('EXPLICIT-TOKEN');
  });

  it('an empty variable counts as unset', async () => {
    const urls: string[] = [];
    await create({
      region: 'eu-west-101',
      env: { HWSEC_HSS_BASE_URL: '', HWSEC_IAM_TOKEN: 't', HUAWEICLOUD_SDK_PROJECT_ID: PROJECT },
      fetch: async (url) => (urls.push(url), new Response('{}')),
    }).showResourceQuotas();
    expect(urls).toEqual([`https://hss.eu-west-101.myhuaweicloud.eu/v5/${PROJECT}/billing/quotas`]);
    const error = configError(() =>
      create({
        region: 'cn-north-4',
        env: { HWSEC_IAM_TOKEN: 't', HUAWEICLOUD_SDK_PROJECT_ID: '' },
      }),
    );
    expect(error.option).toBe('projectId');
  });

  it('reads process.env by default (a real Node process with only those variables)', async () => {
    server = await startServer([json(200, {})]);
    const dist = new URL('../dist/index.js', import.meta.url).href;
    const code = `
      import { createServiceClient } from ${JSON.stringify(dist)};
      const client = createServiceClient({ region: 'cn-north-4' }, {
        id: 'hss',
        servers: [{ url: 'https://hss.{region}.myhuaweicloud.com', regions: ['cn-north-4'] }],
        operations: { ShowResourceQuotas: { method: 'get', path: '/v5/{project_id}/billing/quotas' } },
      });
      const { response } = await client.showResourceQuotas();
      console.log(response.status);`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code], {
      env: {
        PATH: process.env['PATH'],
        HWSEC_HSS_BASE_URL: server.baseUrl,
        HWSEC_IAM_TOKEN: 'TOKEN-FROM-PROCESS-ENV',
        HUAWEICLOUD_SDK_PROJECT_ID: PROJECT,
      },
    });
    expect(stdout.trim()).toBe('200');
    expect(server.received[0]!.url).toBe(`/v5/${PROJECT}/billing/quotas`);
    expect(server.received[0]!.headers['x-auth-token']).toBe('TOKEN-FROM-PROCESS-ENV');
  });
});

describe('the configuration is resolved once, when the client is created', () => {
  it('changing the options object afterwards changes nothing the client sends', async () => {
    server = await startServer([json(200, {}), json(200, {})]);
    const options = {
      baseUrl: server.baseUrl,
      projectId: PROJECT,
      credentials: { token: 'TOKEN-AT-CREATION' },
      env: {},
    };
    const client = create(options);
    await client.showResourceQuotas();
    options.credentials.token = 'TOKEN-CHANGED-LATER';
    options.projectId = 'another-project';
    await client.showResourceQuotas();
    for (const request of server.received) {
      expect(request.headers['x-auth-token']).toBe('TOKEN-AT-CREATION');
      expect(request.url).toContain(`/v5/${PROJECT}/`);
    }
  });
});

describe('where there is no process.env, only explicit options apply and nothing crashes', () => {
  // The browser build of the whole library, run in a fresh realm that has no `process` (as in a
  // browser or worker), or one whose env access throws (as Deno's does without --allow-env).
  const entry = fileURLToPath(new URL('./support/config-entry.ts', import.meta.url));
  const realms: Record<string, object> = {
    'no process': {},
    'process.env throws': {
      process: Object.defineProperty({}, 'env', {
        get() {
          throw new Error('PermissionDenied: requires env access');
        },
      }),
    },
    'reading a variable throws': {
      process: {
        env: new Proxy(
          {},
          {
            get() {
              throw new Error('PermissionDenied: requires env access');
            },
          },
        ),
      },
    },
  };
  for (const [name, globals] of Object.entries(realms)) {
    it(name, async () => {
      const code = await bundleForBrowser(entry, [], { fromSource: false });
      const results: string[] = [];
      runInNewContext(code.replace(/export\s*\{[^}]*\};?\s*$/, ''), {
        ...globals,
        URL,
        Response,
        Headers,
        AbortController,
        AbortSignal,
        TextEncoder,
        crypto,
        setTimeout,
        clearTimeout,
        report: (line: string) => results.push(line),
      });
      await expect.poll(() => results.length).toBe(2);
      expect(results.sort()).toEqual(['env-only: HwsecConfigError credentials', 'explicit: 200']);
    });
  }
});

describe('configuration errors name the option, the value and what is allowed', () => {
  it('unknown region: the value, the nearest regions and where the list is, in a short message', () => {
    const error = configError(() =>
      create({ region: 'cn-north-44', credentials: { token: 't' }, projectId: PROJECT, env: {} }),
    );
    expect(error).toMatchObject({
      kind: 'config',
      option: 'region',
      operation: 'createClient',
      mayHaveBeenProcessed: false,
    });
    expect(error.message).toContain(
      'unknown region "cn-north-44" of hss (did you mean "cn-north-4"?)',
    );
    expect(error.allowed).toContain("listed in the client's `servers` export");
    expect(error.message).toContain('HWSEC_HSS_BASE_URL');
    expect(error.message.length).toBeLessThan(300);
  });

  it('neither region nor baseUrl: give `region` or `baseUrl` (or the variable)', () => {
    const error = configError(() =>
      create({ credentials: { token: 't' }, projectId: PROJECT, env: {} } as unknown as Options),
    );
    expect(error.option).toBe('region');
    expect(error.message).toContain('neither `region` nor `baseUrl` is given');
    expect(error.allowed).toContain('`region` (3 regions of hss');
    expect(error.allowed).toContain('or `baseUrl` (or set HWSEC_HSS_BASE_URL)');
  });

  it('an unknown region is refused even when HWSEC_HSS_BASE_URL moves the endpoint', () => {
    const error = configError(() =>
      create({
        region: 'cn-north4',
        credentials: { token: 't' },
        projectId: PROJECT,
        env: { HWSEC_HSS_BASE_URL: 'http://127.0.0.1:4010' },
      }),
    );
    expect(error.option).toBe('region');
    expect(error.message).toContain(
      'unknown region "cn-north4" of hss (did you mean "cn-north-4"?)',
    );
  });

  it('an explicit baseUrl with a region the spec does not list is allowed (a new region)', () => {
    expect(() =>
      create({
        region: 'xx-new-1',
        baseUrl: 'http://127.0.0.1:4010',
        credentials: { token: 't' },
        projectId: PROJECT,
        env: {},
      } as unknown as Options),
    ).not.toThrow();
  });

  it('a base URL that is not a URL names where it came from', () => {
    expect(
      configError(() =>
        create({ region: 'cn-north-4', env: { HWSEC_HSS_BASE_URL: '127.0.0.1:4010/x' } }),
      ).option,
    ).toBe('HWSEC_HSS_BASE_URL');
  });

  const SECRET = 'SK-SECRET-VALUE-NEVER-SHOWN';
  const credentialCases: Array<
    [string, Options['credentials'], Record<string, string>, string, RegExp]
  > = [
    [
      'no credentials and no variable',
      undefined,
      {},
      'credentials',
      /none of HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HWSEC_IAM_TOKEN is set/,
    ],
    [
      'HUAWEICLOUD_SDK_SK unset',
      undefined,
      { HUAWEICLOUD_SDK_AK: 'AK-VALUE' },
      'credentials.secretKey',
      /HUAWEICLOUD_SDK_SK is unset or empty/,
    ],
    [
      'HUAWEICLOUD_SDK_AK empty',
      undefined,
      { HUAWEICLOUD_SDK_AK: '', HUAWEICLOUD_SDK_SK: SECRET },
      'credentials.accessKey',
      /HUAWEICLOUD_SDK_AK is unset or empty/,
    ],
    [
      'only a security token',
      undefined,
      { HUAWEICLOUD_SDK_SECURITY_TOKEN: SECRET },
      'credentials.accessKey',
      /HUAWEICLOUD_SDK_AK is unset/,
    ],
    [
      'both kinds in the environment',
      undefined,
      { HUAWEICLOUD_SDK_AK: 'AK-VALUE', HUAWEICLOUD_SDK_SK: SECRET, HWSEC_IAM_TOKEN: SECRET },
      'credentials',
      /both HWSEC_IAM_TOKEN and HUAWEICLOUD_SDK_AK are set/,
    ],
    [
      'explicit empty secretKey',
      { accessKey: 'AK-VALUE', secretKey: '' },
      {},
      'credentials.secretKey',
      /: empty/,
    ],
    [
      'explicit missing secretKey',
      { accessKey: SECRET } as never,
      {},
      'credentials.secretKey',
      /: missing/,
    ],
    ['explicit empty token', { token: '' }, {}, 'credentials.token', /: empty/],
    [
      'explicit empty securityToken',
      { accessKey: 'AK-VALUE', secretKey: SECRET, securityToken: '' },
      {},
      'credentials.securityToken',
      /: empty/,
    ],
    ['credentials that are not an object', null as never, {}, 'credentials', /not an object/],
  ];
  for (const [name, credentials, env, option, message] of credentialCases) {
    it(`credentials: ${name} -> ${option}, no secret quoted`, () => {
      const error = configError(() =>
        create({ region: 'cn-north-4', projectId: PROJECT, credentials, env }),
      );
      expect(error.option).toBe(option);
      expect(error.message).toMatch(message);
      expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toContain(SECRET);
      expect(`${error.message} ${JSON.stringify(error)}`).not.toContain('AK-VALUE');
    });
  }

  it('no projectId and no HUAWEICLOUD_SDK_PROJECT_ID: refused at creation', () => {
    const error = configError(() =>
      create({ region: 'cn-north-4', credentials: { token: 't' }, env: {} }),
    );
    expect(error.option).toBe('projectId');
    expect(error.message).toContain('not given, and HUAWEICLOUD_SDK_PROJECT_ID is unset or empty');
  });
});
