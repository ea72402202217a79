// The default `fetch` everywhere except Node (browsers, edge workers, Deno, Bun): the runtime's
// own, looked up per call so a polyfill installed later is used.
import type { FetchLike } from './types.js';

export const defaultFetch: FetchLike = (input, init) => fetch(input, init);
