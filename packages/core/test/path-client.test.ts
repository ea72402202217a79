// The by-path client (`client.GET(path, init)`, `request`, `use`, `eject`): openapi-fetch's typed
// API on core's own request building. Checked against a real server on 127.0.0.1 and, for the
// query, against openapi-fetch's own serializer: what a call sends and returns is what
// openapi-fetch 0.17 would send and return; only options that would bypass the signing
// transport are refused, before anything is sent.
import { createQuerySerializer, type Middleware } from 'openapi-fetch';
import { afterEach, describe, expect, it } from 'vitest';
import { HwsecInputError, PlainRequest } from '../dist/index.js';
import { json, startServer } from '@hwsec/test-support/http-server';
import { AK, PROJECT, SK } from '@hwsec/test-support/vectors';
import { createTestClient } from './support/test-service.js';

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const QUOTAS = '/v5/{project_id}/billing/quotas' as const;

async function clientOn(...replies: Parameters<typeof startServer>[0]) {
  server = await startServer(replies.length ? replies : [json(200, { total_num: 1 })]);
  return createTestClient({
    baseUrl: server.baseUrl,
    projectId: PROJECT,
    credentials: { accessKey: AK, secretKey: SK },
  });
}

describe('what a by-path call sends', () => {
  it('the query as openapi-fetch writes it: lists repeated, objects as deepObject, null left out', async () => {
    const client = await clientOn();
    const query = {
      version: 'hss.version.basic',
      tags: ['a b', 'c&d', 1, true],
      empty: [],
      filter: { kind: 'x/y', level: 2 },
      none: null,
      gone: undefined,
    };
    await client.GET(QUOTAS, {
      params: { path: { project_id: PROJECT }, query: query as never },
    });
    const expected = createQuerySerializer()(query);
    expect(server!.received[0]!.url).toBe(`/v5/${PROJECT}/billing/quotas?${expected}`);
  });

  it('headers: params.header and headers merged, a null value removes one, a list appends', async () => {
    const client = await clientOn();
    await client.request('get', QUOTAS, {
      params: { path: { project_id: PROJECT }, header: { 'X-Gone': null } } as never,
      headers: { 'X-Language': 'en-us', 'X-Trace': ['1', '2'], 'X-Gone': 'yes' },
    });
    const { headers, method } = server!.received[0]!;
    expect(method).toBe('GET');
    expect(headers['x-language']).toBe('en-us');
    expect(headers['x-trace']).toBe('1, 2');
    expect(headers['x-gone']).toBeUndefined();
  });

  it('a custom querySerializer function and bodySerializer are used', async () => {
    const client = await clientOn(json(200, { order_id: 'CS1' }));
    await client.POST('/v5/{project_id}/quotas/orders', {
      params: { path: { project_id: PROJECT } },
      body: { resource_spec_code: 'hss.version.basic', period_num: 1 },
      querySerializer: () => '?mine=1',
      bodySerializer: (body) => JSON.stringify({ wrapped: body }),
    });
    const [received] = server!.received;
    expect(received!.url).toBe(`/v5/${PROJECT}/quotas/orders?mine=1`);
    expect(JSON.parse(received!.body)).toEqual({
      wrapped: { resource_spec_code: 'hss.version.basic', period_num: 1 },
    });
  });

  for (const [option, value, rule] of [
    [
      'fetch',
      () => Promise.resolve(new Response('{}')),
      "left out (every call goes through the client's signing transport)",
    ],
    ['Request', Request, "left out (every call goes through the client's signing transport)"],
    [
      'pathSerializer',
      (p: string) => p,
      "left out (every call goes through the client's signing transport)",
    ],
    [
      'querySerializer',
      { array: { style: 'pipeDelimited', explode: false } },
      'a function (style options are not supported)',
    ],
  ] as const) {
    it(`a per-call ${option} ${option === 'querySerializer' ? 'given as style options ' : ''}is refused and nothing is sent`, async () => {
      const client = await clientOn();
      const error = await client
        .GET(QUOTAS, { params: { path: { project_id: PROJECT } }, [option]: value } as never)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HwsecInputError);
      expect(error).toMatchObject({ field: option, rule, mayHaveBeenProcessed: false });
      expect((error as Error).message).toBe(
        `GET ${server!.baseUrl}${QUOTAS}: ${option} must be ${rule}. Nothing was sent.`,
      );
      expect(server!.received).toHaveLength(0);
    });
  }
});

describe('what a by-path call returns', () => {
  it('a 2xx as data, a 4xx as the parsed error body, an empty 2xx as undefined data', async () => {
    const client = await clientOn(
      json(200, { total_num: 2 }),
      json(400, { error_code: 'HSS.0001', error_msg: 'bad' }),
      (_req, res) => res.writeHead(204).end(),
    );
    const init = { params: { path: { project_id: PROJECT } } };
    expect((await client.GET(QUOTAS, init)).data).toEqual({ total_num: 2 });
    const failed = await client.GET(QUOTAS, init);
    expect(failed.error).toEqual({ error_code: 'HSS.0001', error_msg: 'bad' });
    expect(failed.response.status).toBe(400);
    const empty = await client.GET(QUOTAS, init);
    expect(empty.data).toBeUndefined();
    expect(empty.response.status).toBe(204);
  });

  it('parseAs: text gives the body as text', async () => {
    const client = await clientOn();
    const { data } = await client.GET(QUOTAS, {
      params: { path: { project_id: PROJECT } },
      parseAs: 'text',
    });
    expect(data).toBe('{"total_num":1}');
  });
});

describe('middleware (use, eject, per call)', () => {
  it('onRequest sees the PlainRequest and may add a header (signed with the rest); eject removes it', async () => {
    const client = await clientOn();
    const seen: string[] = [];
    const tag: Middleware = {
      onRequest({ request, schemaPath }) {
        expect(request).toBeInstanceOf(PlainRequest);
        seen.push(`${request.method} ${schemaPath}`);
        request.headers.set('X-Tag', 'on');
      },
    };
    client.use(tag);
    await client.GET(QUOTAS, { params: { path: { project_id: PROJECT } } });
    client.eject(tag);
    await client.GET(QUOTAS, { params: { path: { project_id: PROJECT } } });
    expect(seen).toEqual([`GET ${QUOTAS}`]);
    const [first, second] = server!.received;
    expect(first!.headers['x-tag']).toBe('on');
    expect(first!.headers['authorization']).toContain('x-tag');
    expect(second!.headers['x-tag']).toBeUndefined();
  });

  it('a per-call onResponse may replace the response; an onRequest Response answers without sending', async () => {
    const client = await clientOn();
    const replaced = await client.GET(QUOTAS, {
      params: { path: { project_id: PROJECT } },
      middleware: [{ onResponse: () => Response.json({ total_num: 9 }) }],
    });
    expect(replaced.data).toEqual({ total_num: 9 });
    const answered = await client.GET(QUOTAS, {
      params: { path: { project_id: PROJECT } },
      middleware: [{ onRequest: () => Response.json({ total_num: 7 }) }],
    });
    expect(answered.data).toEqual({ total_num: 7 });
    expect(server!.received).toHaveLength(1);
  });

  it('use refuses what is not a middleware', async () => {
    const client = await clientOn();
    expect(() => client.use({} as Middleware)).toThrow(
      /onRequest\(\), onResponse\(\) or onError\(\)/,
    );
  });
});
