// What the types forbid is refused at run time: bad options when the client is created
// (HwsecConfigError), bad call input before anything is sent (HwsecInputError). Each error names
// the field and the rule, never quotes a secret, and says nothing was placed.
import { afterEach, describe, expect, it } from 'vitest';
import { HwsecConfigError, HwsecInputError, createTransport } from '../dist/index.js';
import { json, startServer } from '@hwsec/test-support/http-server';
import { createTestClient } from './support/test-service.js';
import { AK, PROJECT, SK } from '@hwsec/test-support/vectors';

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const base = {
  baseUrl: 'http://127.0.0.1:9',
  projectId: PROJECT,
  credentials: { token: 't0ken-value' },
};
const configError = (make: () => unknown) => {
  try {
    make();
  } catch (error) {
    return error as HwsecConfigError;
  }
  throw new Error('expected a HwsecConfigError');
};

describe('options are checked when the client is created', () => {
  for (const timeoutMs of [
    -1,
    Number.NaN,
    Infinity,
    -Infinity,
    2 ** 31,
    '100' as unknown as number,
  ]) {
    it(`timeoutMs ${String(timeoutMs)} is a HwsecConfigError`, () => {
      const error = configError(() => createTestClient({ ...base, timeoutMs }));
      expect(error).toBeInstanceOf(HwsecConfigError);
      expect(error).toMatchObject({
        kind: 'config',
        option: 'timeoutMs',
        mayHaveBeenProcessed: false,
      });
      expect(error.message).toMatch(/2147483647/);
    });
  }

  it('timeoutMs 0 (no timeout), 1 and 2^31-1 are accepted', () => {
    for (const timeoutMs of [0, 1, 2 ** 31 - 1])
      expect(() => createTestClient({ ...base, timeoutMs })).not.toThrow();
  });

  for (const baseUrl of [
    'localhost:4010',
    'ftp://example.com',
    'not a url',
    '//example.com',
    'http://u:p@example.com',
  ]) {
    it(`baseUrl ${JSON.stringify(baseUrl)} is a HwsecConfigError`, () => {
      const error = configError(() => createTestClient({ ...base, baseUrl }));
      expect(error).toMatchObject({ option: 'baseUrl', mayHaveBeenProcessed: false });
      expect(error.message).not.toContain('u:p');
    });
  }

  for (const userAgent of ['app\r\nX-Evil: 1', 'app\n', 'app\u0000', 'app ✓']) {
    it(`userAgent with ${JSON.stringify(userAgent.slice(3))} is a HwsecConfigError`, () => {
      expect(configError(() => createTestClient({ ...base, userAgent }))).toMatchObject({
        option: 'userAgent',
      });
    });
  }

  for (const projectId of ['../', 'a/b', 'é', 'p\u0007', '😀', '%2e%2e']) {
    it(`projectId ${JSON.stringify(projectId)} is a HwsecConfigError`, () => {
      expect(configError(() => createTestClient({ ...base, projectId }))).toMatchObject({
        option: 'projectId',
      });
    });
  }

  it('a numeric secretKey is refused without echoing it', () => {
    const error = configError(() =>
      createTestClient({
        ...base,
        credentials: { accessKey: AK, secretKey: 987654321 as unknown as string },
      }),
    );
    expect(error).toMatchObject({ option: 'credentials.secretKey', kind: 'config' });
    for (const text of [error.message, String(error), JSON.stringify(error)])
      expect(text).not.toContain('987654321');
  });

  for (const [credentials, option] of [
    [{ accessKey: 12345678901234, secretKey: SK }, 'credentials.accessKey'],
    [{ accessKey: AK, secretKey: SK, securityToken: { sts: 'x' } }, 'credentials.securityToken'],
    [{ token: ['MIItoken'] }, 'credentials.token'],
    [{ token: '' }, 'credentials.token'],
    [undefined, 'credentials'],
  ] as const) {
    it(`${option} of the wrong type is a HwsecConfigError (createTransport too)`, () => {
      const error = configError(() => createTransport({ credentials: credentials as never }));
      expect(error).toMatchObject({ option });
      expect(error.message).not.toMatch(/12345678901234|MIItoken|sts/);
    });
  }
});

describe('call input is checked before sending', () => {
  const order = (body: Record<string, unknown>, init: Record<string, unknown> = {}) =>
    createTestClient({ ...base, baseUrl: server!.baseUrl })
      .createQuotasOrder({
        body: { resource_spec_code: 'a', period_num: 1, ...body } as never,
        ...init,
      })
      .catch((e: unknown) => e);

  const cases: Array<[string, Record<string, unknown>, Record<string, unknown>, string, RegExp]> = [
    [
      'project id ../',
      {},
      { params: { path: { project_id: '../' } } },
      'params.path.project_id',
      /letters, digits/,
    ],
    [
      'project id {}',
      {},
      { params: { path: { project_id: {} } } },
      'params.path.project_id',
      /letters, digits/,
    ],
    [
      'non-ASCII project id',
      {},
      { params: { path: { project_id: 'é' } } },
      'params.path.project_id',
      /letters/,
    ],
    [
      'control character in project id',
      {},
      { params: { path: { project_id: 'a\tb' } } },
      'params.path.project_id',
      /letters/,
    ],
    ['NaN in an integer field', { period_num: Number.NaN }, {}, 'body.period_num', /finite number/],
    [
      'Infinity in an integer field',
      { period_num: Infinity },
      {},
      'body.period_num',
      /finite number/,
    ],
    ['a non-integer in an integer field', { period_num: 1.5 }, {}, 'body.period_num', /an integer/],
    ['a string in an integer field', { period_num: '1' }, {}, 'body.period_num', /an integer/],
    [
      'a non-finite number anywhere',
      { extra: { deep: [1, -Infinity] } },
      {},
      'body.extra.deep[1]',
      /finite/,
    ],
    ['signal: {}', {}, { signal: {} }, 'signal', /AbortSignal/],
    [
      'an object as a header parameter',
      {},
      { params: { header: { region: { a: 1 } } } },
      'params.header.region',
      /string/,
    ],
  ];
  for (const [name, body, init, field, rule] of cases) {
    it(`${name}: HwsecInputError naming ${field}, nothing sent`, async () => {
      server = await startServer([json(200, { order_id: 'o' })]);
      const error = await order(body, init);
      expect(error).toBeInstanceOf(HwsecInputError);
      expect(error).toMatchObject({
        kind: 'input',
        field,
        operation: 'CreateQuotasOrder',
        mayHaveBeenProcessed: false,
      });
      expect((error as HwsecInputError).rule).toMatch(rule);
      expect((error as Error).message).toMatch(/Nothing was sent/);
      expect(server.received).toHaveLength(0);
    });
  }

  it('integers inside lists are checked too (spec: product_list[].resource_size)', async () => {
    server = await startServer([json(200, {})]);
    const error = await createTestClient({ ...base, baseUrl: server.baseUrl })
      .updateSubscriptionOrder({
        body: { product_list: [{ resource_size: 1 }, { resource_size: 2.5 }] },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'input', field: 'body.product_list[1].resource_size' });
    expect(server.received).toHaveLength(0);
  });

  it('a valid call goes through', async () => {
    server = await startServer([json(200, { order_id: 'o' })]);
    expect(await order({ period_num: 2 })).toMatchObject({ data: { order_id: 'o' } });
    expect(server.received).toHaveLength(1);
  });
});
