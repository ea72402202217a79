// Rules a user relies on that no other test pins down exactly: each test here fails if its rule
// is broken (the rules come from hand-made mutants of the code that once survived every suite).
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HwsecAbortError, HwsecTimeoutError, unwrap } from '../dist/index.js';
import { json, stall, startServer } from '@hwsec/test-support/http-server';
import { createTestClient } from './support/test-service.js';
import { AK, PROJECT, SK } from '@hwsec/test-support/vectors';

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
  server = undefined;
});

const order = { body: { resource_spec_code: 'hss.version.enterprise', period_num: 1 } };
const client = (extra: Partial<Parameters<typeof createTestClient>[0]> = {}) =>
  createTestClient({
    baseUrl: server!.baseUrl,
    projectId: PROJECT,
    credentials: { accessKey: AK, secretKey: SK },
    ...extra,
  });

describe('safety rules', () => {
  it('the secret key and the token are masked in API errors (message and result.error)', async () => {
    server = await startServer([
      (req, res) =>
        res.writeHead(401, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            error_code: 'APIG.0301',
            error_msg: `echo ${req.headers['x-auth-token'] ?? SK}`,
          }),
        ),
    ]);
    for (const credentials of [
      { accessKey: AK, secretKey: SK },
      { token: 'MIItoken-must-not-show-0001' },
    ]) {
      const result = await client({ credentials }).showResourceQuotas();
      const error = (() => {
        try {
          unwrap(result);
        } catch (e) {
          return e as Error;
        }
      })()!;
      for (const text of [error.message, JSON.stringify(result.error)]) {
        expect(text).toContain('[REDACTED]');
        expect(text).not.toContain(SK);
        expect(text).not.toContain('MIItoken-must-not-show-0001');
      }
    }
  });

  it('X-Project-Id is sent with AK/SK only, never with a token', async () => {
    server = await startServer([json(200, {})]);
    await client({ credentials: { token: 'IAM-TOKEN' } }).showResourceQuotas();
    await client({ credentials: { token: 'IAM-TOKEN' } }).createQuotasOrder({
      ...order,
      params: { path: { project_id: 'fedcba9876543210fedcba9876543210' } },
    });
    await client().showResourceQuotas();
    expect(server.received.map((r) => r.headers['x-project-id'])).toEqual([
      undefined,
      undefined,
      PROJECT,
    ]);
  });

  it('a read that times out says no order may have been placed', async () => {
    server = await startServer([stall]);
    const error = await client({ timeoutMs: 100, retry: false })
      .showResourceQuotas()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HwsecTimeoutError);
    expect((error as HwsecTimeoutError).mayHaveBeenProcessed).toBe(false);
  });

  it('maxAttempts is capped at 10, however large', async () => {
    server = await startServer([json(503, {})]);
    const { response } = await client({
      retry: { maxAttempts: 1000, random: () => 0, sleep: async () => undefined },
    }).showResourceQuotas();
    expect(response.status).toBe(503);
    expect(server.received).toHaveLength(10);
  });

  it('the default timeout is 30 s (fake timers: no real wait)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const pending = createTestClient({
      baseUrl: 'https://hss.example.test',
      projectId: PROJECT,
      credentials: { token: 't0ken-value' },
      retry: false,
      // A fetch that never answers by itself.
      fetch: (_url, init) =>
        new Promise((_resolve, reject) =>
          init.signal!.addEventListener('abort', () => reject(init.signal!.reason)),
        ),
    })
      .showResourceQuotas()
      .catch((e: unknown) => e);
    let settled = false;
    void pending.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toMatchObject({ kind: 'timeout', timeoutMs: 30_000 });
  });

  it("the caller's abort reaches the wait between retries", async () => {
    server = await startServer([json(503, {}), json(200, {})]);
    const controller = new AbortController();
    const waits: Array<AbortSignal | undefined> = [];
    const pending = client({
      retry: {
        maxAttempts: 3,
        sleep: (_ms, signal) => {
          waits.push(signal);
          return new Promise((_resolve, reject) =>
            signal?.addEventListener('abort', () => reject(signal.reason)),
          );
        },
      },
    })
      .showResourceQuotas({ signal: controller.signal })
      .catch((e: unknown) => e);
    await expect.poll(() => waits.length).toBe(1);
    controller.abort(new Error('shutting down'));
    expect(waits[0]?.aborted).toBe(true);
    const error = await pending;
    expect(error).toBeInstanceOf(HwsecAbortError);
    expect(error).toMatchObject({ mayHaveBeenProcessed: false, attempts: 1 });
    expect(server.received).toHaveLength(1);
  });

  it('the default retry wait leaves no listener on a reused signal and Node never warns', async () => {
    server = await startServer([json(503, {}, { 'Retry-After': '0' }), json(200, {})]);
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    const shutdown = new AbortController();
    const api = client({ retry: { maxAttempts: 2, baseDelayMs: 0 } });
    try {
      for (let call = 0; call < 30; call++) {
        await api.showResourceQuotas({ signal: shutdown.signal });
        expect(getEventListeners(shutdown.signal, 'abort')).toHaveLength(0);
      }
    } finally {
      process.off('warning', onWarning);
    }
    expect(server.received.length).toBeGreaterThanOrEqual(31);
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
  });

  it('a PUT order is never retried, on any retryable status', async () => {
    for (const status of [429, 502, 503, 504]) {
      server = await startServer([json(status, {}, { 'Retry-After': '0' }), json(200, {})]);
      const { response } = await client({
        retry: { maxAttempts: 5, sleep: async () => undefined },
      }).updateSubscriptionOrder({ body: { product_list: [{ resource_size: 1 }] } });
      expect([status, response.status, server.received.length]).toEqual([status, status, 1]);
      await server.close();
      server = undefined;
    }
  });

  it('a JSON content type with a charset is sent as exactly application/json (signed so)', async () => {
    server = await startServer([json(200, {})]);
    await client().createQuotasOrder({
      ...order,
      headers: { 'Content-Type': 'application/json;charset=UTF-8' },
    });
    await client().createQuotasOrder({
      ...order,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(server.received.map((r) => r.headers['content-type'])).toEqual([
      'application/json',
      'application/json',
    ]);
  });
});

describe('a deadline that passes while the request is being signed', () => {
  it('sends nothing: a timeout that says nothing was placed (and no stray rejection)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const calls: string[] = [];
    const error = await createTestClient({
      baseUrl: 'https://hss.example.test',
      projectId: PROJECT,
      credentials: { accessKey: AK, secretKey: SK },
      timeoutMs: 50,
      // The clock is read while signing: the deadline passes right then, as it can while Web
      // Crypto signs on a loaded machine.
      clock: () => {
        vi.advanceTimersByTime(50);
        return new Date();
      },
      fetch: async (url, init) => {
        calls.push(url);
        if (init.signal?.aborted) throw init.signal.reason;
        return new Response('{}', { headers: { 'content-type': 'application/json' } });
      },
    })
      .createQuotasOrder(order)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HwsecTimeoutError);
    expect(error).toMatchObject({ mayHaveBeenProcessed: false, attempts: 1 });
    expect(calls).toEqual([]);
  });
});
