// The exact HwsecConfigError a user reads for each option or variable that cannot work: the
// message names the option, says what is wrong and what is allowed, and never quotes a secret.
// Everything is refused at creation, so nothing is ever sent.
import { describe, expect, it } from 'vitest';
import { createServiceClient, createTransport, HwsecConfigError } from '../dist/index.js';
import { testOperations, testServers, type TestPaths } from './support/test-service.js';
import { AK, PROJECT, SK } from '@hwsec/test-support/vectors';

type Options = Parameters<typeof createServiceClient>[0];
const create = (options: Options, id: string | null = 'hss') =>
  createServiceClient<TestPaths, typeof testOperations>(options, {
    id: id ?? undefined,
    servers: testServers,
    operations: testOperations,
  });
/** A service none of whose operations has a `{project_id}`. */
const createGlobal = (options: Options) =>
  createServiceClient(options, {
    id: 'iam',
    servers: testServers,
    operations: { ListRegions: { method: 'get', path: '/v3/regions' } },
  });

function configError(make: () => unknown): HwsecConfigError {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(HwsecConfigError);
    return error as HwsecConfigError;
  }
  throw new Error('no HwsecConfigError was thrown');
}

const token = { token: 'IAM-TOKEN-EXAMPLE' };
const ok = { baseUrl: 'http://127.0.0.1:9', projectId: PROJECT, credentials: token, env: {} };
const CREDENTIALS =
  '{ token } or { accessKey, secretKey, securityToken? }, or HUAWEICLOUD_SDK_AK + HUAWEICLOUD_SDK_SK (+ HUAWEICLOUD_SDK_SECURITY_TOKEN), or HWSEC_IAM_TOKEN';
const URL_RULE =
  'an absolute http: or https: URL with a host and no credentials, query or fragment, e.g. http://127.0.0.1:4010';
const PROJECT_RULE = '1 to 64 letters, digits, _ or - (a Huawei project id is 32 hex digits)';
const PROJECT_WHERE =
  'the projectId option or HUAWEICLOUD_SDK_PROJECT_ID (IAM console, My Credentials > Projects)';
const WHERE = "3 regions, listed in the client's `servers` export";
const WHERE_HSS = "3 regions of hss, listed in the client's `servers` export";
const longRegion = 'r'.repeat(80);
const longUrl = `ftp://${'h'.repeat(300)}`;

const cases: Array<[string, () => unknown, string, string]> = [
  // timeoutMs, userAgent (option-checks.ts, through createTransport)
  [
    'a negative timeout',
    () => create({ ...ok, timeoutMs: -1 }),
    'timeoutMs',
    'timeoutMs: -1 is not a usable timeout. Allowed: a number of milliseconds from 1 to 2147483647, or 0 for none.',
  ],
  [
    'a userAgent with a line break',
    () => create({ ...ok, userAgent: 'app\r\nX-Evil: 1' }),
    'userAgent',
    'userAgent: is not sendable. Allowed: a header value: no CR, LF, other control characters or characters above U+00FF.',
  ],
  [
    'a userAgent that is not a string',
    () => create({ ...ok, userAgent: 7 as never }),
    'userAgent',
    'userAgent: is not sendable. Allowed: a header value: no CR, LF, other control characters or characters above U+00FF.',
  ],
  // projectId (option-checks.ts and client-config.ts)
  [
    'projectId ../',
    () => create({ ...ok, projectId: '../' }),
    'projectId',
    `projectId: is not a plain project id. Allowed: ${PROJECT_RULE}.`,
  ],
  [
    'a numeric projectId 123 (it would pass the pattern as text)',
    () => create({ ...ok, projectId: 123 as never }),
    'projectId',
    `projectId: is not a plain project id. Allowed: ${PROJECT_RULE}.`,
  ],
  [
    'projectId 0 (given, so never "not given")',
    () => create({ ...ok, projectId: 0 as never }),
    'projectId',
    `projectId: is not a plain project id. Allowed: ${PROJECT_RULE}.`,
  ],
  [
    'HUAWEICLOUD_SDK_PROJECT_ID that is not plain',
    () => create({ ...ok, projectId: undefined, env: { HUAWEICLOUD_SDK_PROJECT_ID: 'a/../b' } }),
    'projectId',
    `projectId: is not a plain project id. Allowed: ${PROJECT_RULE}.`,
  ],
  [
    'an empty projectId',
    () => create({ ...ok, projectId: '' }),
    'projectId',
    `projectId: empty. Allowed: ${PROJECT_WHERE}.`,
  ],
  [
    'an empty projectId, even where no operation needs one',
    () => createGlobal({ ...ok, projectId: '' }),
    'projectId',
    `projectId: empty. Allowed: ${PROJECT_WHERE}.`,
  ],
  [
    'no projectId and no variable',
    () => create({ ...ok, projectId: undefined }),
    'projectId',
    `projectId: not given, and HUAWEICLOUD_SDK_PROJECT_ID is unset or empty. Allowed: ${PROJECT_WHERE}.`,
  ],
  [
    'no projectId where only some operations need one',
    () =>
      createServiceClient(
        { ...ok, projectId: undefined },
        {
          servers: testServers,
          operations: {
            ListRegions: { method: 'get', path: '/v3/regions' },
            ShowResourceQuotas: testOperations.ShowResourceQuotas,
          },
        },
      ),
    'projectId',
    `projectId: not given, and HUAWEICLOUD_SDK_PROJECT_ID is unset or empty. Allowed: ${PROJECT_WHERE}.`,
  ],
  // baseUrl (option-checks.ts) and HWSEC_<API>_BASE_URL (client-config.ts)
  [
    'baseUrl ftp://',
    () => create({ ...ok, baseUrl: 'ftp://example.com' }),
    'baseUrl',
    `baseUrl: "ftp://example.com" is not an http(s) base URL. Allowed: ${URL_RULE}.`,
  ],
  [
    'baseUrl with a scheme that only ends in http',
    () => create({ ...ok, baseUrl: 'xhttp://example.com' }),
    'baseUrl',
    `baseUrl: "xhttp://example.com" is not an http(s) base URL. Allowed: ${URL_RULE}.`,
  ],
  [
    'baseUrl with user:password@ (never quoted)',
    () => create({ ...ok, baseUrl: 'https://user:pa55@example.com' }),
    'baseUrl',
    `baseUrl: the value is not an http(s) base URL. Allowed: ${URL_RULE}.`,
  ],
  [
    'baseUrl that is a URL object, not a string',
    () => create({ ...ok, baseUrl: new URL('https://example.com') as never }),
    'baseUrl',
    `baseUrl: the value is not an http(s) base URL. Allowed: ${URL_RULE}.`,
  ],
  [
    'baseUrl with a query',
    () => create({ ...ok, baseUrl: 'https://example.com/?a=1' }),
    'baseUrl',
    `baseUrl: "https://example.com/?a=1" is not an http(s) base URL. Allowed: ${URL_RULE}.`,
  ],
  [
    'HWSEC_HSS_BASE_URL that is not an http(s) URL (quoted up to 200 characters)',
    () =>
      create({
        ...ok,
        baseUrl: undefined,
        region: 'cn-north-4',
        env: { HWSEC_HSS_BASE_URL: longUrl },
      }),
    'HWSEC_HSS_BASE_URL',
    `HWSEC_HSS_BASE_URL: not an absolute http(s) URL with a host: ${JSON.stringify(longUrl.slice(0, 200))}. Allowed: e.g. http://127.0.0.1:4010.`,
  ],
  // region (endpoint.ts)
  [
    'an unknown region, service without an id',
    () => create({ ...ok, baseUrl: undefined, region: 'mars-1' }, null),
    'region',
    `region: unknown region "mars-1". Allowed: ${WHERE}; or \`baseUrl\` for another endpoint.`,
  ],
  [
    'a mistyped region: the nearest regions',
    () => create({ ...ok, baseUrl: undefined, region: 'cn-north4' }),
    'region',
    `region: unknown region "cn-north4" of hss (did you mean "cn-north-4"?). Allowed: ${WHERE_HSS}; or \`baseUrl\` (or set HWSEC_HSS_BASE_URL) for another endpoint.`,
  ],
  [
    'an unknown region of hss (quoted up to 64 characters)',
    () => create({ ...ok, baseUrl: undefined, region: longRegion }),
    'region',
    `region: unknown region "${'r'.repeat(64)}" of hss. Allowed: ${WHERE_HSS}; or \`baseUrl\` (or set HWSEC_HSS_BASE_URL) for another endpoint.`,
  ],
  [
    'neither region nor baseUrl, service without an id',
    () => create({ ...ok, baseUrl: undefined } as never, null),
    'region',
    `region: neither \`region\` nor \`baseUrl\` is given. Allowed: \`region\` (${WHERE}) or \`baseUrl\`.`,
  ],
  // explicit credentials (client-config.ts)
  [
    'credentials null',
    () => create({ ...ok, credentials: null as never }),
    'credentials',
    `credentials: not an object. Allowed: ${CREDENTIALS}.`,
  ],
  [
    'credentials that are a string',
    () => create({ ...ok, credentials: 'IAM-TOKEN-EXAMPLE' as never }),
    'credentials',
    `credentials: not an object. Allowed: ${CREDENTIALS}.`,
  ],
  [
    'a numeric secretKey',
    () => create({ ...ok, credentials: { accessKey: AK, secretKey: 987654321 as never } }),
    'credentials.secretKey',
    `credentials.secretKey: not a string. Allowed: ${CREDENTIALS}.`,
  ],
  [
    'a missing secretKey',
    () => create({ ...ok, credentials: { accessKey: AK } as never }),
    'credentials.secretKey',
    `credentials.secretKey: missing. Allowed: ${CREDENTIALS}.`,
  ],
  [
    'an empty securityToken',
    () => create({ ...ok, credentials: { accessKey: AK, secretKey: SK, securityToken: '' } }),
    'credentials.securityToken',
    `credentials.securityToken: empty. Allowed: ${CREDENTIALS}.`,
  ],
  [
    'an empty token',
    () => create({ ...ok, credentials: { token: '' } }),
    'credentials.token',
    `credentials.token: empty. Allowed: ${CREDENTIALS}.`,
  ],
  // credentials from the environment (client-config.ts)
  [
    'both HWSEC_IAM_TOKEN and HUAWEICLOUD_SDK_SK',
    () =>
      create({
        ...ok,
        credentials: undefined,
        env: { HWSEC_IAM_TOKEN: 'IAM-TOKEN-EXAMPLE', HUAWEICLOUD_SDK_SK: SK },
      }),
    'credentials',
    'credentials: both HWSEC_IAM_TOKEN and HUAWEICLOUD_SDK_SK are set. Allowed: one kind: unset one, or pass credentials.',
  ],
  [
    'a variable that is not a string (a Worker binding) is unset',
    () => create({ ...ok, credentials: undefined, env: { HWSEC_IAM_TOKEN: {} as never } }),
    'credentials',
    `credentials: not given, and none of HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HWSEC_IAM_TOKEN is set. Allowed: ${CREDENTIALS}.`,
  ],
  // credentials given straight to createTransport: the same rules, the same words
  [
    'transport: credentials null',
    () => createTransport({ credentials: null as never }),
    'credentials',
    `credentials: not an object. Allowed: ${CREDENTIALS}.`,
  ],
  [
    'transport: credentials that are a string',
    () => createTransport({ credentials: 'IAM-TOKEN-EXAMPLE' as never }),
    'credentials',
    `credentials: not an object. Allowed: ${CREDENTIALS}.`,
  ],
  [
    'transport: accessKey present but undefined',
    () => createTransport({ credentials: { accessKey: undefined as never, secretKey: SK } }),
    'credentials.accessKey',
    `credentials.accessKey: missing. Allowed: ${CREDENTIALS}.`,
  ],
  [
    'transport: an empty accessKey',
    () => createTransport({ credentials: { accessKey: '', secretKey: SK } }),
    'credentials.accessKey',
    `credentials.accessKey: empty. Allowed: ${CREDENTIALS}.`,
  ],
  [
    'transport: a numeric secretKey',
    () => createTransport({ credentials: { accessKey: AK, secretKey: 5 as never } }),
    'credentials.secretKey',
    `credentials.secretKey: not a string. Allowed: ${CREDENTIALS}.`,
  ],
  [
    'transport: an object as securityToken',
    () =>
      createTransport({
        credentials: { accessKey: AK, secretKey: SK, securityToken: {} as never },
      }),
    'credentials.securityToken',
    `credentials.securityToken: not a string. Allowed: ${CREDENTIALS}.`,
  ],
  [
    'transport: no token',
    () => createTransport({ credentials: {} as never }),
    'credentials.token',
    `credentials.token: missing. Allowed: ${CREDENTIALS}.`,
  ],
];

describe('the exact HwsecConfigError for each unusable option', () => {
  for (const [name, make, option, message] of cases)
    it(name, () => {
      const error = configError(make);
      expect(error.message).toBe(message);
      expect(error).toMatchObject({
        name: 'HwsecConfigError',
        kind: 'config',
        operation: 'createClient',
        option,
        mayHaveBeenProcessed: false,
      });
      expect(String(error)).toBe(`HwsecConfigError: ${message}`);
      for (const secret of [SK, '987654321', 'pa55', 'IAM-TOKEN-EXAMPLE'])
        expect(String(error)).not.toContain(secret);
    });

  it('an absent securityToken is fine: AK/SK without one are permanent credentials', () => {
    expect(() =>
      createTransport({ credentials: { accessKey: AK, secretKey: SK, securityToken: undefined } }),
    ).not.toThrow();
    expect(() =>
      create({ ...ok, credentials: { accessKey: AK, secretKey: SK, securityToken: undefined } }),
    ).not.toThrow();
  });

  it('http: and https: base URLs are accepted', () => {
    for (const baseUrl of ['http://127.0.0.1:4010', 'https://hss.example.com/base/'])
      expect(() => create({ ...ok, baseUrl })).not.toThrow();
  });
});
