// No client error ever yields a 5xx from the real mock process: malformed URIs, a bad Host, a bad
// Prefer, header bytes that are not ASCII, bodies that are not UTF-8 or hold lone surrogates all
// get the gateway's or the service's 4xx body. Raw sockets send the exact bytes.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAkSkSigner, formatSdkDate } from '@hwsec/core';
import { PROJECT_ID, TEST_KEY } from './helpers.js';
import { startMockProcess, type MockProcess } from './mock-process.js';

interface RawResponse {
  status: number;
  body: Record<string, unknown>;
}

/** Sends `head` (request line and headers, CRLF-joined) and `body` bytes as they are. */
function rawRequest(baseUrl: string, head: string[], body: Buffer = Buffer.alloc(0)) {
  const { hostname, port } = new URL(baseUrl);
  return new Promise<RawResponse>((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [statusLine = '', ...rest] = text.split('\r\n');
      const bodyText = rest.slice(rest.indexOf('') + 1).join('\r\n');
      resolve({ status: Number(statusLine.split(' ')[1]), body: JSON.parse(bodyText) });
    });
    const lines = [...head, 'Connection: close', `Content-Length: ${body.length}`, '', ''];
    socket.write(Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), body]));
  });
}

const signer = createAkSkSigner(TEST_KEY);

/** The head of an AK/SK-signed request, signed over `headers` as text (UTF-8, as clients do). */
async function signedHead(
  method: string,
  target: string,
  headers: Record<string, string>,
  body: string,
  host: string,
): Promise<string[]> {
  const all = { ...headers, 'X-Sdk-Date': formatSdkDate(new Date()) };
  const authorization = await signer.sign({
    method,
    url: `http://${host.includes(' ') ? 'unused.invalid' : host}${target}`,
    headers: { ...all, host },
    body,
  });
  return [
    `${method} ${target} HTTP/1.1`,
    `Host: ${host}`,
    ...Object.entries(all).map(([name, value]) => `${name}: ${value}`),
    `Authorization: ${authorization}`,
  ];
}

describe('the mock process refuses client errors with a 4xx in the right shape', () => {
  let mock: MockProcess;
  let hss: string;
  let host: string;
  const quotas = `/v5/${PROJECT_ID}/billing/quotas`;
  const orders = `/v5/${PROJECT_ID}/quotas/orders`;
  beforeAll(async () => {
    mock = await startMockProcess(['--verify-signatures']);
    hss = mock.urls['hss']!;
    host = new URL(hss).host;
  });
  afterAll(() => mock.stop());

  it('%FF in project_id: the gateway’s 400 APIG.0201, not 500 "URI malformed"', async () => {
    const response = await rawRequest(hss, [
      'GET /v5/%FF/billing/quotas HTTP/1.1',
      `Host: ${host}`,
      'X-Auth-Token: t',
    ]);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error_code: 'APIG.0201',
      error_msg: 'request error: the request path is not percent-encoded UTF-8',
      request_id: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });

  it('a signed request with Host "a b": the gateway’s 400, not 500 "Invalid URL"', async () => {
    const head = await signedHead('GET', quotas, {}, '', 'a b');
    const response = await rawRequest(hss, head);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error_code: 'APIG.0201',
      error_msg: 'request error: invalid Host header',
    });
  });

  it.each([
    ['code=abc', 'cannot decode "abc", should be a number'],
    ['code=599', 'Requested status code 599 is not defined'],
    ['example=nope', 'exampleKey: nope does not exist'],
  ])('Prefer: %s gets the service’s own 400, not Prism’s problem+json', async (prefer, why) => {
    const response = await rawRequest(hss, [
      `GET ${quotas} HTTP/1.1`,
      `Host: ${host}`,
      'X-Auth-Token: t',
      `Prefer: ${prefer}`,
    ]);
    expect(response.status).toBe(400);
    expect(response.body['error_code']).toBe('HSS.0001');
    expect(response.body['error_msg']).toMatch(/^invalid parameter: header\.prefer \(prefer\): /);
    expect(response.body['error_msg']).toContain(why);
  });

  it('reads a non-ASCII X-Project-Id as the bytes on the wire: UTF-8 bytes match a signature over the text', async () => {
    const projectId = 'projét-项目';
    const head = await signedHead('GET', quotas, { 'X-Project-Id': projectId }, '', host);
    // The signature covers the UTF-8 of the text; the socket carries exactly those bytes.
    const utf8Head = head.map((line) => Buffer.from(line, 'utf8').toString('latin1'));
    expect((await rawRequest(hss, utf8Head)).status).toBe(200);
    // The same text written one byte per character (as Latin-1) is other bytes: 401, as at the gateway.
    const latin1Head = head.map((line) =>
      line.startsWith('X-Project-Id') ? 'X-Project-Id: projét' : line,
    );
    const refused = await rawRequest(hss, latin1Head);
    expect(refused.status).toBe(401);
    expect(refused.body['error_msg']).toContain('verify aksk signature fail');
  });

  const order = (text: string) =>
    `{"resource_spec_code":"hss.version.enterprise","period_type":2,"period_num":1,"subscription_num":1,"x":${text}}`;

  it.each([
    [
      'invalid UTF-8 (a lone 0xFF byte)',
      Buffer.concat([Buffer.from(order('"a')), Buffer.from([0xff]), Buffer.from('"}')]),
      'the body is not valid UTF-8',
    ],
    [
      'a lone high surrogate escape',
      Buffer.from(order('"\\ud800"')),
      'lone surrogate in a string at $.x',
    ],
    [
      'a lone low surrogate escape',
      Buffer.from(order('"a\\udc00b"')),
      'lone surrogate in a string at $.x',
    ],
  ])('a JSON body with %s: the service’s unparseable-body 400', async (_name, body, reason) => {
    const response = await rawRequest(
      hss,
      [
        `POST ${orders} HTTP/1.1`,
        `Host: ${host}`,
        'X-Auth-Token: t',
        'Content-Type: application/json',
      ],
      body,
    );
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error_code: 'HSS.0002',
      error_msg: `failed to parse request: body (json): ${reason}`,
    });
  });

  it('a surrogate pair is a character, not an error', async () => {
    const response = await rawRequest(
      hss,
      [
        `POST ${orders} HTTP/1.1`,
        `Host: ${host}`,
        'X-Auth-Token: t',
        'Content-Type: application/json',
      ],
      Buffer.from(order('"\\ud83d\\ude00"')),
    );
    // The request schema allows further properties, so the order is answered.
    expect(response.status).toBe(200);
    expect(response.body['order_id']).toEqual(expect.any(String));
  });

  const deep = Buffer.from(`${'['.repeat(8000)}${']'.repeat(8000)}`);

  it.each([
    ['an order, authenticated', `POST ${orders}`, ['X-Auth-Token: t'], 400],
    ['an order, no credentials', `POST ${orders}`, [], 401],
    ['an unknown path', 'POST /v5/nowhere', ['X-Auth-Token: t'], 404],
    ['the control path of a stateless mock', 'PUT /_hwsec/state/p', [], 404],
  ])(
    '8,000-deep JSON (%s): a 4xx, never 500 "Maximum call stack size exceeded"',
    async (_name, line, extra, status) => {
      const response = await rawRequest(
        hss,
        [`${line} HTTP/1.1`, `Host: ${host}`, ...extra, 'Content-Type: application/json'],
        deep,
      );
      expect(response.status).toBe(status);
      if (status === 400)
        expect(response.body).toEqual({
          error_code: 'HSS.0002',
          error_msg: 'failed to parse request: body (json): nested deeper than 64 levels',
        });
    },
  );

  it.each([
    ['Host', (head: string[]) => [...head, `Host: ${host}`], 'more than one host header'],
    [
      'Authorization',
      (head: string[]) => [...head, head.find((l) => l.startsWith('Authorization'))!],
      'more than one authorization header',
    ],
    [
      'X-Sdk-Date',
      (head: string[]) => [...head, `X-Sdk-Date: ${formatSdkDate(new Date(0))}`],
      'more than one x-sdk-date header',
    ],
  ])(
    'a signed request with a second %s header: the gateway’s 400, not a verdict on one reading of it',
    async (_name, twice, message) => {
      const head = await signedHead('GET', quotas, {}, '', host);
      expect((await rawRequest(hss, head)).status).toBe(200);
      const response = await rawRequest(hss, twice(head));
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        error_code: 'APIG.0201',
        error_msg: `request error: ${message}`,
      });
    },
  );

  it.each([
    `/v5/./${PROJECT_ID}/billing/quotas`,
    `/v5/${PROJECT_ID}/x/../billing/quotas`,
    `/v5/%2E/${PROJECT_ID}/billing/quotas`,
  ])(
    '%s with a signature made over the path without dot segments: the gateway’s 400',
    async (target) => {
      const head = await signedHead('GET', quotas, {}, '', host);
      const response = await rawRequest(hss, [`GET ${target} HTTP/1.1`, ...head.slice(1)]);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        error_code: 'APIG.0201',
        error_msg: 'request error: the request path has a "." or ".." segment',
      });
    },
  );
});
