// The exact waits between the attempts of a read (an injected `random` and `sleep` record them),
// Retry-After in each form the server may send, the defaults, the clamps, HEAD as a read, and
// the default `sleep`'s own cancellation (fake timers: no real wait).
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlainRequest, createTransport } from '../dist/index.js';
import { sleep } from '../dist/retry.js';
import { json, startServer, type Reply } from '@hwsec/test-support/http-server';
import { createTestClient } from './support/test-service.js';
import { AK, PROJECT, SK } from '@hwsec/test-support/vectors';

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.useRealTimers();
});

const NOW = Date.UTC(2026, 0, 1, 0, 0, 0);
const busy = (headers: Record<string, string> = {}) =>
  json(503, { error_code: 'SVC.503', error_msg: 'busy' }, headers);

/** Reads `replies` with the given retry options; what was waited and how often it was sent. */
async function read(replies: Reply[], retry: Record<string, unknown>, random = 0.5) {
  server = await startServer(replies);
  const waits: number[] = [];
  const { response } = await createTestClient({
    baseUrl: server.baseUrl,
    projectId: PROJECT,
    credentials: { accessKey: AK, secretKey: SK },
    clock: () => new Date(NOW),
    retry: { random: () => random, sleep: async (ms: number) => void waits.push(ms), ...retry },
  }).showResourceQuotas();
  return { waits, sent: server.received.length, status: response.status };
}

describe('backoff between the attempts of a read', () => {
  it('defaults: 3 attempts, base 200 ms, so waits of random * 200 then random * 400', async () => {
    expect(await read([busy()], {})).toEqual({ waits: [100, 200], sent: 3, status: 503 });
  });

  it('the default cap of one wait is 5000 ms', async () => {
    expect(await read([busy()], { baseDelayMs: 4000, maxAttempts: 4 }, 0.999)).toEqual({
      waits: [3996, 4995, 4995],
      sent: 4,
      status: 503,
    });
  });

  it('a delay beyond what a timer can wait is clamped to 2^31-1 ms', async () => {
    const huge = { baseDelayMs: 1e15, maxDelayMs: 1e15, maxAttempts: 2 };
    expect(await read([busy()], huge)).toEqual({
      waits: [Math.floor(0.5 * (2 ** 31 - 1))],
      sent: 2,
      status: 503,
    });
  });

  it('maxAttempts 1 sends once and waits never', async () => {
    expect(await read([busy()], { maxAttempts: 1 })).toEqual({ waits: [], sent: 1, status: 503 });
  });
});

describe('Retry-After', () => {
  const retry = { maxAttempts: 2, baseDelayMs: 100, maxDelayMs: 1000 };
  const cases: Array<[string, string, number[], number]> = [
    ['0 seconds: retried at once', '0', [0], 2],
    ['seconds up to the cap (1000 ms)', '1', [1000], 2],
    ['seconds beyond the cap: not retried', '2', [], 1],
    ['a huge number of seconds: not retried', '99999999999999999999', [], 1],
    ['an HTTP-date 1 s ahead', new Date(NOW + 1000).toUTCString(), [1000], 2],
    ['an HTTP-date beyond the cap: not retried', new Date(NOW + 2000).toUTCString(), [], 1],
    ['an HTTP-date in the past: retried at once', new Date(NOW - 60_000).toUTCString(), [0], 2],
    // Neither delta-seconds nor a date: the usual backoff (0.5 * 100).
    ['unreadable (1e3): backoff', '1e3', [50], 2],
    ['unreadable (5 seconds): backoff', '5 seconds', [50], 2],
    ['unreadable (0x10): backoff', '0x10', [50], 2],
  ];
  for (const [name, value, waits, sent] of cases) {
    it(name, async () => {
      const status = sent === 2 ? 200 : 503;
      expect(
        await read([busy({ 'Retry-After': value }), json(200, { total_num: 1 })], retry),
      ).toEqual({ waits, sent, status });
    });
  }

  it('absent: the usual backoff', async () => {
    expect(await read([busy(), json(200, {})], retry)).toEqual({
      waits: [50],
      sent: 2,
      status: 200,
    });
  });
});

describe('which methods are reads', () => {
  for (const method of ['HEAD', 'GET']) {
    it(`${method} is retried`, async () => {
      server = await startServer([busy(), json(200, {})]);
      const waits: number[] = [];
      const { transport } = createTransport({
        credentials: { accessKey: AK, secretKey: SK },
        retry: { random: () => 0, sleep: async (ms) => void waits.push(ms) },
      });
      const response = await transport(
        new PlainRequest(`${server.baseUrl}/v5/${PROJECT}/billing/quotas`, { method }),
      );
      expect(response.status).toBe(200);
      expect(server.received.map((r) => r.method)).toEqual([method, method]);
      expect(waits).toEqual([0]);
    });
  }

  for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
    it(`${method} is not retried`, async () => {
      server = await startServer([busy(), json(200, {})]);
      const { transport } = createTransport({
        credentials: { accessKey: AK, secretKey: SK },
        retry: { sleep: async () => undefined },
      });
      const response = await transport(
        new PlainRequest(`${server.baseUrl}/v5/${PROJECT}/quotas/orders`, { method }),
      );
      expect(response.status).toBe(503);
      expect(server.received).toHaveLength(1);
    });
  }
});

describe('the default sleep', () => {
  const fakeTimers = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  /** What the promise has settled to after the pending microtasks ran. */
  const settledOf = async (promise: Promise<unknown>) => {
    let state: unknown = 'pending';
    promise.then(
      () => (state = 'resolved'),
      (reason: unknown) => (state = reason),
    );
    await new Promise((resolve) => setImmediate(resolve));
    return state;
  };

  it('resolves after its time, and leaves no timer and no listener', async () => {
    fakeTimers();
    const controller = new AbortController();
    const waiting = sleep(1000, controller.signal);
    expect(vi.getTimerCount()).toBe(1);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    vi.advanceTimersByTime(999);
    expect(await settledOf(waiting)).toBe('pending');
    vi.advanceTimersByTime(1);
    expect(await settledOf(waiting)).toBe('resolved');
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('rejects at once with the reason when aborted meanwhile, and leaves no timer and no listener', async () => {
    fakeTimers();
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    const reason = new Error('shutting down');
    controller.abort(reason);
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    expect(await settledOf(waiting)).toBe(reason);
  });

  it('rejects at once when already aborted, setting no timer and no listener', async () => {
    fakeTimers();
    const reason = new Error('already over');
    const signal = AbortSignal.abort(reason);
    const waiting = sleep(60_000, signal);
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    expect(await settledOf(waiting)).toBe(reason);
  });
});
