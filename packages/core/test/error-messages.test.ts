// The exact text and fields of every kind of error, as a user reads them: the operation, the
// status and error code, the request id to quote to support, and for an order the closing
// sentence saying whether it may have been placed (README, failure table). Each case is a real
// call against a real server on 127.0.0.1 (or, where only a browser produces the answer, an
// injected fetch returning what the browser returns).
import { afterEach, describe, expect, it } from 'vitest';
import {
  HwsecAbortError,
  HwsecApiError,
  HwsecInputError,
  HwsecNetworkError,
  HwsecRedirectError,
  HwsecResponseError,
  HwsecTimeoutError,
  REDACTED,
  unwrap,
} from '../dist/index.js';
import { json, stall, type Reply } from '@hwsec/test-support/http-server';
import { PROJECT } from '@hwsec/test-support/vectors';
import { failure } from './support/call-failure.js';
import { closeServers, serve } from './support/served.js';
import { createTestClient } from './support/test-service.js';

const PLACED = ' Not retried: the order may or may not have been placed.';
const NOTHING = ' Nothing was placed.';
const TOKEN = 'MIIerror-messages-token-0123456789';

afterEach(closeServers);

type Options = Partial<Parameters<typeof createTestClient>[0]>;
const client = (baseUrl: string, options: Options = {}) =>
  createTestClient({
    baseUrl,
    projectId: PROJECT,
    credentials: { token: TOKEN },
    retry: false,
    timeoutMs: 60_000,
    ...options,
  });
const order = { body: { resource_spec_code: 'hss.version.enterprise', period_num: 1 } };

const text =
  (status: number, body: string, headers: Record<string, string> = {}): Reply =>
  (_req, res) =>
    res.writeHead(status, { 'content-type': 'text/plain', ...headers }).end(body);

describe('HwsecApiError (from unwrap)', () => {
  it('an order refused with a code, a message and a request id', async () => {
    const server = await serve(
      json(400, { error_code: 'HSS.1001', error_msg: 'bad spec' }, { 'x-request-id': 'rid-400' }),
    );
    const error = await failure(client(server.baseUrl).createQuotasOrder(order));
    expect(error).toBeInstanceOf(HwsecApiError);
    expect((error as Error).message).toBe(
      `CreateQuotasOrder failed: HTTP 400 HSS.1001: bad spec (request id rid-400).${NOTHING}`,
    );
    expect(error).toMatchObject({
      name: 'HwsecApiError',
      kind: 'api',
      operation: 'CreateQuotasOrder',
      status: 400,
      errorCode: 'HSS.1001',
      errorMsg: 'bad spec',
      requestId: 'rid-400',
      attempts: 1,
      mayHaveBeenProcessed: false,
    });
  });

  it('a 5xx with an empty body and no request id: the status alone, may have been placed', async () => {
    const server = await serve(json(500, {}));
    const error = await failure(client(server.baseUrl).createQuotasOrder(order));
    expect((error as Error).message).toBe(`CreateQuotasOrder failed: HTTP 500.${PLACED}`);
    expect(error).toMatchObject({
      errorCode: undefined,
      errorMsg: undefined,
      requestId: undefined,
      mayHaveBeenProcessed: true,
    });
  });

  it("a gateway's error nested under `error`, the request id from the body", async () => {
    const server = await serve(
      json(502, { error: { code: 'APIG.0502', message: 'upstream' }, request_id: 'rid-body' }),
    );
    const error = await failure(client(server.baseUrl).createQuotasOrder(order));
    expect((error as Error).message).toBe(
      `CreateQuotasOrder failed: HTTP 502 APIG.0502: upstream (request id rid-body).${PLACED}`,
    );
    expect(error).toMatchObject({ errorCode: 'APIG.0502', errorMsg: 'upstream' });
  });

  it("a text body is the message, the token it echoes masked; a read's message has no outcome sentence", async () => {
    const server = await serve(
      text(503, `Service Unavailable for ${TOKEN}`, { 'x-request-id': 'rid-503' }),
    );
    const error = await failure(client(server.baseUrl).showResourceQuotas());
    expect((error as Error).message).toBe(
      `ShowResourceQuotas failed: HTTP 503: Service Unavailable for ${REDACTED} (request id rid-503).`,
    );
    expect(error).toMatchObject({
      errorMsg: `Service Unavailable for ${REDACTED}`,
      mayHaveBeenProcessed: false,
    });
  });

  it('constructed by hand with an operation name: an order of one attempt', () => {
    const error = new HwsecApiError(
      504,
      'CreateQuotasOrder',
      { error_code: 'APIG.0504', error_msg: 'timeout', request_id: 'rid-body' },
      'rid-header',
    );
    expect(error.message).toBe(
      `CreateQuotasOrder failed: HTTP 504 APIG.0504: timeout (request id rid-header).${PLACED}`,
    );
    expect(error).toMatchObject({
      operation: 'CreateQuotasOrder',
      requestId: 'rid-header',
      attempts: 1,
      mayHaveBeenProcessed: true,
      body: { error_code: 'APIG.0504', error_msg: 'timeout', request_id: 'rid-body' },
    });
    const refused = new HwsecApiError(403, 'CreateQuotasOrder', { error_code: 'E' });
    expect(refused.message).toBe(`CreateQuotasOrder failed: HTTP 403 E.${NOTHING}`);
    expect(refused.mayHaveBeenProcessed).toBe(false);
  });
});

describe('HwsecNetworkError', () => {
  it('names the cause chain four levels deep, with string codes only', async () => {
    const chain = (depth: number): Error => {
      const error = new Error(`level ${depth}`, depth < 5 ? { cause: chain(depth + 1) } : {});
      if (depth === 1) Object.assign(error, { code: 'ECONNRESET' });
      if (depth === 2) Object.assign(error, { code: 42 });
      return error;
    };
    const error = await failure(
      client('https://hss.example.test', {
        fetch: async () => {
          throw new TypeError('fetch failed', { cause: chain(1) });
        },
      }).createQuotasOrder(order),
    );
    expect(error).toBeInstanceOf(HwsecNetworkError);
    const described =
      'TypeError: fetch failed (Error: level 1 ECONNRESET) (Error: level 2) (Error: level 3)';
    expect((error as Error).message).toBe(
      `CreateQuotasOrder: network error (attempt 1): ${described}.${PLACED}`,
    );
    expect(((error as Error).cause as Error).message).toBe(described);
    expect(error).toMatchObject({ name: 'HwsecNetworkError', kind: 'network', attempts: 1 });
  });

  it('a cause that is not an Error is quoted as text', async () => {
    const error = await failure(
      client('https://hss.example.test', {
        fetch: async () => {
          throw 'socket gone';
        },
      }).showResourceQuotas(),
    );
    expect((error as Error).message).toBe(
      'ShowResourceQuotas: network error (attempt 1): socket gone.',
    );
  });
});

describe('HwsecTimeoutError', () => {
  it('an order with no answer: the time allowed, the attempt, may have been placed', async () => {
    const server = await serve(stall);
    const error = await failure(
      client(server.baseUrl, { timeoutMs: 2_000 }).createQuotasOrder(order),
    );
    expect(error).toBeInstanceOf(HwsecTimeoutError);
    expect((error as Error).message).toBe(
      `CreateQuotasOrder: no complete answer within 2000 ms (attempt 1).${PLACED}`,
    );
    expect(error).toMatchObject({
      name: 'HwsecTimeoutError',
      kind: 'timeout',
      timeoutMs: 2_000,
      attempts: 1,
      mayHaveBeenProcessed: true,
    });
  });

  it('a read whose body stalls after the headers: the request id, no outcome sentence', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': '100',
        'x-request-id': 'rid-stall',
      });
      res.write('{"total_num":');
    });
    const error = await failure(
      client(server.baseUrl, { timeoutMs: 2_000, fetch: globalThis.fetch }).showResourceQuotas(),
    );
    expect((error as Error).message).toBe(
      'ShowResourceQuotas: no complete answer within 2000 ms (attempt 1) (request id rid-stall).',
    );
    expect(error).toMatchObject({ requestId: 'rid-stall', mayHaveBeenProcessed: false });
  });
});

describe('HwsecRedirectError', () => {
  const redirect =
    (status: number, headers: Record<string, string>): Reply =>
    (_req, res) =>
      res.writeHead(status, headers).end();

  it('an order: the status, the Location, why, may have been placed', async () => {
    const server = await serve(
      redirect(302, { location: '/elsewhere', 'x-request-id': 'rid-302' }),
    );
    const error = await failure(client(server.baseUrl).createQuotasOrder(order));
    expect(error).toBeInstanceOf(HwsecRedirectError);
    expect((error as Error).message).toBe(
      `CreateQuotasOrder: redirect 302 to /elsewhere not followed: an order is never sent twice (request id rid-302).${PLACED}`,
    );
    expect(error).toMatchObject({
      name: 'HwsecRedirectError',
      kind: 'redirect',
      status: 302,
      location: '/elsewhere',
      requestId: 'rid-302',
      mayHaveBeenProcessed: true,
    });
  });

  it('a read redirected without a Location', async () => {
    const server = await serve(redirect(307, {}));
    const error = await failure(client(server.baseUrl).showResourceQuotas());
    expect((error as Error).message).toBe(
      'ShowResourceQuotas: redirect 307 not followed: the runtime hides its target.',
    );
    expect(error).toMatchObject({ status: 307, location: undefined, mayHaveBeenProcessed: false });
  });

  it("a browser's opaque redirect (status 0, no Location)", async () => {
    // What a browser's fetch returns for `redirect: 'manual'` (test/browser.test.ts checks the
    // real one in Chromium): a Response of type "opaqueredirect" with status 0 and no headers.
    const opaque = () => {
      const response = new Response(null);
      Object.defineProperties(response, {
        type: { value: 'opaqueredirect' },
        status: { value: 0 },
        ok: { value: false },
      });
      return response;
    };
    const error = await failure(
      client('https://hss.example.test', { fetch: async () => opaque() }).createQuotasOrder(order),
    );
    expect((error as Error).message).toBe(
      `CreateQuotasOrder: redirect not followed: an order is never sent twice.${PLACED}`,
    );
    expect(error).toMatchObject({ status: 0, location: undefined, mayHaveBeenProcessed: true });
  });
});

describe('HwsecResponseError', () => {
  it('a 2xx that is not JSON: the status and request id, the body not quoted', async () => {
    const server = await serve(text(200, '<html>ok</html>', { 'x-request-id': 'rid-200' }));
    const error = await failure(client(server.baseUrl).createQuotasOrder(order));
    expect(error).toBeInstanceOf(HwsecResponseError);
    expect((error as Error).message).toBe(
      `CreateQuotasOrder: HTTP 200 with a body that is not valid JSON (request id rid-200).${PLACED}`,
    );
    expect(error).toMatchObject({
      name: 'HwsecResponseError',
      kind: 'response',
      status: 200,
      requestId: 'rid-200',
      mayHaveBeenProcessed: true,
    });
  });
});

describe('HwsecAbortError', () => {
  it("the caller's reason, redacted, in the message and as the cause", async () => {
    const server = await serve(json(200, {}));
    const error = await failure(
      client(server.baseUrl).createQuotasOrder({
        ...order,
        signal: AbortSignal.abort(new Error(`shutting down (${TOKEN})`)),
      }),
    );
    expect(error).toBeInstanceOf(HwsecAbortError);
    expect((error as Error).message).toBe(
      `CreateQuotasOrder: aborted by the caller: shutting down (${REDACTED}).${NOTHING}`,
    );
    expect((error as Error).cause).toBe(`shutting down (${REDACTED})`);
    expect(error).toMatchObject({
      name: 'HwsecAbortError',
      kind: 'abort',
      attempts: 1,
      mayHaveBeenProcessed: false,
    });
    expect(server.received).toHaveLength(0);
  });
});

describe('HwsecInputError', () => {
  it('names the operation, the field and the rule; nothing sent', async () => {
    const server = await serve(json(200, {}));
    const error = await failure(
      client(server.baseUrl).createQuotasOrder({
        ...order,
        // @ts-expect-error: a signal must be an AbortSignal
        signal: {},
      }),
    );
    expect(error).toBeInstanceOf(HwsecInputError);
    expect((error as Error).message).toBe(
      'CreateQuotasOrder: signal must be an AbortSignal. Nothing was sent.',
    );
    expect(error).toMatchObject({
      name: 'HwsecInputError',
      kind: 'input',
      operation: 'CreateQuotasOrder',
      field: 'signal',
      rule: 'an AbortSignal',
      attempts: 0,
      mayHaveBeenProcessed: false,
    });
    expect(String(error)).toBe(
      'HwsecInputError: CreateQuotasOrder: signal must be an AbortSignal. Nothing was sent.',
    );
    expect(server.received).toHaveLength(0);
  });
});
