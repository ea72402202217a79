// A stand-in for the real cloud in provider mode: a node:http server on 127.0.0.1 that answers
// each operation of the bundles with its documented 200 example, except the responses it is told
// to break. It records what it received, so tests can check what the proxy forwarded.
import { createServer, type IncomingMessage } from 'node:http';
import { successOf, type Operation } from './operation-model.js';

export interface ReceivedRequest {
  method: string;
  /** Path and query as received. */
  target: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FakeUpstream {
  url: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

function routeOf(operation: Operation): RegExp {
  const segments = operation.path
    .split('/')
    .map((segment) =>
      /^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&'),
    );
  return new RegExp(`^${segments.join('/')}$`);
}

export async function startFakeUpstream(
  operations: readonly Operation[],
  /** operationId → the (spec-breaking) body to send instead of the example. */
  brokenBodies: Readonly<Record<string, unknown>> = {},
): Promise<FakeUpstream> {
  const routes = operations.map((operation) => ({ operation, route: routeOf(operation) }));
  const received: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const target = request.url ?? '/';
      received.push({
        method: request.method ?? 'GET',
        target,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const path = target.split('?')[0] ?? '/';
      const match = routes.find(
        (r) => r.operation.method === request.method?.toLowerCase() && r.route.test(path),
      );
      // The documented success: its status and first example (none for PayOrders' 204).
      const success = match ? successOf(match.operation) : undefined;
      const body = match
        ? match.operation.operationId in brokenBodies
          ? brokenBodies[match.operation.operationId]
          : success!.examples[0]
        : {
            error_code: 'APIG.0101',
            error_msg: 'The API does not exist or has not been published in the environment',
          };
      const text = body === undefined ? '' : JSON.stringify(body);
      response.writeHead(success?.status ?? 404, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
        'x-request-id': 'fake0upstream0request0id',
      });
      response.end(text);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('fake upstream has no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
