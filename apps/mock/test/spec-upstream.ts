// A stand-in for the real cloud behind the validating proxy: on 127.0.0.1, answers each operation
// of one API with its documented success (status and first example, from the spec) and anything
// else with 404, and counts what it received, so a test can tell what the proxy forwarded.
import { createServer } from 'node:http';
import { listOperations, loadBundle, resolveRef } from '@hwsec/spec';

export interface SpecUpstream {
  readonly url: string;
  /** How many requests reached it. */
  readonly received: () => number;
  close(): Promise<void>;
}

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

function documentedSuccess(document: Json, responses: Json): { status: number; body?: unknown } {
  const [status, response] = Object.entries<Json>(responses ?? {}).find(([code]) =>
    /^2\d\d$/.test(code),
  )!;
  const media = resolveRef(document, response)?.content?.['application/json'];
  const example =
    media?.example ??
    (media?.examples
      ? resolveRef(document, Object.values<Json>(media.examples)[0])?.value
      : undefined);
  return { status: Number(status), body: example };
}

export async function startSpecUpstream(api: string): Promise<SpecUpstream> {
  const document = loadBundle(api);
  const routes = listOperations(document).map((op) => ({
    method: op.method.toUpperCase(),
    path: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    answer: documentedSuccess(document, op.operation.responses),
  }));
  let count = 0;
  const server = createServer((request, response) => {
    count += 1;
    request.resume();
    request.on('end', () => {
      const path = (request.url ?? '/').split('?')[0]!;
      const route = routes.find((r) => r.method === request.method && r.path.test(path));
      const text = route?.answer.body === undefined ? '' : JSON.stringify(route.answer.body);
      response.writeHead(route?.answer.status ?? 404, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
      });
      response.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    received: () => count,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
