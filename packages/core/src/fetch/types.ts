/** What our transport calls to send a request: `fetch(url, init)` with a plain URL string. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;
