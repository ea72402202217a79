// Every row of the README's failure table, on a real socket (a node:http server on 127.0.0.1
// that resets, stalls, cuts off, redirects...), with both transports a client can run on Node:
// the default node:http one and the built-in fetch (what browsers, Deno and Bun use; the web
// bundle itself runs the fault suite, faults.test.ts). Each row asserts the error class, its
// kind, its flag, and what the server received.
import { afterEach, describe, expect, it } from 'vitest';
import {
  HwsecAbortError,
  HwsecApiError,
  HwsecError,
  HwsecInputError,
  HwsecNetworkError,
  HwsecRedirectError,
  HwsecResponseError,
  HwsecTimeoutError,
  MAX_REDIRECTS,
} from '../dist/index.js';
import { officialSignatureFor } from '@hwsec/test-support/gateway-check';
import { hangUp, json, stall, type Reply } from '@hwsec/test-support/http-server';
import { failure } from './support/call-failure.js';
import { closeServers, serve } from './support/served.js';
import { createTestClient } from './support/test-service.js';
import { AK, PROJECT, SK } from '@hwsec/test-support/vectors';

afterEach(closeServers);

const order = { body: { resource_spec_code: 'hss.version.enterprise', period_num: 1 } };
const noWait = { maxAttempts: 3, random: () => 0, sleep: async () => undefined };

/** A body cut off after its headers: the length promises more than is sent. */
const cutOff =
  (end: 'reset' | 'close'): Reply =>
  (_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': '100',
      'x-request-id': 'rid-cut',
    });
    res.write('{"order_id":"CS', () =>
      end === 'reset' ? res.socket?.destroy() : res.socket?.end(),
    );
  };
const stallInBody: Reply = (_req, res) => {
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': '100',
    'x-request-id': 'rid-stall',
  });
  res.write('{"order_id":');
};
const body200 =
  (text: string): Reply =>
  (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'rid-200' }).end(text);
const redirect =
  (status: number, location: (req: { url: string }) => string): Reply =>
  (req, res) =>
    res.writeHead(status, { location: location(req), 'x-request-id': `rid-${status}` }).end();

const transports = [
  ['node:http (default on Node)', undefined],
  ['built-in fetch (the web transport)', globalThis.fetch],
] as const;

// Only the cases about stalls wait for a timeout; every other case has time to spare, so that a
// loaded machine's slow signing or scheduling never turns its expected error into a timeout.
// The stall cases still need the headers to arrive within it, so it is not tight either.
const STALL_TIMEOUT_MS = 2_000;

for (const [transportName, fetch] of transports) {
  const client = (baseUrl: string, extra: Partial<Parameters<typeof createTestClient>[0]> = {}) =>
    createTestClient({
      baseUrl,
      projectId: PROJECT,
      credentials: { accessKey: AK, secretKey: SK },
      fetch,
      retry: noWait,
      timeoutMs: 60_000,
      ...extra,
    });

  describe(`failure table, ${transportName}`, () => {
    it('connection refused: network, nothing placed', async () => {
      const server = await serve(json(200, {}));
      await server.close();
      const error = await failure(client(server.baseUrl).createQuotasOrder(order));
      expect(error).toBeInstanceOf(HwsecNetworkError);
      expect(error).toMatchObject({ kind: 'network', mayHaveBeenProcessed: false, attempts: 1 });
      expect((error as Error).message).toMatch(/Nothing was placed/);
    });

    it('a header value that cannot be sent (CR/LF in the token): input, nothing sent', async () => {
      const server = await serve(json(200, {}));
      const error = await failure(
        client(server.baseUrl, { credentials: { token: 'abc\r\nX-Evil: 1' } }).createQuotasOrder(
          order,
        ),
      );
      expect(error).toBeInstanceOf(HwsecInputError);
      expect(error).toMatchObject({ field: 'credentials.token', mayHaveBeenProcessed: false });
      expect(String(error)).not.toContain('abc');
      expect(server.received).toHaveLength(0);
    });

    it('caller aborted before sending: abort, nothing placed, nothing sent', async () => {
      const server = await serve(json(200, {}));
      const error = await failure(
        client(server.baseUrl).createQuotasOrder({
          ...order,
          signal: AbortSignal.abort(new Error('no')),
        }),
      );
      expect(error).toBeInstanceOf(HwsecAbortError);
      expect(error).toMatchObject({ kind: 'abort', mayHaveBeenProcessed: false });
      expect(server.received).toHaveLength(0);
    });

    it('caller aborted while the order was out: abort, may have been placed', async () => {
      const server = await serve(stall);
      const controller = new AbortController();
      const pending = failure(
        client(server.baseUrl, { timeoutMs: 0 }).createQuotasOrder({
          ...order,
          signal: controller.signal,
        }),
      );
      await expect.poll(() => server.received.length).toBe(1);
      controller.abort(new Error('caller gave up'));
      const error = await pending;
      expect(error).toBeInstanceOf(HwsecAbortError);
      expect(error).toMatchObject({ mayHaveBeenProcessed: true });
      expect((error as Error).message).toMatch(/caller gave up/);
    });

    it('reset before any answer: network, may have been placed; a read is retried, flag false', async () => {
      const server = await serve(hangUp);
      const error = await failure(client(server.baseUrl).createQuotasOrder(order));
      expect(error).toBeInstanceOf(HwsecNetworkError);
      expect(error).toMatchObject({ mayHaveBeenProcessed: true, attempts: 1 });
      expect(server.received).toHaveLength(1);
      const read = await failure(client(server.baseUrl).showResourceQuotas());
      expect(read).toMatchObject({ kind: 'network', mayHaveBeenProcessed: false, attempts: 3 });
      expect(server.received).toHaveLength(4);
    });

    for (const end of ['reset', 'close'] as const) {
      it(`a 200 cut off mid-body (${end}): network, may have been placed, request id kept`, async () => {
        const server = await serve(cutOff(end));
        const error = await failure(client(server.baseUrl).createQuotasOrder(order));
        expect(error).toBeInstanceOf(HwsecNetworkError);
        expect(error).toMatchObject({ mayHaveBeenProcessed: true, attempts: 1 });
        expect(error).toMatchObject({ requestId: 'rid-cut' });
        expect(server.received).toHaveLength(1);
      });
    }

    for (const text of ['<html>ok</html>', '{"order_id":"CS1","order_sta']) {
      it(`a 200 whose body is not JSON (${text.slice(0, 6)}...): response, may have been placed, body not quoted`, async () => {
        const server = await serve(body200(text));
        const error = await failure(client(server.baseUrl).createQuotasOrder(order));
        expect(error).toBeInstanceOf(HwsecResponseError);
        expect(error).toMatchObject({
          kind: 'response',
          status: 200,
          requestId: 'rid-200',
          mayHaveBeenProcessed: true,
        });
        expect((error as Error).message).not.toContain(text.slice(0, 6));
        const read = await failure(client(server.baseUrl).showResourceQuotas());
        expect(read).toMatchObject({ kind: 'response', mayHaveBeenProcessed: false });
      });
    }

    it('no answer (stall before headers): timeout; true for an order, false for a read', async () => {
      const server = await serve(stall);
      const stalled = { timeoutMs: STALL_TIMEOUT_MS };
      const error = await failure(client(server.baseUrl, stalled).createQuotasOrder(order));
      expect(error).toBeInstanceOf(HwsecTimeoutError);
      expect(error).toMatchObject({
        kind: 'timeout',
        timeoutMs: STALL_TIMEOUT_MS,
        mayHaveBeenProcessed: true,
      });
      const read = await failure(
        client(server.baseUrl, { ...stalled, retry: false }).showResourceQuotas(),
      );
      expect(read).toBeInstanceOf(HwsecTimeoutError);
      expect(read).toMatchObject({ mayHaveBeenProcessed: false });
    });

    it('a body that stalls after the headers is bounded by timeoutMs too', async () => {
      const server = await serve(stallInBody);
      const error = await failure(
        client(server.baseUrl, { timeoutMs: STALL_TIMEOUT_MS }).createQuotasOrder(order),
      );
      expect(error).toBeInstanceOf(HwsecTimeoutError);
      expect(error).toMatchObject({ mayHaveBeenProcessed: true });
      expect(server.received).toHaveLength(1);
    });

    for (const [status, processed] of [
      [400, false],
      [429, false],
      [500, true],
      [502, true],
      [504, true],
    ] as const) {
      it(`HTTP ${status} on an order: api, mayHaveBeenProcessed ${processed}`, async () => {
        const server = await serve(json(status, { error_code: 'E' }, { 'x-request-id': 'rid-x' }));
        const error = await failure(client(server.baseUrl).createQuotasOrder(order));
        expect(error).toBeInstanceOf(HwsecApiError);
        expect(error).toMatchObject({
          status,
          requestId: 'rid-x',
          attempts: 1,
          mayHaveBeenProcessed: processed,
        });
        expect(server.received).toHaveLength(1);
      });
    }

    for (const status of [301, 302, 303, 307, 308]) {
      it(`a ${status} on an order (POST or PUT) is not followed: redirect, may have been placed, Location kept`, async () => {
        const server = await serve(redirect(status, () => '/elsewhere'));
        const error = await failure(client(server.baseUrl).createQuotasOrder(order));
        expect(error).toBeInstanceOf(HwsecRedirectError);
        expect(error).toMatchObject({
          kind: 'redirect',
          status,
          location: '/elsewhere',
          mayHaveBeenProcessed: true,
        });
        const put = await failure(
          client(server.baseUrl).updateSubscriptionOrder({
            body: { product_list: [{ resource_size: 1 }] },
          }),
        );
        expect(put).toMatchObject({ kind: 'redirect', mayHaveBeenProcessed: true });
        expect(server.received.map((r) => r.method)).toEqual(['POST', 'PUT']);
      });
    }

    it('a read follows a same-origin redirect, re-signed for the new URL', async () => {
      const server = await serve(
        redirect(307, () => `/v5/${PROJECT}/billing/quotas?page=2`),
        json(200, { total_num: 7 }),
      );
      const { data } = await client(server.baseUrl).showResourceQuotas();
      expect(data).toEqual({ total_num: 7 });
      expect(server.received.map((r) => r.url)).toEqual([
        `/v5/${PROJECT}/billing/quotas`,
        `/v5/${PROJECT}/billing/quotas?page=2`,
      ]);
      for (const received of server.received)
        expect(received.headers['authorization']).toBe(
          officialSignatureFor(received, server.baseUrl, AK, SK),
        );
    });

    it('a read never follows a redirect to another origin: redirect error, the other origin sees nothing', async () => {
      const foreign = await serve(json(200, { total_num: 1 }));
      const server = await serve(redirect(302, (req) => `${foreign.baseUrl}${req.url}`));
      const error = await failure(
        client(server.baseUrl, {
          credentials: { token: 'TOKEN-never-abroad' },
        }).showResourceQuotas(),
      );
      expect(error).toBeInstanceOf(HwsecRedirectError);
      expect(error).toMatchObject({
        mayHaveBeenProcessed: false,
        location: `${foreign.baseUrl}/v5/${PROJECT}/billing/quotas`,
      });
      expect(foreign.received).toHaveLength(0);
    });

    it(`a read stops after ${MAX_REDIRECTS} same-origin redirects`, async () => {
      const server = await serve(redirect(302, (req) => req.url));
      const error = await failure(client(server.baseUrl).showResourceQuotas());
      expect(error).toBeInstanceOf(HwsecRedirectError);
      expect(server.received).toHaveLength(MAX_REDIRECTS + 1);
    });

    it('every error above is a HwsecError with operation and attempts', async () => {
      const server = await serve(hangUp);
      const error = await failure(client(server.baseUrl).createQuotasOrder(order));
      expect(error).toBeInstanceOf(HwsecError);
      expect(error).toMatchObject({ operation: 'CreateQuotasOrder', attempts: 1 });
    });
  });
}
