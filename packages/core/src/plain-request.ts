// openapi-fetch builds one `Request` per call; constructing a real Request and handing it to
// fetch costs ~25% on a POST. This stand-in, given to openapi-fetch as its `Request` class,
// only records what the transport needs: the serialized body stays a string we can sign and
// send as is, with no clone() and no re-reading.

export interface PlainRequestInit {
  method?: string;
  headers?: HeadersInit;
  body?: BodyInit | null;
  signal?: AbortSignal | null;
  /** The operationId, set by the operation methods; used for errors and retries. */
  hwsecOperation?: string;
  [key: string]: unknown;
}

export class PlainRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: BodyInit | null;
  readonly signal: AbortSignal | null;
  readonly operation: string | undefined;
  /** The remaining RequestInit fields (redirect, credentials, cache, ...) passed to fetch unchanged. */
  readonly init: RequestInit;

  constructor(url: string | URL, init: PlainRequestInit = {}) {
    const { method, headers, body, signal, hwsecOperation, ...rest } = init;
    this.url = String(url);
    this.method = (method ?? 'GET').toUpperCase();
    this.headers = headers instanceof Headers ? headers : new Headers(headers);
    this.body = body ?? null;
    this.signal = signal ?? null;
    this.operation = hwsecOperation;
    this.init = rest as RequestInit;
  }
}
