// Reads are retried with bounded, jittered backoff and Retry-After; orders are never resent.
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { HwsecApiError, HwsecNetworkError, HwsecTimeoutError, unwrap } from '../dist/index.js';
import { countingFetch, hangUp, json, stall, startServer } from '@hwsec/test-support/http-server';
import { createTestClient } from './support/test-service.js';
import { AK, PROJECT, SK } from '@hwsec/test-support/vectors';

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const order = { body: { resource_spec_code: 'hss.version.enterprise', period_num: 1 } };

function recordingRetry(random = 0.5) {
  const waits: number[] = [];
  return {
    waits,
    retry: {
      maxAttempts: 4,
      baseDelayMs: 100,
      maxDelayMs: 1000,
      random: () => random,
      sleep: async (ms: number) => void waits.push(ms),
    },
  };
}

function client(baseUrl: string, extra: Partial<Parameters<typeof createTestClient>[0]> = {}) {
  let second = 0;
  return createTestClient({
    baseUrl,
    projectId: PROJECT,
    credentials: { accessKey: AK, secretKey: SK },
    // Each call to the clock is one second later: every attempt must carry its own date.
    clock: () => new Date(Date.UTC(2026, 0, 1, 0, 0, second++)),
    ...extra,
  });
}

describe('reads (ShowResourceQuotas) are retried', () => {
  for (const status of [429, 502, 503, 504]) {
    it(`on ${status}, re-signed with a fresh date each time`, async () => {
      server = await startServer([
        json(status, { error_code: 'X', error_msg: 'busy' }),
        json(200, { total_num: 1 }),
      ]);
      const { retry, waits } = recordingRetry();
      const { data } = await client(server.baseUrl, { retry }).showResourceQuotas();
      expect(data).toEqual({ total_num: 1 });
      expect(server.received).toHaveLength(2);
      const [first, second] = server.received;
      expect(first!.headers['x-sdk-date']).not.toBe(second!.headers['x-sdk-date']);
      expect(first!.headers['authorization']).not.toBe(second!.headers['authorization']);
      expect(waits).toEqual([50]); // full jitter: 0.5 * min(1000, 100 * 2^0)
    });
  }

  it('with exponential backoff, capped, up to maxAttempts, then returns the last answer', async () => {
    server = await startServer([json(503, { error_code: 'SVC.503', error_msg: 'down' })]);
    const { retry, waits } = recordingRetry(0.999);
    const { error, response } = await client(server.baseUrl, {
      retry: { ...retry, maxDelayMs: 350 },
    }).showResourceQuotas();
    expect(response.status).toBe(503);
    expect(error).toEqual({ error_code: 'SVC.503', error_msg: 'down' });
    expect(server.received).toHaveLength(4);
    expect(waits).toEqual([99, 199, 349]);
  });

  it('honours Retry-After in seconds and as an HTTP-date', async () => {
    const now = Date.UTC(2026, 0, 1);
    server = await startServer([
      json(429, {}, { 'Retry-After': '1' }),
      json(503, {}, { 'Retry-After': new Date(now + 700).toUTCString() }),
      json(200, { total_num: 2 }),
    ]);
    const { retry, waits } = recordingRetry();
    const { data } = await client(server.baseUrl, {
      retry,
      clock: () => new Date(now),
    }).showResourceQuotas();
    expect(data).toEqual({ total_num: 2 });
    expect(waits[0]).toBe(1000);
    expect(waits[1]).toBeGreaterThanOrEqual(0); // HTTP-dates have whole seconds
    expect(waits[1]).toBeLessThanOrEqual(1000);
  });

  it('stops when Retry-After asks for longer than maxDelayMs', async () => {
    server = await startServer([
      json(429, { error_code: 'APIG.0308', error_msg: 'throttled' }, { 'Retry-After': '120' }),
    ]);
    const { retry, waits } = recordingRetry();
    const { response } = await client(server.baseUrl, { retry }).showResourceQuotas();
    expect(response.status).toBe(429);
    expect(server.received).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('on network errors, then raises HwsecNetworkError', async () => {
    server = await startServer([hangUp]);
    const { retry } = recordingRetry();
    const error = await client(server.baseUrl, { retry })
      .showResourceQuotas()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HwsecNetworkError);
    expect(error).toMatchObject({
      kind: 'network',
      operation: 'ShowResourceQuotas',
      attempts: 4,
      mayHaveBeenProcessed: false,
    });
    expect(server.received).toHaveLength(4);
  });

  it('on timeouts, then raises HwsecTimeoutError', async () => {
    server = await startServer([stall]);
    const { retry } = recordingRetry();
    const counter = countingFetch();
    const error = await client(server.baseUrl, {
      retry: { ...retry, maxAttempts: 2 },
      timeoutMs: 100,
      fetch: counter.fetch,
    })
      .showResourceQuotas()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HwsecTimeoutError);
    expect(error).toMatchObject({ kind: 'timeout', timeoutMs: 100, attempts: 2 });
    expect(counter.calls).toBe(2);
  });

  it('not on 500 or 4xx', async () => {
    server = await startServer([json(500, { error_code: 'E' }), json(200, {})]);
    const { retry } = recordingRetry();
    const { response } = await client(server.baseUrl, { retry }).showResourceQuotas();
    expect(response.status).toBe(500);
    expect(server.received).toHaveLength(1);
  });

  it('retry: false sends once', async () => {
    server = await startServer([json(503, {}), json(200, {})]);
    const { response } = await client(server.baseUrl, { retry: false }).showResourceQuotas();
    expect(response.status).toBe(503);
    expect(server.received).toHaveLength(1);
  });
});

describe('orders (POST/PUT) are never sent twice', () => {
  for (const status of [429, 502, 503, 504]) {
    it(`a ${status} on CreateQuotasOrder is not resent and surfaces as a typed error`, async () => {
      server = await startServer([
        json(
          status,
          { error_code: 'SVC.X', error_msg: 'unavailable' },
          { 'Retry-After': '0', 'X-Request-Id': 'req-1' },
        ),
        json(200, { order_id: 'dup' }),
      ]);
      const { retry, waits } = recordingRetry();
      const result = await client(server.baseUrl, { retry }).createQuotasOrder(order);
      expect(server.received).toHaveLength(1);
      expect(waits).toEqual([]);
      expect(result.response.status).toBe(status);
      expect(result.error).toEqual({ error_code: 'SVC.X', error_msg: 'unavailable' });
      const thrown = (() => {
        try {
          unwrap(result);
        } catch (e) {
          return e;
        }
      })();
      expect(thrown).toBeInstanceOf(HwsecApiError);
      expect(thrown).toMatchObject({
        status,
        errorCode: 'SVC.X',
        errorMsg: 'unavailable',
        requestId: 'req-1',
        operation: 'CreateQuotasOrder',
      });
    });
  }

  it('a network error on an order is not resent and says the order may have been placed', async () => {
    server = await startServer([hangUp, json(200, { order_id: 'dup' })]);
    const { retry } = recordingRetry();
    const error = await client(server.baseUrl, { retry })
      .createQuotasOrder(order)
      .catch((e: unknown) => e);
    expect(server.received).toHaveLength(1);
    expect(error).toBeInstanceOf(HwsecNetworkError);
    expect(error).toMatchObject({
      mayHaveBeenProcessed: true,
      attempts: 1,
      operation: 'CreateQuotasOrder',
    });
    expect((error as Error).message).toMatch(
      /not retried: the order may or may not have been placed/i,
    );
  });

  it('a timeout on an order is not resent', async () => {
    server = await startServer([stall, json(200, { order_id: 'dup' })]);
    const { retry } = recordingRetry();
    const counter = countingFetch();
    const error = await client(server.baseUrl, { retry, timeoutMs: 100, fetch: counter.fetch })
      .createQuotasOrder(order)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HwsecTimeoutError);
    expect(error).toMatchObject({ mayHaveBeenProcessed: true, attempts: 1 });
    expect((error as Error).message).toMatch(
      /not retried: the order may or may not have been placed/i,
    );
    expect(counter.calls).toBe(1);
    expect(server.received.length).toBeLessThanOrEqual(1);
  });

  it("the caller's AbortSignal cancels the call with its own reason", async () => {
    server = await startServer([stall]);
    const controller = new AbortController();
    const pending = client(server.baseUrl).showResourceQuotas({ signal: controller.signal });
    setTimeout(() => controller.abort(new Error('caller gave up')), 50);
    await expect(pending).rejects.toThrow('caller gave up');
  });

  it('a long-lived caller signal gathers no listener per call (reads, retries and orders)', async () => {
    server = await startServer([
      json(503, { error_code: 'X', error_msg: 'busy' }),
      json(200, { order_id: 'CS1' }),
    ]);
    const { retry } = recordingRetry();
    const shutdown = new AbortController();
    const api = client(server.baseUrl, { retry });
    for (let call = 0; call < 20; call++) {
      await api.showResourceQuotas({ signal: shutdown.signal });
      await api.createQuotasOrder({ ...order, signal: shutdown.signal });
    }
    expect(getEventListeners(shutdown.signal, 'abort')).toHaveLength(0);
  });
});
