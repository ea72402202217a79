// The default `fetch` on Bun (the `bun` condition of the internal `#fetch` import): Bun's own
// fetch, except that an order never rides a pooled keep-alive connection. Under load, Bun 1.4's
// fetch resends a POST whose reused connection is reset before the answer, although the server
// had received it (seen in the fault suite: one order, two receipts). `keepalive: false` (a Bun
// extension) gives each order a connection of its own, which is never reused and so never
// resent; reads keep the pool, since our retry policy may repeat them anyway.
import type { FetchLike } from './types.js';

/** `send` is Bun's fetch, looked up per call (a parameter so that tests can record the init). */
export function createBunFetch(send: FetchLike = (input, init) => fetch(input, init)): FetchLike {
  return (input, init) => {
    const method = (init.method ?? 'GET').toUpperCase();
    if (method === 'GET' || method === 'HEAD') return send(input, init);
    return send(input, { ...init, keepalive: false });
  };
}

export const defaultFetch: FetchLike = createBunFetch();
