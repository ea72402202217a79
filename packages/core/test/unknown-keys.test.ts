// A key the client does not know is refused before anything is sent, in plain JavaScript too:
// an option (`projectID`) when the client is created, a parameter or body property (anywhere,
// nested objects and lists included) when an operation is called, each naming the key and the
// nearest known one. `extraFields()` lets a field the spec does not define yet through, on purpose.
import { afterEach, describe, expect, it } from 'vitest';
import {
  createServiceClient,
  extraFields,
  HwsecConfigError,
  HwsecInputError,
  type OperationInputs,
} from '../dist/index.js';
import { closestNames, didYouMean, editDistance } from '../src/closest-name.js';
import { closeServers, serve } from './support/served.js';
import { testServers } from './support/test-service.js';
import { PROJECT } from '@hwsec/test-support/vectors';

const inputs = {
  path: { project_id: 0 },
  query: { enterprise_project_id: 0 },
  header: { 'x-language': 0 },
  body: {
    scene: 0,
    is_auto_pay: 0,
    product_list: [{ resource_id: 0, resource_size: 0, tags: 0 }],
    period: { type: 0, num: 0 },
  },
} as const satisfies OperationInputs;

const operations = {
  UpdateSubscriptionOrder: { method: 'put', path: '/v1/{project_id}/orders', inputs },
  Unchecked: { method: 'put', path: '/v1/{project_id}/free' },
} as const;

const ok = { projectId: PROJECT, credentials: { token: 'IAM-TOKEN-EXAMPLE' }, env: {} };
const reply = (_: unknown, res: import('node:http').ServerResponse) =>
  res.writeHead(200, { 'content-type': 'application/json' }).end('{}');

async function client() {
  const server = await serve(reply);
  // Any: what a JavaScript caller can pass, whatever the types say.
  const api = createServiceClient(
    { ...ok, baseUrl: server.baseUrl },
    {
      servers: testServers,
      operations,
    },
  ) as any;
  return { api, server };
}
afterEach(closeServers);

async function inputError(call: Promise<unknown>): Promise<HwsecInputError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HwsecInputError);
  return error as HwsecInputError;
}

describe('closest names', () => {
  it.each([
    ['projectID', ['projectId', 'baseUrl', 'region'], ['projectId']],
    ['is_autopay', ['is_auto_pay', 'is_auto_renew', 'period_num'], ['is_auto_pay']],
    ['cn-north4', ['cn-north-4', 'cn-north-1', 'cn-north-9', 'ap-southeast-1'], ['cn-north-4']],
    ['timeout', ['timeoutMs', 'retry'], ['timeoutMs']],
    ['zzzzzz', ['projectId', 'region'], []],
  ])('%s -> %j', (name, known, expected) => {
    expect(closestNames(name, known)).toEqual(expected);
  });

  it('counts edits (Levenshtein); a swap of neighbours still finds its name', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(closestNames('reigon', ['region', 'baseUrl'])).toEqual(['region']);
  });

  it('words the hint', () => {
    expect(didYouMean('baseURL', ['baseUrl'])).toBe(' (did you mean `baseUrl`?)');
    expect(didYouMean('qqq', ['baseUrl'])).toBe('');
  });
});

describe('an unknown option is refused when the client is created', () => {
  const create = (options: object) =>
    createServiceClient(options as never, { servers: testServers, operations });
  it.each([
    [{ ...ok, region: 'cn-north-4', projectID: 'abc' }, 'projectID', '`projectId`'],
    [{ ...ok, baseURL: 'http://127.0.0.1:9' }, 'baseURL', '`baseUrl`'],
    [{ ...ok, region: 'cn-north-4', timeout: 5 }, 'timeout', '`timeoutMs`'],
    [
      { ...ok, region: 'cn-north-4', retry: { maxAttempt: 2 } },
      'retry.maxAttempt',
      '`retry.maxAttempts`',
    ],
    [
      { ...ok, region: 'cn-north-4', credentials: { acessKey: 'a', secretKey: 's' } },
      'credentials.acessKey',
      '`credentials.accessKey`',
    ],
  ])('%j -> %s', (options, option, hint) => {
    let error: unknown;
    try {
      create(options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HwsecConfigError);
    expect(error).toMatchObject({ option, mayHaveBeenProcessed: false });
    expect((error as Error).message).toMatch(
      new RegExp(
        `^${option.replace('.', '\\.')}: unknown option \\(did you mean ${hint.replace('.', '\\.')}\\?\\)\\. Allowed: `,
      ),
    );
  });

  it('the message for projectID, in full', () => {
    expect(() => create({ ...ok, region: 'cn-north-4', projectID: 'abc' })).toThrow(
      'projectID: unknown option (did you mean `projectId`?). Allowed: region, site, baseUrl, projectId, domainId, iamEndpoint, credentials, env, fetch, timeoutMs, retry, userAgent, clock, logger.',
    );
  });

  it('a known option set to undefined is fine', () => {
    expect(() => create({ ...ok, region: 'cn-north-4', userAgent: undefined })).not.toThrow();
  });
});

describe('an unknown key in a call is refused before anything is sent', () => {
  const good = { scene: 'PREPAID', product_list: [{ resource_id: 'r', resource_size: 1 }] };
  it.each([
    [{ body: { ...good, is_autopay: true } }, 'body.is_autopay', '`is_auto_pay`'],
    [
      {
        body: {
          ...good,
          product_list: [{ resource_id: 'r' }, { resource_id: 'r', resouce_size: 2 }],
        },
      },
      'body.product_list[1].resouce_size',
      '`resource_size`',
    ],
    [{ body: { ...good, period: { type: 1, numb: 2 } } }, 'body.period.numb', '`num`'],
    [
      { params: { query: { enterprise_projectid: '0' } }, body: good },
      'params.query.enterprise_projectid',
      '`enterprise_project_id`',
    ],
    [
      { params: { path: { projectid: PROJECT } }, body: good },
      'params.path.projectid',
      '`project_id`',
    ],
    [
      { params: { header: { 'X-Languge': 'en-us' } }, body: good },
      'params.header.X-Languge',
      '`x-language`',
    ],
    [{ params: { querry: {} }, body: good }, 'params.querry', '`query`'],
  ])('%j -> %s', async (init, field, hint) => {
    const { api, server } = await client();
    const error = await inputError(api.updateSubscriptionOrder(init));
    expect(error).toMatchObject({
      field,
      operation: 'UpdateSubscriptionOrder',
      mayHaveBeenProcessed: false,
    });
    expect(error.message).toBe(
      `UpdateSubscriptionOrder: ${field} must be a property the spec defines (did you mean ${hint}?), or marked by extraFields(). Nothing was sent.`,
    );
    expect(server.received).toEqual([]);
  });

  it('known keys in any case of a header, an open object (tags) and an unchecked operation pass', async () => {
    const { api, server } = await client();
    await api.updateSubscriptionOrder({
      params: { header: { 'X-Language': 'en-us' } },
      body: { ...good, product_list: [{ resource_id: 'r', resource_size: 1, tags: { any: 1 } }] },
    });
    await api.unchecked({ body: { anything: { goes: true } } });
    expect(server.received).toHaveLength(2);
  });

  it('extraFields lets a field the spec does not define yet through, and only that one; the mark is never sent', async () => {
    const { api, server } = await client();
    await api.updateSubscriptionOrder({ body: { ...good, ...extraFields({ new_flag: true }) } });
    expect(JSON.parse(server.received[0]!.body)).toEqual({ ...good, new_flag: true });
    const error = await inputError(
      api.updateSubscriptionOrder({
        body: { ...good, ...extraFields({ new_flag: true }), other: 1 },
      }),
    );
    expect(error.field).toBe('body.other');
    expect(server.received).toHaveLength(1);
  });
});
