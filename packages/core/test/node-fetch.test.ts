// The default transport on Node: node:http / node:https keep-alive agents behind the `node`
// condition of the internal `#fetch` import. Real servers on 127.0.0.1; https with a throwaway
// certificate made by `openssl` (Node cannot generate X.509 certificates itself).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HwsecNetworkError, HwsecTimeoutError } from '../dist/index.js';
import { createNodeFetch, defaultFetch, MAX_BODY_BYTES } from '../dist/fetch/node.js';
import { bundleForBrowser } from './support/browser-bundle.js';
import { createTestClient } from './support/test-service.js';
import { AK, PROJECT, SK } from '@hwsec/test-support/vectors';

type Handler = (req: IncomingMessage, res: ServerResponse, nthOnSocket: number) => void;
interface Seen {
  method: string;
  headers: IncomingMessage['headers'];
  socket: Socket;
}

async function listen(server: Server, handler: Handler) {
  const seen: Seen[] = [];
  const perSocket = new WeakMap<Socket, number>();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const n = (perSocket.get(req.socket) ?? 0) + 1;
    perSocket.set(req.socket, n);
    seen.push({ method: req.method!, headers: req.headers, socket: req.socket });
    req.resume();
    req.on('end', () => handler(req, res, n));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  closers.push(close);
  return { server, port, baseUrl: `http://127.0.0.1:${port}`, seen, close };
}
const serve = (handler: Handler) => listen(createServer(), handler);

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

const ok: Handler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req-1' });
  res.end('{"order_id":"o-1"}');
};
const order = { body: { resource_spec_code: 'hss.version.enterprise', period_num: 1 } };
const client = (baseUrl: string, extra: Partial<Parameters<typeof createTestClient>[0]> = {}) =>
  createTestClient({
    baseUrl,
    projectId: PROJECT,
    credentials: { accessKey: AK, secretKey: SK },
    ...extra,
  });

describe('the default fetch on Node', () => {
  it('is node:http (no undici headers) unless the caller gives a fetch, which always wins', async () => {
    const server = await serve(ok);
    expect((await client(server.baseUrl).createQuotasOrder(order)).data).toEqual({
      order_id: 'o-1',
    });
    expect(server.seen[0]!.headers['sec-fetch-mode']).toBeUndefined();
    expect(server.seen[0]!.headers['accept-encoding']).toBe('gzip, deflate');
    expect(server.seen[0]!.headers['authorization']).toMatch(/^SDK-HMAC-SHA256 /);
    await client(server.baseUrl, { fetch: globalThis.fetch }).createQuotasOrder(order);
    expect(server.seen[1]!.headers['sec-fetch-mode']).toBe('cors');
  });

  it('is kept out of browser bundles (they use the global fetch)', async () => {
    const bundle = await bundleForBrowser(
      fileURLToPath(new URL('../dist/index.js', import.meta.url)),
    );
    expect(bundle).not.toMatch(/node:http|node:zlib|rawHeaders/);
    expect(bundle).toMatch(/fetch\(/);
  });

  it('reuses one keep-alive connection for sequential calls', async () => {
    const server = await serve(ok);
    const hss = client(server.baseUrl);
    for (let i = 0; i < 5; i++) await hss.createQuotasOrder(order);
    expect(new Set(server.seen.map((s) => s.socket)).size).toBe(1);
  });

  it('gives status, statusText, ok, url, every header, text/json once, and body, arrayBuffer, clone on demand', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(429, 'Slow Down', {
        'content-type': 'application/json',
        'X-Request-Id': 'abc',
        'Retry-After': '7',
        'set-cookie': ['a=1', 'b=2'],
      });
      res.end('{"error_code":"HSS.429","error_msg":"busy"}');
    });
    const url = `${server.baseUrl}/x?y=1`;
    const response = await defaultFetch(url, { method: 'GET', headers: {} });
    expect(response).toBeInstanceOf(Response);
    expect([response.status, response.statusText, response.ok, response.url]).toEqual([
      429,
      'Slow Down',
      false,
      url,
    ]);
    expect([response.headers.get('x-request-id'), response.headers.get('Retry-After')]).toEqual([
      'abc',
      '7',
    ]);
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    const copy = response.clone();
    expect(await response.json()).toEqual({ error_code: 'HSS.429', error_msg: 'busy' });
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
    expect(new TextDecoder().decode(await copy.arrayBuffer())).toContain('HSS.429');

    const streamed = await defaultFetch(url, { method: 'GET' });
    const reader = streamed.body!.getReader();
    let text = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      text += new TextDecoder().decode(chunk.value);
    expect(text).toContain('busy');
    expect(streamed.bodyUsed).toBe(true);
  });

  it('handles empty and 204 answers', async () => {
    const server = await serve((_req, res) => res.writeHead(204).end());
    const response = await defaultFetch(server.baseUrl, { method: 'POST', body: '{}' });
    expect([response.status, await response.text(), response.body]).toEqual([204, '', null]);
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['deflate', deflateRawSync],
  ] as const)('decodes %s bodies (%o)', async (encoding, encode) => {
    const body = JSON.stringify({
      items: Array.from({ length: 200 }, (_, i) => ({ i, name: 'ünïcode' })),
    });
    const server = await serve((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding })
        .end(encode(body)),
    );
    const response = await defaultFetch(server.baseUrl, { method: 'GET' });
    expect(await response.text()).toBe(body);
  });

  it(`caps a decoded body at ${MAX_BODY_BYTES} bytes (a gzip bomb is a network error)`, async () => {
    const bomb = gzipSync(Buffer.alloc(MAX_BODY_BYTES + 1024));
    const server = await serve((_req, res) =>
      res.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb),
    );
    await expect(defaultFetch(server.baseUrl, { method: 'GET' })).rejects.toThrow(
      /max|length|buffer/i,
    );
  });

  it("a caller's abort destroys the request and rejects with the caller's reason", async () => {
    let closed!: Promise<void>;
    const server = await serve(
      (req) => (closed = new Promise((resolve) => req.socket.on('close', () => resolve()))),
    );
    const controller = new AbortController();
    const pending = client(server.baseUrl).showResourceQuotas({ signal: controller.signal });
    setTimeout(() => controller.abort(new Error('caller gave up')), 50);
    await expect(pending).rejects.toThrow('caller gave up');
    await closed; // the server saw the connection go: the request was destroyed, not left running
  });

  it('a timeout is HwsecTimeoutError, and an order is sent once', async () => {
    const server = await serve(() => undefined);
    const error = await client(server.baseUrl, { timeoutMs: 1000 })
      .createQuotasOrder(order)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HwsecTimeoutError);
    expect(error).toMatchObject({ mayHaveBeenProcessed: true, attempts: 1 });
    expect(server.seen).toHaveLength(1);
  });

  it('a refused connection is HwsecNetworkError', async () => {
    const server = await serve(ok);
    await server.close();
    const error = await client(server.baseUrl)
      .createQuotasOrder(order)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HwsecNetworkError);
    expect(String((error as Error).cause)).toMatch(/ECONNREFUSED/);
  });

  it('an order on a reused keep-alive socket that the server drops (ECONNRESET) is not resent', async () => {
    // The worst case of the keep-alive race: the server got the order, then the connection died.
    const server = await serve((req, res, n) => (n === 1 ? ok(req, res, n) : req.socket.destroy()));
    const hss = client(server.baseUrl, { retry: { maxAttempts: 5, baseDelayMs: 0 } });
    await hss.createQuotasOrder(order);
    const error = await hss.createQuotasOrder(order).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HwsecNetworkError);
    expect(error).toMatchObject({ mayHaveBeenProcessed: true, attempts: 1 });
    expect(server.seen).toHaveLength(2);
    expect(server.seen[1]!.socket).toBe(server.seen[0]!.socket);
  });

  it('a read on such a socket is retried by the retry policy, on a fresh connection', async () => {
    const server = await serve((req, res, n) => (n === 1 ? ok(req, res, n) : req.socket.destroy()));
    const hss = client(server.baseUrl, { retry: { maxAttempts: 3, baseDelayMs: 0 } });
    await hss.showResourceQuotas();
    expect((await hss.showResourceQuotas()).response.status).toBe(200);
    expect(server.seen).toHaveLength(3);
    expect(server.seen[2]!.socket).not.toBe(server.seen[0]!.socket);
  });

  it('never keeps a process alive: a script exits right after its call, connection still open', async () => {
    const server = await serve(ok);
    // Neither side will close the idle connection for 10 minutes (server keep-alive, agent idle
    // timeout): if the socket held the event loop, the child would outlive the test's timeout.
    server.server.keepAliveTimeout = 600_000;
    const index = fileURLToPath(new URL('../dist/index.js', import.meta.url));
    const nodeFetch = fileURLToPath(new URL('../dist/fetch/node.js', import.meta.url));
    const script = `
      const { createServiceClient } = await import(${JSON.stringify(index)});
      const { createNodeFetch } = await import(${JSON.stringify(nodeFetch)});
      const c = createServiceClient({ baseUrl: ${JSON.stringify(server.baseUrl)}, projectId: 'p', credentials: { token: 't' },
        fetch: createNodeFetch({ timeout: 600000 }) },
        { servers: [], operations: { CreateQuotasOrder: { method: 'post', path: '/v5/{project_id}/quotas/orders' } } });
      const { data } = await c.createQuotasOrder({ body: {} });
      console.log(JSON.stringify(data));`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect([code, out.trim()]).toEqual([0, '{"order_id":"o-1"}']);
    expect(server.seen).toHaveLength(1);
  });
});

describe('https on the default agent options', () => {
  let dir: string;
  let cert: string;
  let key: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hwsec-tls-'));
    execFileSync(
      'openssl',
      [
        ...[
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '1',
        ],
        ...[
          '-keyout',
          join(dir, 'key.pem'),
          '-out',
          join(dir, 'cert.pem'),
          '-subj',
          '/CN=hwsec.test',
          '-addext',
          'subjectAltName=DNS:hwsec.test',
        ],
      ],
      { stdio: 'ignore' },
    );
    [cert, key] = [
      readFileSync(join(dir, 'cert.pem'), 'utf8'),
      readFileSync(join(dir, 'key.pem'), 'utf8'),
    ];
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // hwsec.test -> 127.0.0.1, so the request names the host the certificate is for.
  const lookup = (
    _host: string,
    options: { all?: boolean },
    callback: (...args: unknown[]) => void,
  ) =>
    options.all
      ? callback(null, [{ address: '127.0.0.1', family: 4 }])
      : callback(null, '127.0.0.1', 4);

  it('verifies the certificate: an untrusted one is a network error by default', async () => {
    const server = await listen(createTlsServer({ cert, key }), ok);
    const error = await client(`https://127.0.0.1:${server.port}`)
      .createQuotasOrder(order)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HwsecNetworkError);
    expect(String((error as Error).cause)).toMatch(/self.signed|certificate/i);
    expect(server.seen).toHaveLength(0);
  });

  it('sends the host name (SNI) and checks it: trusted CA and right name succeed, wrong name fails', async () => {
    let sni: string | undefined;
    const tls = createTlsServer({ cert, key });
    tls.on('secureConnection', (socket) => (sni = (socket as { servername?: string }).servername));
    const server = await listen(tls, ok);
    const trusted = createNodeFetch({ ca: cert, lookup } as never);
    const { data } = await client(`https://hwsec.test:${server.port}`, {
      fetch: trusted,
    }).createQuotasOrder(order);
    expect(data).toEqual({ order_id: 'o-1' });
    expect(sni).toBe('hwsec.test');
    const error = await client(`https://127.0.0.1:${server.port}`, { fetch: trusted })
      .createQuotasOrder(order)
      .catch((e: unknown) => e);
    expect(String((error as Error).cause)).toMatch(/altnames|hostname/i);
  });
});
