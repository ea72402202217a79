// The default `fetch` on Node (the `node` condition of the internal `#fetch` import): node:http /
// node:https keep-alive agents, about twice as fast per request as Node's built-in fetch (undici).
// It covers what the transport needs, not all of fetch:
// - Redirects are not followed (the response is returned as is; a signature would not survive one).
// - The body is buffered (these APIs answer small JSON), capped at MAX_BODY_BYTES, and gzip /
//   deflate bodies are decoded, which is why `accept-encoding` is sent.
// - Nothing is ever resent here. A request on a reused keep-alive socket that the server closed
//   (ECONNRESET, "socket hang up") rejects like any network error: the transport retries reads
//   and never resends orders, since the server may have received them.
// - Idle sockets are unref'd by Node's Agent (they never keep a process alive) and dropped after
//   IDLE_SOCKET_MS, shorter than common server keep-alive timeouts (Node's 5 s), so a socket the
//   server is about to close is rarely reused.
// - TLS uses Node's defaults (certificate and host name verified against Node's CA store).
// node:https (tls) and node:zlib load on first use: a few ms less at startup for http or
// uncompressed answers.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AgentOptions } from 'node:https';
import { ReadResponse } from '../read-response.js';
import type { FetchLike } from './types.js';

export const MAX_BODY_BYTES = 32 * 2 ** 20;
const IDLE_SOCKET_MS = 4_000;

type Zlib = typeof import('node:zlib');
type Decode = (
  zlib: Zlib,
  buffer: Buffer,
) => (
  buffer: Buffer,
  options: { maxOutputLength: number },
  callback: (error: Error | null, result: Buffer) => void,
) => void;
const DECODERS: Record<string, Decode> = {
  gzip: (zlib) => zlib.gunzip,
  'x-gzip': (zlib) => zlib.gunzip,
  // "deflate" should be zlib-wrapped (first byte 0x?8, usually 0x78) but some servers send it raw.
  deflate: (zlib, buffer) => ((buffer[0]! & 0x0f) === 8 ? zlib.inflate : zlib.inflateRaw),
};
let zlib: Promise<Zlib> | undefined;

/** A fetch on its own keep-alive agents; `agentOptions` (e.g. `ca`) go to both agents. */
export function createNodeFetch(agentOptions: AgentOptions = {}): FetchLike {
  const options = { keepAlive: true, timeout: IDLE_SOCKET_MS, ...agentOptions };
  const http = { request: httpRequest, agent: new HttpAgent(options) };
  let https: Promise<typeof http> | undefined;

  return (input, init) => {
    const url = new URL(input);
    if (url.protocol === 'http:') return send(http, url, input, init);
    if (url.protocol !== 'https:')
      return Promise.reject(new TypeError(`unsupported protocol ${url.protocol}`));
    https ??= import('node:https').then(({ request, Agent }) => ({
      request,
      agent: new Agent(options),
    }));
    return https.then((client) => send(client, url, input, init));
  };
}

interface Client {
  request: typeof httpRequest;
  agent: HttpAgent;
}

function send(
  { request: sendRequest, agent }: Client,
  url: URL,
  input: string,
  init: RequestInit,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const signal = init.signal;
    if (signal?.aborted) return reject(signal.reason);
    const method = (init.method ?? 'GET').toUpperCase();
    // Names lower-cased (a caller's `Accept-Encoding` or `Content-Length` is the one set below).
    const headers: Record<string, string> = Object.fromEntries(new Headers(init.headers));
    const body = init.body ?? undefined;
    if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) {
      return reject(new TypeError('node fetch: string or Uint8Array bodies only'));
    }
    if (body !== undefined || (method !== 'GET' && method !== 'HEAD')) {
      headers['content-length'] = String(body === undefined ? 0 : Buffer.byteLength(body));
    }
    headers['accept-encoding'] ??= 'gzip, deflate';

    const onAbort = () => {
      request.destroy();
      fail(signal!.reason);
    };
    const fail = (error: unknown) => {
      signal?.removeEventListener('abort', onAbort);
      reject(signal?.aborted ? signal.reason : error);
    };
    const request = sendRequest(url, { method, headers, agent }, (response) =>
      readBody(response, request.destroy.bind(request), (error, buffer) => {
        // The answer had begun: its request id is kept for the error (see send-attempt.ts).
        if (error)
          return fail(Object.assign(error, { requestId: response.headers['x-request-id'] }));
        signal?.removeEventListener('abort', onAbort);
        try {
          resolve(
            new ReadResponse(
              buffer!.toString('utf8'),
              {
                status: response.statusCode!,
                statusText: response.statusMessage!, // '' when the status line has no reason
                headers: headersOf(response),
                url: input,
              },
              buffer,
            ),
          );
        } catch (invalid) {
          reject(invalid); // e.g. a status outside 200-599
        }
      }),
    );
    signal?.addEventListener('abort', onAbort); // an AbortSignal aborts once
    request.on('error', fail);
    request.end(body);
  });
}

function readBody(
  response: IncomingMessage,
  destroy: (error: Error) => void,
  done: (error: Error | null, buffer?: Buffer) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  response.on('data', (chunk: Buffer) => {
    if ((size += chunk.length) > MAX_BODY_BYTES)
      destroy(new RangeError(`response body over ${MAX_BODY_BYTES} bytes`));
    else chunks.push(chunk);
  });
  response.on('error', done);
  response.on('end', () => {
    const buffer = Buffer.concat(chunks);
    // (llhttp has trimmed the value.)
    const decoder = DECODERS[String(response.headers['content-encoding']).toLowerCase()];
    if (!decoder || buffer.length === 0) return done(null, buffer);
    (zlib ??= import('node:zlib')).then(
      (loaded) => decoder(loaded, buffer)(buffer, { maxOutputLength: MAX_BODY_BYTES }, done),
      done,
    );
  });
}

function headersOf(response: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = response.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

export const defaultFetch: FetchLike = createNodeFetch();
