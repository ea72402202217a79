// The default Node transport (node:http behind the `node` condition of `#fetch`) on the wire:
// what reaches a real server on 127.0.0.1 for each method and body, which headers, how aborts
// and bodies over the cap end, and the Response made from what a raw socket sent.
import { getEventListeners } from 'node:events';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeFetch, MAX_BODY_BYTES } from '../dist/fetch/node.js';
import { hangUp, json, startServer, type Reply } from '@hwsec/test-support/http-server';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});
async function serve(...replies: Reply[]) {
  const server = await startServer(replies.length ? replies : [json(200, { ok: true })]);
  closers.push(server.close);
  return server;
}
/** A server that writes `answer` as raw bytes once it has read a request's head. */
async function rawServer(answer: string | Buffer) {
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    let head = '';
    socket.on('data', (chunk) => {
      if (!head.includes('\r\n\r\n') && (head += chunk).includes('\r\n\r\n')) socket.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('what the Node transport sends', () => {
  it.each([
    ['no method (GET), no body', {}, 'GET', undefined, ''],
    ['get in lower case', { method: 'get' }, 'GET', undefined, ''],
    ['HEAD', { method: 'HEAD' }, 'HEAD', undefined, ''],
    ['POST without a body', { method: 'POST' }, 'POST', '0', ''],
    ['DELETE without a body', { method: 'DELETE' }, 'DELETE', '0', ''],
    [
      'post with a non-ASCII string',
      { method: 'post', body: '{"名":"ü"}' },
      'POST',
      '12',
      '{"名":"ü"}',
    ],
    ['PUT with bytes', { method: 'PUT', body: utf8('{"a":"é"}') }, 'PUT', '10', '{"a":"é"}'],
    ['DELETE with a body', { method: 'DELETE', body: 'x' }, 'DELETE', '1', 'x'],
    ['GET with a body', { method: 'GET', body: 'q=1' }, 'GET', '3', 'q=1'],
  ] as [string, RequestInit, string, string | undefined, string][])(
    '%s: the method, a content-length framing the body exactly (never chunked)',
    async (_case, init, method, contentLength, body) => {
      const server = await serve();
      const response = await createNodeFetch()(server.baseUrl, init);
      expect(response.status).toBe(200);
      const [seen] = server.received;
      expect([
        seen!.method,
        seen!.headers['content-length'],
        seen!.headers['transfer-encoding'],
      ]).toEqual([method, contentLength, undefined]);
      expect(seen!.body).toBe(body);
      expect(server.received).toHaveLength(1);
    },
  );

  it.each([
    [
      'a record, any case',
      { 'X-Custom': 'a', 'Accept-Encoding': 'identity', 'Content-Length': '99' },
    ],
    ['Headers', new Headers({ 'x-custom': 'a', 'accept-encoding': 'identity' })],
    [
      'pairs',
      [
        ['X-Custom', 'a'],
        ['accept-encoding', 'identity'],
      ],
    ],
  ] as [string, HeadersInit][])(
    "sends the caller's headers given as %s; its accept-encoding wins, the content-length is the body's",
    async (_case, headers) => {
      const server = await serve();
      await createNodeFetch()(server.baseUrl, { method: 'POST', headers, body: 'xy' });
      expect(server.received[0]!.headers).toMatchObject({
        'x-custom': 'a',
        'accept-encoding': 'identity',
        'content-length': '2',
      });
    },
  );

  it('asks for gzip or deflate when the caller names no encoding', async () => {
    const server = await serve();
    await createNodeFetch()(server.baseUrl, { headers: { 'x-custom': 'a' } });
    expect(server.received[0]!.headers).toMatchObject({
      'x-custom': 'a',
      'accept-encoding': 'gzip, deflate',
    });
  });

  it('refuses a body that is neither a string nor bytes, and an unsupported protocol, sending nothing', async () => {
    const server = await serve();
    const fetch = createNodeFetch();
    await expect(fetch(server.baseUrl, { method: 'POST', body: new Blob(['{}']) })).rejects.toThrow(
      new TypeError('node fetch: string or Uint8Array bodies only'),
    );
    await expect(fetch(server.baseUrl.replace('http:', 'ftp:'), { method: 'GET' })).rejects.toThrow(
      new TypeError('unsupported protocol ftp:'),
    );
    await fetch(server.baseUrl, { method: 'GET' });
    expect(server.received.map((r) => r.method)).toEqual(['GET']);
  });

  it("an already aborted signal rejects with the caller's reason, sending nothing", async () => {
    const server = await serve();
    const fetch = createNodeFetch();
    const reason = new Error('caller gave up first');
    await expect(
      fetch(server.baseUrl, { method: 'POST', body: '{}', signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
    await fetch(server.baseUrl, { method: 'GET' });
    expect(server.received.map((r) => r.method)).toEqual(['GET']);
  });

  it("leaves no listener on the caller's signal after an answer or a failure (one signal serves many calls)", async () => {
    const server = await serve(json(200, {}), json(500, {}), hangUp, json(200, {}));
    const fetch = createNodeFetch();
    const { signal } = new AbortController();
    expect((await fetch(server.baseUrl, { signal })).status).toBe(200);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    expect((await fetch(server.baseUrl, { signal })).status).toBe(500);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    await expect(fetch(server.baseUrl, { signal })).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    expect((await fetch(server.baseUrl, { signal })).status).toBe(200);
    expect(server.received).toHaveLength(4);
  });
});

describe('the Response the Node transport makes', () => {
  it('has exactly the headers the server sent, repeated ones kept, and an empty statusText when there is no reason phrase', async () => {
    const url = await rawServer(
      'HTTP/1.1 200\r\nX-A: 1\r\nx-b: two words\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nContent-Length: 2\r\n\r\nok',
    );
    const response = await createNodeFetch()(url, { method: 'GET' });
    expect([response.status, response.statusText, await response.text()]).toEqual([200, '', 'ok']);
    expect([...response.headers]).toEqual([
      ['content-length', '2'],
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
      ['x-a', '1'],
      ['x-b', 'two words'],
    ]);
  });

  it('rejects an answer whose status no Response can carry (a RangeError, not a hang)', async () => {
    const url = await rawServer('HTTP/1.1 600 Odd\r\nContent-Length: 0\r\n\r\n');
    await expect(createNodeFetch()(url, { method: 'GET' })).rejects.toThrow(RangeError);
  });

  it('decodes an encoding named in any case, and an empty "gzip" body (a HEAD answer) is empty, not an error', async () => {
    const server = await serve(
      (_req, res) => res.writeHead(200, { 'content-encoding': 'X-GZIP' }).end(gzipSync('{"a":1}')),
      (_req, res) =>
        res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': '20' }).end(),
      (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(),
    );
    const fetch = createNodeFetch();
    expect(await (await fetch(server.baseUrl, { method: 'GET' })).text()).toBe('{"a":1}');
    const head = await fetch(server.baseUrl, { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
    expect(await (await fetch(server.baseUrl, { method: 'GET' })).text()).toBe('');
  });

  it(`takes a body of exactly ${MAX_BODY_BYTES} bytes and refuses one byte more, as a RangeError naming the cap`, async () => {
    const server = await serve(
      (_req, res) => res.end(Buffer.alloc(MAX_BODY_BYTES, 'a')),
      (_req, res) => res.end(Buffer.alloc(MAX_BODY_BYTES + 1, 'a')),
    );
    // One transport per request: reading 32 MiB can outlast the server's keep-alive on a loaded
    // machine, and a reused socket the server has just closed fails as ECONNRESET instead.
    const whole = await createNodeFetch()(server.baseUrl, { method: 'GET' });
    expect((await whole.arrayBuffer()).byteLength).toBe(MAX_BODY_BYTES);
    const over = await createNodeFetch()(server.baseUrl, { method: 'GET' }).catch(
      (e: unknown) => e,
    );
    expect(over).toBeInstanceOf(RangeError);
    expect((over as Error).message).toBe(`response body over ${MAX_BODY_BYTES} bytes`);
  }, 240_000); // 64 MiB through loopback: a loaded 2-core machine needs more than a minute
});
