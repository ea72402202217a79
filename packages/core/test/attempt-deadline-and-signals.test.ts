// One attempt's deadline and signals with an injected fetch that misbehaves: one that ignores
// the abort still ends at the deadline (or at the caller's abort), a promise given up on never
// becomes an unhandled rejection, the signal handed to fetch carries no listener of ours once
// the call is over, and no timer outlives a call (it would keep a Node process alive).
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HwsecAbortError, HwsecTimeoutError, unwrap } from '../dist/index.js';
import { createTestClient } from './support/test-service.js';
import { AK, PROJECT, SK } from '@hwsec/test-support/vectors';

afterEach(() => vi.useRealTimers());

const order = { body: { resource_spec_code: 'hss.version.enterprise', period_num: 1 } };
const never = () => new Promise<Response>(() => undefined);
const client = (fetch: (url: string, init: RequestInit) => Promise<Response>, timeoutMs = 60_000) =>
  createTestClient({
    baseUrl: 'https://hss.example.test',
    projectId: PROJECT,
    credentials: { accessKey: AK, secretKey: SK },
    fetch,
    timeoutMs,
    retry: false,
  });

/** Follows what `promise` settles to (from now on, so its rejection is always handled). */
function track(promise: Promise<unknown>) {
  const state: { settled: unknown } = { settled: 'pending' };
  promise.then(
    () => (state.settled = 'resolved'),
    (reason: unknown) => (state.settled = reason),
  );
  return state;
}
/** Lets every pending microtask (and the I/O callbacks due) run. */
const drain = () => new Promise((resolve) => setImmediate(resolve));

describe('a fetch that ignores the abort', () => {
  it('the deadline still ends the call: a timeout, and no listener left on its signal', async () => {
    const signals: AbortSignal[] = [];
    const call = track(
      client((_url, init) => {
        signals.push(init.signal!);
        return never();
      }, 50).createQuotasOrder(order),
    );
    await expect.poll(() => signals[0]?.aborted).toBe(true);
    await drain();
    const error = call.settled;
    expect(error).toBeInstanceOf(HwsecTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 50, attempts: 1, mayHaveBeenProcessed: true });
    expect(getEventListeners(signals[0]!, 'abort')).toHaveLength(0);
  });

  it("the caller's abort, even from inside fetch, ends the call at once", async () => {
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const call = track(
      client(() => {
        controller.abort(reason);
        return never();
      }).createQuotasOrder({ ...order, signal: controller.signal }),
    );
    await expect.poll(() => controller.signal.aborted).toBe(true);
    await drain();
    const error = call.settled;
    expect(error).toBeInstanceOf(HwsecAbortError);
    expect(error).toMatchObject({ kind: 'abort', mayHaveBeenProcessed: true, attempts: 1 });
    expect((error as Error).message).toContain('caller gave up');
  });

  it('the promise given up on may reject later: never an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const controller = new AbortController();
      const error = await client(() => {
        controller.abort(new Error('caller gave up'));
        return Promise.reject(new TypeError('fetch failed'));
      })
        .createQuotasOrder({ ...order, signal: controller.signal })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HwsecAbortError);
      await drain();
      await drain();
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });
});

describe('after a call', () => {
  it('the signal handed to fetch carries no listener of ours (the answer and its body read)', async () => {
    const signals: AbortSignal[] = [];
    const caller = new AbortController();
    const { data } = await client(async (_url, init) => {
      signals.push(init.signal!);
      return new Response('{"order_id":"CS1"}', { status: 200 });
    }).createQuotasOrder({ ...order, signal: caller.signal });
    expect(data).toEqual({ order_id: 'CS1' });
    expect(getEventListeners(signals[0]!, 'abort')).toHaveLength(0);
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
  });

  it('no timer is left behind, for a success or a failure (fake timers)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const ok = await client(async () => new Response('{"order_id":"CS1"}')).createQuotasOrder(
      order,
    );
    expect(unwrap(ok)).toEqual({ order_id: 'CS1' });
    expect(vi.getTimerCount()).toBe(0);
    const failed = await client(() => Promise.reject(new TypeError('refused')))
      .createQuotasOrder(order)
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ kind: 'network' });
    expect(vi.getTimerCount()).toBe(0);
  });
});
