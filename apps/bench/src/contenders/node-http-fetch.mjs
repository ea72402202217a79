// A prototype, for the evidence behind a recommendation: a `fetch(url, init)` for Node built on
// node:http / node:https keep-alive agents. It buffers the (small JSON) response and returns a
// Response subclass, so openapi-fetch and our transport work unchanged. On Node 20 the built-in fetch
// (undici) costs about twice what node:http does per request; injected as our clients' `fetch`
// option, this shows what the clients would gain by using it by default on Node.
import * as http from 'node:http';
import * as https from 'node:https';

/**
 * A Response whose body is already in memory. Building a real body stream and reading it back
 * through web streams costs more than the request itself here, so the stream is only made if
 * someone asks for `body`, `arrayBuffer()`, `blob()`, `bytes()`, `formData()` or `clone()`;
 * `json()` and `text()` (what openapi-fetch uses) decode the buffer directly.
 */
class BufferedResponse extends Response {
  #buffer;
  #used = false;
  #real;
  constructor(buffer, init) {
    super(null, init);
    this.#buffer = buffer;
  }
  #take() {
    if (this.#used)
      return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
    this.#used = true;
    return Promise.resolve(this.#buffer.toString('utf8'));
  }
  #stream() {
    this.#real ??= new Response(this.#used ? null : this.#buffer, {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
    });
    return this.#real;
  }
  get bodyUsed() {
    return this.#used || (this.#real?.bodyUsed ?? false);
  }
  get body() {
    return this.#stream().body;
  }
  text() {
    return this.#real ? this.#real.text() : this.#take();
  }
  json() {
    return this.#real ? this.#real.json() : this.#take().then(JSON.parse);
  }
  arrayBuffer() {
    return this.#stream().arrayBuffer();
  }
  blob() {
    return this.#stream().blob();
  }
  formData() {
    return this.#stream().formData();
  }
  clone() {
    return this.#stream().clone();
  }
}

const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

export function nodeHttpFetch(input, init = {}) {
  const url = new URL(input);
  const transport = url.protocol === 'https:' ? https : http;
  const signal = init.signal;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const headers = { ...init.headers };
    const body = init.body ?? undefined;
    if (typeof body === 'string') headers['content-length'] = Buffer.byteLength(body);
    const request = transport.request(
      url,
      { method: init.method ?? 'GET', headers, agent: agents[url.protocol] },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          signal?.removeEventListener('abort', onAbort);
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            if (Array.isArray(value)) for (const v of value) responseHeaders.append(name, v);
            else if (value !== undefined) responseHeaders.set(name, value);
          }
          const status = response.statusCode ?? 0;
          resolve(
            new BufferedResponse(Buffer.concat(chunks), {
              status,
              statusText: response.statusMessage,
              headers: responseHeaders,
            }),
          );
        });
      },
    );
    const onAbort = () => request.destroy(signal.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    request.on('error', reject);
    request.end(body);
  });
}
