// The default `fetch` on Deno (the `deno` condition of the internal `#fetch` import): Deno's own
// fetch, except that an order never rides a pooled keep-alive connection. Deno's HTTP client
// resends a request whose reused connection closes before the answer arrives, even a POST the
// server had already received (seen with Deno 2.9: one order, two receipts). A client that keeps
// no idle connection never reuses one, so it never resends; reads keep the pool, since our
// retry policy may repeat them anyway.
import type { FetchLike } from './types.js';

interface DenoHttp {
  createHttpClient(options: { poolMaxIdlePerHost: number }): unknown;
}
declare const Deno: DenoHttp;

/**
 * `send` is Deno's fetch, looked up per call, and `createHttpClient` Deno's (parameters so that
 * tests can record what reaches them). The orders' client is made on the first order, once.
 */
export function createDenoFetch(
  send: FetchLike = (input, init) => fetch(input, init),
  createHttpClient: DenoHttp['createHttpClient'] = (options) => Deno.createHttpClient(options),
): FetchLike {
  let orderClient: unknown;
  return (input, init) => {
    const method = (init.method ?? 'GET').toUpperCase();
    if (method === 'GET' || method === 'HEAD') return send(input, init);
    orderClient ??= createHttpClient({ poolMaxIdlePerHost: 0 });
    return send(input, { ...init, client: orderClient } as RequestInit);
  };
}

export const defaultFetch: FetchLike = createDenoFetch();
