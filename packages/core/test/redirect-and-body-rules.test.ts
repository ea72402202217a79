// One attempt's rules about what came back: which statuses are redirects (300 is, 304 is not),
// a Location that is not a URL, a Location carrying a secret, empty and non-JSON bodies, what a
// success Response keeps (status, statusText, headers, url), the raw bytes of an error body, and
// an injected fetch that fails in odd ways (rejects with null, or with a non-string request id).
import { afterEach, describe, expect, it } from 'vitest';
import {
  HwsecNetworkError,
  HwsecRedirectError,
  PlainRequest,
  REDACTED,
  createTransport,
} from '../dist/index.js';
import { json, type Reply } from '@hwsec/test-support/http-server';
import { failure } from './support/call-failure.js';
import { closeServers, serve } from './support/served.js';
import { createTestClient } from './support/test-service.js';
import { AK, PROJECT, SK } from '@hwsec/test-support/vectors';

afterEach(closeServers);

const order = { body: { resource_spec_code: 'hss.version.enterprise', period_num: 1 } };
const QUOTAS = `/v5/${PROJECT}/billing/quotas`;
const redirect =
  (status: number, location: string): Reply =>
  (_req, res) =>
    res.writeHead(status, { location, 'x-request-id': `rid-${status}` }).end();

const transports = [
  ['node:http', undefined],
  ['built-in fetch', globalThis.fetch],
] as const;

for (const [name, fetch] of transports) {
  const client = (baseUrl: string, extra: Partial<Parameters<typeof createTestClient>[0]> = {}) =>
    createTestClient({
      baseUrl,
      projectId: PROJECT,
      credentials: { accessKey: AK, secretKey: SK },
      fetch,
      retry: false,
      ...extra,
    });

  describe(`what comes back (${name})`, () => {
    it('a 300 is a redirect: a read follows it (same origin), an order does not', async () => {
      const read = await serve(redirect(300, '/moved'), json(200, { total_num: 3 }));
      const { data } = await client(read.baseUrl).showResourceQuotas();
      expect(data).toEqual({ total_num: 3 });
      expect(read.received.map((r) => r.url)).toEqual([QUOTAS, '/moved']);

      const placed = await serve(redirect(300, '/moved'), json(200, { order_id: 'dup' }));
      const error = await failure(client(placed.baseUrl).createQuotasOrder(order));
      expect(error).toBeInstanceOf(HwsecRedirectError);
      expect(error).toMatchObject({ status: 300, location: '/moved', mayHaveBeenProcessed: true });
      expect(placed.received).toHaveLength(1);
    });

    it('a 304 is no redirect: it comes back as the answer, once', async () => {
      const server = await serve((_req, res) => res.writeHead(304, { etag: '"1"' }).end());
      const { data, error, response } = await client(server.baseUrl).showResourceQuotas();
      expect(response.status).toBe(304);
      // Not 2xx: openapi-fetch gives its (empty) body as `error`.
      expect([data, error]).toEqual([undefined, '']);
      expect(server.received).toHaveLength(1);
    });

    it('a Location that is not a URL is not followed, and the error says so', async () => {
      const server = await serve(redirect(302, 'http://['), json(200, {}));
      const error = await failure(client(server.baseUrl).showResourceQuotas());
      expect(error).toBeInstanceOf(HwsecRedirectError);
      expect((error as Error).message).toBe(
        'ShowResourceQuotas: redirect 302 to http://[ not followed: its Location is not a URL (request id rid-302).',
      );
      expect(server.received).toHaveLength(1);
    });

    it('a secret in a Location is masked in the error (field and message)', async () => {
      const server = await serve(redirect(302, `https://elsewhere.example/cb?sk=${SK}`));
      const error = (await failure(client(server.baseUrl).createQuotasOrder(order))) as Error &
        HwsecRedirectError;
      expect(error.location).toBe(`https://elsewhere.example/cb?sk=${REDACTED}`);
      expect(error.message).toBe(
        `CreateQuotasOrder: redirect 302 to https://elsewhere.example/cb?sk=${REDACTED} not followed: an order is never sent twice (request id rid-302). Not retried: the order may or may not have been placed.`,
      );
    });

    it('an empty 200 (Content-Length: 0) and a 204 are successes without data', async () => {
      const server = await serve(
        (_req, res) => res.writeHead(200, { 'content-length': '0' }).end(),
        (_req, res) => res.writeHead(204).end(),
      );
      for (const status of [200, 204]) {
        const { data, error, response } = await client(server.baseUrl).createQuotasOrder(order);
        expect([response.status, data, error]).toEqual([status, undefined, undefined]);
      }
    });

    it('a success keeps its status, statusText, headers and URL', async () => {
      const server = await serve(json(201, { order_id: 'CS1' }, { 'x-request-id': 'rid-201' }));
      const { data, response } = await client(server.baseUrl).createQuotasOrder(order);
      expect(data).toEqual({ order_id: 'CS1' });
      expect(response.status).toBe(201);
      expect(response.statusText).toBe('Created');
      expect(response.headers.get('x-request-id')).toBe('rid-201');
      expect(response.url).toBe(`${server.baseUrl}/v5/${PROJECT}/quotas/orders`);
    });

    it('a non-JSON error body is given back as text, its secrets masked', async () => {
      const server = await serve((_req, res) =>
        res.writeHead(500, { 'content-type': 'text/plain' }).end(`denied for ${SK} today`),
      );
      const { error, response } = await client(server.baseUrl).showResourceQuotas();
      expect(error).toBe(`denied for ${REDACTED} today`);
      // A new Response with the masked body, and all else as it came.
      expect(response.status).toBe(500);
      expect(response.statusText).toBe('Internal Server Error');
      expect(response.headers.get('content-type')).toBe('text/plain');
      expect(response.url).toBe(`${server.baseUrl}${QUOTAS}`);
    });
  });
}

describe('an error body with nothing to mask keeps its raw bytes (node:http)', () => {
  it('arrayBuffer() gives the bytes the server sent, even when they are not UTF-8', async () => {
    const bytes = [0x6f, 0x6b, 0xe9, 0x00, 0xff];
    const server = await serve((_req, res) =>
      res.writeHead(500, { 'content-type': 'text/plain' }).end(Buffer.from(bytes)),
    );
    const { transport } = createTransport({
      credentials: { accessKey: AK, secretKey: SK },
      retry: false,
    });
    const response = await transport(new PlainRequest(`${server.baseUrl}${QUOTAS}`));
    expect(response.status).toBe(500);
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual(bytes);
  });
});

describe('an injected fetch that fails oddly', () => {
  const client = (fetch: (url: string, init: RequestInit) => Promise<Response>) =>
    createTestClient({
      baseUrl: 'https://hss.example.test',
      projectId: PROJECT,
      credentials: { accessKey: AK, secretKey: SK },
      fetch,
      retry: false,
    });

  it('rejecting with null is still a HwsecNetworkError', async () => {
    const error = await failure(client(() => Promise.reject(null)).createQuotasOrder(order));
    expect(error).toBeInstanceOf(HwsecNetworkError);
    expect(error).toMatchObject({ kind: 'network', mayHaveBeenProcessed: true, attempts: 1 });
  });

  it('a request id that is not a string is not reported; a string one is', async () => {
    const failing = (requestId: unknown) => () =>
      Promise.reject(Object.assign(new TypeError('cut off'), { requestId }));
    const numeric = await failure(client(failing(42)).createQuotasOrder(order));
    expect(numeric).toBeInstanceOf(HwsecNetworkError);
    expect((numeric as HwsecNetworkError).requestId).toBeUndefined();
    const named = await failure(client(failing('rid-cut')).createQuotasOrder(order));
    expect((named as HwsecNetworkError).requestId).toBe('rid-cut');
  });
});
