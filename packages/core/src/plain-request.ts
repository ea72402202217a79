// What the by-path client (path-client.ts) hands the transport and its middlewares: constructing
// a real Request and handing it to fetch costs ~25% on a POST. This stand-in only keeps the URL
// and the init: the serialized body stays a string we can sign and send as is, with no clone()
// and no re-reading. Middlewares see url, method and headers.

export interface PlainRequestInit extends RequestInit {
  /** The operationId, set by the operation methods; used for errors and retries. */
  hwsecOperation?: string;
  /** The project the operation method put in the path (AK/SK calls send it as X-Project-Id). */
  hwsecProjectId?: string;
}

export class PlainRequest {
  // `declare`d and assigned in the constructor: no class-field definitions, cheaper per call.
  declare readonly url: string;
  declare readonly init: PlainRequestInit;
  declare readonly method: string;
  declare readonly headers: Headers;

  constructor(url: string, init: PlainRequestInit = {}) {
    this.url = url;
    this.init = init;
    this.method = (init.method ?? 'GET').toUpperCase();
    this.headers = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
  }
}
