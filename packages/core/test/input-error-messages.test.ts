// Call input the types forbid is refused at run time with the exact HwsecInputError (operation,
// field, rule) and nothing reaches the real server on 127.0.0.1; input they allow goes through
// to the exact URL and body. Path parameters of raw calls are encoded strictly and dot segments
// are refused, so the URL sent is the URL signed.
import { afterEach, describe, expect, it } from 'vitest';
import { json, startServer } from '@hwsec/test-support/http-server';
import { createServiceClient, HwsecInputError } from '../dist/index.js';
import { testServers } from './support/test-service.js';
import { PROJECT } from '@hwsec/test-support/vectors';

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Call = (init?: object) => Promise<{ data?: unknown; error?: unknown }>;
interface Client {
  showThings: Call;
  createThing: Call;
  listRegions: Call;
  GET(path: string, init: object): Promise<unknown>;
}
const operations = {
  ShowThings: { method: 'get', path: '/v5/{project_id}/things', integers: ['query.limit'] },
  CreateThing: {
    method: 'post',
    path: '/v5/{project_id}/things',
    integers: ['body.count', 'body.items[].size'],
  },
  ListRegions: { method: 'get', path: '/v3/regions' },
} as const;
const client = () =>
  createServiceClient(
    {
      baseUrl: server!.baseUrl,
      projectId: PROJECT,
      credentials: { token: 'IAM-TOKEN-EXAMPLE' },
      env: {},
    },
    { servers: testServers, operations },
  ) as unknown as Client;

const PROJECT_RULE = '1 to 64 letters, digits, _ or - (a Huawei project id is 32 hex digits)';
const GIVEN = 'given (no projectId in the client options or params.path.project_id)';
const PLAIN = 'a string, number, boolean or list of them';
/** `{ a: { a: ... value } }`, `levels` deep. */
const nest = (levels: number, value: unknown): unknown =>
  levels === 0 ? value : { a: nest(levels - 1, value) };

type Refusal = [string, keyof Client, object, string, string];
const refusals: Refusal[] = [
  [
    'project id undefined',
    'showThings',
    { params: { path: { project_id: undefined } } },
    'projectId',
    GIVEN,
  ],
  ['project id null', 'showThings', { params: { path: { project_id: null } } }, 'projectId', GIVEN],
  [
    'project id empty',
    'createThing',
    { params: { path: { project_id: '' } }, body: {} },
    'projectId',
    GIVEN,
  ],
  [
    'project id a number',
    'showThings',
    { params: { path: { project_id: 123 } } },
    'params.path.project_id',
    PROJECT_RULE,
  ],
  [
    'project id ../',
    'showThings',
    { params: { path: { project_id: '../' } } },
    'params.path.project_id',
    PROJECT_RULE,
  ],
  [
    'project id an object',
    'showThings',
    { params: { path: { project_id: {} } } },
    'params.path.project_id',
    PROJECT_RULE,
  ],
  [
    'a non-integer query integer',
    'showThings',
    { params: { query: { limit: 1.5 } } },
    'params.query.limit',
    'an integer',
  ],
  [
    'a string query integer',
    'showThings',
    { params: { query: { limit: '2' } } },
    'params.query.limit',
    'an integer',
  ],
  [
    'NaN in the query',
    'showThings',
    { params: { query: { limit: Number.NaN } } },
    'params.query.limit',
    'a finite number',
  ],
  [
    'a list of objects in the query',
    'showThings',
    { params: { query: { tags: ['a', {}] } } },
    'params.query.tags',
    PLAIN,
  ],
  [
    'a list of lists in the query',
    'showThings',
    { params: { query: { tags: [[1]] } } },
    'params.query.tags',
    PLAIN,
  ],
  [
    'an object in the query',
    'showThings',
    { params: { query: { filter: { a: 1 } } } },
    'params.query.filter',
    PLAIN,
  ],
  [
    'an object as a header',
    'showThings',
    { params: { header: { 'x-thing': {} } } },
    'params.header.x-thing',
    PLAIN,
  ],
  [
    'an object as a path parameter',
    'listRegions',
    { params: { path: { id: {} } } },
    'params.path.id',
    PLAIN,
  ],
  [
    'a non-integer body integer',
    'createThing',
    { body: { count: 2.5 } },
    'body.count',
    'an integer',
  ],
  [
    'a non-integer in a list item',
    'createThing',
    { body: { items: [{ size: 1 }, { size: 0.5 }] } },
    'body.items[1].size',
    'an integer',
  ],
  [
    'Infinity in the body',
    'createThing',
    { body: { extra: [1, Infinity] } },
    'body.extra[1]',
    'a finite number',
  ],
  [
    'NaN 65 levels deep (the deepest checked)',
    'createThing',
    { body: nest(64, Number.NaN) },
    `body${'.a'.repeat(64)}`,
    'a finite number',
  ],
];

describe('refused before sending, with the exact HwsecInputError', () => {
  const OPERATION = {
    showThings: 'ShowThings',
    createThing: 'CreateThing',
    listRegions: 'ListRegions',
  };
  for (const [name, method, init, field, rule] of refusals)
    it(name, async () => {
      server = await startServer([json(200, {})]);
      const error = await (client()[method] as Call)(init).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HwsecInputError);
      const operation = OPERATION[method as keyof typeof OPERATION];
      expect((error as HwsecInputError).message).toBe(
        `${operation}: ${field} must be ${rule}. Nothing was sent.`,
      );
      expect(error).toMatchObject({ operation, field, rule, mayHaveBeenProcessed: false });
      expect(server.received).toHaveLength(0);
    });

  it('a cyclic body stops the check (no stack overflow) and is refused by JSON, nothing sent', async () => {
    server = await startServer([json(200, {})]);
    const cyclic: Record<string, unknown> = { count: 1 };
    cyclic['self'] = cyclic;
    const error = await client()
      .createThing({ body: cyclic })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/circular/i);
    expect(server.received).toHaveLength(0);
  });
});

describe('what the types allow is sent as given', () => {
  const sent: Array<[string, keyof Client, object, string, string]> = [
    ['an operation without a project', 'listRegions', {}, '/v3/regions', ''],
    ['no query: the optional integer is left out', 'showThings', {}, `/v5/${PROJECT}/things`, ''],
    [
      'plain query values, lists of them, and undefined/null ones',
      'showThings',
      {
        params: {
          query: {
            limit: 5,
            tags: ['a', 1, true],
            flag: false,
            name: 'x',
            gone: undefined,
            none: null,
          },
        },
      },
      `/v5/${PROJECT}/things?limit=5&tags=a&tags=1&tags=true&flag=false&name=x`,
      '',
    ],
    [
      'a list holding null is plain (openapi-fetch writes the item empty)',
      'showThings',
      { params: { query: { tags: ['a', null] } } },
      `/v5/${PROJECT}/things?tags=a&`,
      '',
    ],
    [
      'a null optional integer',
      'showThings',
      { params: { query: { limit: null } } },
      `/v5/${PROJECT}/things`,
      '',
    ],
    [
      'a body without the listed integers',
      'createThing',
      { body: {} },
      `/v5/${PROJECT}/things`,
      '{}',
    ],
    [
      'integers that are null, absent or whole',
      'createThing',
      { body: { count: null, items: [{ size: 1 }, {}, { size: null }, null] } },
      `/v5/${PROJECT}/things`,
      '{"count":null,"items":[{"size":1},{},{"size":null},null]}',
    ],
    [
      'a list field that is not a list is left to the server',
      'createThing',
      { body: { items: 'none' } },
      `/v5/${PROJECT}/things`,
      '{"items":"none"}',
    ],
    ['no body at all', 'createThing', {}, `/v5/${PROJECT}/things`, ''],
  ];
  for (const [name, method, init, url, body] of sent)
    it(name, async () => {
      server = await startServer([json(200, {})]);
      const result = await (client()[method] as Call)(init);
      expect(result.error).toBeUndefined();
      expect(server.received).toHaveLength(1);
      expect(server.received[0]!.url).toBe(url);
      expect(server.received[0]!.body).toBe(body);
    });
});

describe('raw calls: path parameters', () => {
  for (const value of ['.', '..', ''])
    it(`${JSON.stringify(value)} would be a dot or empty segment: refused, nothing sent`, async () => {
      server = await startServer([json(200, {})]);
      const error = await client()
        .GET('/v5/{project_id}/things', { params: { path: { project_id: value } } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TypeError);
      expect((error as Error).message).toBe('bad path parameter project_id');
      expect(server.received).toHaveLength(0);
    });

  for (const [value, segment] of [
    ['...', '...'],
    ['a.b', 'a.b'],
    ['a b/c', 'a%20b%2Fc'],
    [undefined, '%7Bproject_id%7D'],
    [null, '%7Bproject_id%7D'],
  ] as const)
    it(`${String(value)} is sent as the segment ${segment}`, async () => {
      server = await startServer([json(200, {})]);
      await client().GET('/v5/{project_id}/things', { params: { path: { project_id: value } } });
      expect(server.received.map((r) => r.url)).toEqual([`/v5/${segment}/things`]);
    });
});
