// A real node:http server on 127.0.0.1 (ephemeral port) that records what it received and
// answers with the next scripted reply.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Reply = (req: Received, res: ServerResponse) => void;

export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Reply =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

/** Closes the connection without any HTTP answer: a network error for the client. */
export const hangUp: Reply = (_req, res) => res.socket?.destroy();

/** Never answers (until the server closes). */
export const stall: Reply = () => undefined;

/** A fetch that counts its calls: the exact number of times the client sent a request. */
export function countingFetch() {
  const counter = {
    calls: 0,
    fetch: (input: string, init: RequestInit) => {
      counter.calls++;
      return fetch(input, init);
    },
  };
  return counter;
}

export async function startServer(replies: Reply[]) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    // Recorded on arrival (before the body ends), so a request the client gave up on still counts.
    const entry: Received = { method: req.method!, url: req.url!, headers: req.headers, body: '' };
    received.push(entry);
    const reply = replies[Math.min(received.length - 1, replies.length - 1)]!;
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (entry.body += chunk));
    req.on('end', () => reply(entry, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    received,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
