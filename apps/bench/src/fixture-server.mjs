// The server every per-request benchmark talks to: plain node:http on 127.0.0.1 answering the
// four routes with small JSON, in its own process so it never competes with the contender for
// the event loop. It checks auth so no contender can "win" by sending a wrong request: the token
// on every request, the AK/SK signature on the first signed request of each connection and on
// every 16th request (a full check of every request would make the server the bottleneck).
import { createServer } from 'node:http';
import { ACCESS_KEY, OPERATIONS, PROJECT_ID, RESPONSES, SECRET_KEY, TOKEN } from './fixtures.mjs';
import { signRequest } from './baseline-signer.mjs';

const ROUTES = new Map(
  Object.entries(OPERATIONS).map(([id, op]) => [
    `${op.method} ${op.path.replace('{project_id}', PROJECT_ID)}`,
    Buffer.from(JSON.stringify(RESPONSES[id])),
  ]),
);
const SIGNATURE_SAMPLE_EVERY = 16;

/** @returns {Promise<{ server: import('node:http').Server, port: number, stats: { requests: number, verified: number, rejected: number } }>} */
export function startFixtureServer({ port = 0 } = {}) {
  const stats = { requests: 0, verified: 0, rejected: 0 };
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const requestNumber = stats.requests++;
      const [path] = request.url.split('?');
      const payload = ROUTES.get(`${request.method} ${path}`);
      if (payload === undefined)
        return send(response, 404, {
          error_code: 'BENCH.404',
          error_msg: `no route ${request.method} ${path}`,
        });
      const socket = /** @type {any} */ (request.socket);
      const problem = checkAuth(
        request,
        Buffer.concat(chunks).toString('utf8'),
        socket,
        requestNumber % SIGNATURE_SAMPLE_EVERY === 0,
        stats,
      );
      if (problem) {
        stats.rejected++;
        return send(response, 401, { error_code: 'APIGW.0301', error_msg: problem });
      }
      response.writeHead(200, {
        'content-type': 'application/json',
        'x-request-id': 'bench0000000000000000000000000000',
        'content-length': payload.length,
      });
      response.end(payload);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () =>
      resolve({ server, port: /** @type {any} */ (server.address()).port, stats }),
    );
  });
}

function checkAuth(request, body, socket, sampled, stats) {
  const headers = request.headers;
  if (headers['x-auth-token'] !== undefined)
    return headers['x-auth-token'] === TOKEN ? undefined : 'wrong token';
  const authorization = headers['authorization'];
  if (
    typeof authorization !== 'string' ||
    !authorization.startsWith(`SDK-HMAC-SHA256 Access=${ACCESS_KEY}, `)
  )
    return 'no credentials';
  // The first signed request on each connection is always checked, then a sample.
  if (socket.benchVerified && !sampled) return undefined;
  socket.benchVerified = true;
  const signedNames = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
  if (!signedNames.includes('x-sdk-date') || !signedNames.includes('host'))
    return 'x-sdk-date and host must be signed';
  const signed = {};
  for (const name of signedNames) if (name !== 'host') signed[name] = String(headers[name] ?? '');
  const expected = signRequest({
    method: request.method,
    target: request.url,
    host: String(headers.host),
    headers: signed,
    body: body === '' ? undefined : body,
    accessKey: ACCESS_KEY,
    secretKey: SECRET_KEY,
  });
  stats.verified++;
  return expected === authorization ? undefined : 'signature mismatch';
}

function send(response, status, body) {
  const payload = Buffer.from(JSON.stringify(body));
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': payload.length,
  });
  response.end(payload);
}

// Run as a child process: print the port, serve until told to stop on stdin, then print stats.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { server, port, stats } = await startFixtureServer();
  process.stdout.write(`${JSON.stringify({ port })}\n`);
  process.stdin.on('data', (data) => {
    if (String(data).includes('stats')) process.stdout.write(`${JSON.stringify(stats)}\n`);
  });
  process.stdin.on('end', () => {
    server.closeAllConnections();
    server.close();
  });
}
