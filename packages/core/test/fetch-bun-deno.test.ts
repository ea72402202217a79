// The Bun and Deno default fetches (loaded only by those runtimes' export conditions; the real
// runtimes run in apps/runtime-tests): what reaches the runtime's fetch, recorded in Node.
// Reads (GET, HEAD, in any case) go through untouched; every other method, an order, gets a
// connection that is never pooled, so the runtime cannot resend it on a reused connection.
import { describe, expect, it } from 'vitest';
import { createBunFetch } from '../dist/fetch/bun.js';
import { createDenoFetch } from '../dist/fetch/deno.js';

function recorder() {
  const calls: { input: string; init: RequestInit }[] = [];
  const send = (input: string, init: RequestInit) => {
    calls.push({ input, init });
    return Promise.resolve(new Response(`answer ${calls.length}`));
  };
  return { calls, send };
}
const url = 'https://hss.example.test/v5/p/quotas/orders';
const reads: RequestInit[] = [{}, { method: 'GET' }, { method: 'get' }, { method: 'HEAD' }];
const orders = ['POST', 'put', 'DELETE', 'PATCH'];

describe('the default fetch on Bun', () => {
  it('passes reads through as given, with the keep-alive pool', async () => {
    const { calls, send } = recorder();
    const bunFetch = createBunFetch(send);
    for (const init of reads) await bunFetch(url, init);
    expect(calls.map((c) => c.input)).toEqual(reads.map(() => url));
    calls.forEach((call, i) => expect(call.init).toBe(reads[i]));
  });

  it('sends every order with keepalive: false, the rest of its init unchanged', async () => {
    const { calls, send } = recorder();
    const bunFetch = createBunFetch(send);
    const signal = new AbortController().signal;
    for (const method of orders) {
      const response = await bunFetch(url, { method, body: '{}', headers: { a: 'b' }, signal });
      expect(await response.text()).toBe(`answer ${calls.length}`);
    }
    expect(calls.map((c) => c.init)).toEqual(
      orders.map((method) => ({
        method,
        body: '{}',
        headers: { a: 'b' },
        signal,
        keepalive: false,
      })),
    );
  });
});

describe('the default fetch on Deno', () => {
  it('passes reads through as given, with the pooled default client, and makes no client for them', async () => {
    const { calls, send } = recorder();
    const clients: unknown[] = [];
    const denoFetch = createDenoFetch(send, (options) => clients.push(options));
    for (const init of reads) await denoFetch(url, init);
    calls.forEach((call, i) => expect(call.init).toBe(reads[i]));
    expect(clients).toEqual([]);
  });

  it('sends every order on one client that keeps no idle connection, made once', async () => {
    const { calls, send } = recorder();
    const made: unknown[] = [];
    const client = { name: 'no-pool client' };
    const denoFetch = createDenoFetch(send, (options) => (made.push(options), client));
    for (const method of orders) await denoFetch(url, { method, body: '{}' });
    expect(made).toEqual([{ poolMaxIdlePerHost: 0 }]);
    expect(calls.map((c) => c.init)).toEqual(
      orders.map((method) => ({ method, body: '{}', client })),
    );
    calls.forEach((call) => expect((call.init as { client: unknown }).client).toBe(client));
  });
});
