// SIGTERM to the real process: it stops accepting, answers the request in flight (an order whose
// body was still arriving), and exits 0 with that order on disk; one Ctrl-C as pnpm delivers it
// (SIGINT, SIGINT, SIGTERM at once) is one stop, and a signal after that burst exits at once.
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { SAME_STOP_MS } from '../src/stop-signals.js';
import { exampleBody } from './example-bodies.js';
import { startMockProcess, type MockProcess } from './mock-process.js';
import { newStateFile } from './state-file-fixtures.js';
import { control } from './stateful-helpers.js';

// The spec's monthly example, paid at once, so the order changes the state the stop must write.
const body = Buffer.from(
  JSON.stringify(exampleBody('hss', 'CreateQuotasOrder', { is_auto_pay: true })),
);

interface Connection {
  readonly socket: Socket;
  /** What arrived since the connection was accepted. */
  received(): string;
  /** Resolves once what arrived matches (checked as data comes: nothing polls meanwhile). */
  receives(pattern: RegExp): Promise<void>;
}

/** A keep-alive connection, known to be accepted (one request already answered on it). */
async function acceptedConnection(url: string): Promise<Connection> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let text = '';
  const waiting = new Set<() => void>();
  socket.on('data', (chunk: Buffer) => {
    text += chunk.toString('latin1');
    for (const check of waiting) check();
  });
  socket.on('error', () => undefined);
  const receives = (pattern: RegExp) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!pattern.test(text)) return;
        waiting.delete(check);
        resolve();
      };
      waiting.add(check);
      check();
    });
  socket.write(`GET /_hwsec/state/p HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`);
  await receives(ANSWERED);
  text = '';
  return { socket, received: () => text, receives };
}

/** A whole answer with a JSON body. */
const ANSWERED = /\r\n\r\n\{.*\}$/s;

/** Resolves once the process has printed `text` on stdout. */
function printed(mock: MockProcess, text: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!mock.output().stdout.includes(text)) return;
      mock.child.stdout!.off('data', check);
      resolve();
    };
    mock.child.stdout!.on('data', check);
    check();
  });
}

/** Resolves once a new connection to the URL is refused. */
async function refusesConnections(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  for (;;) {
    const refused = await new Promise<boolean>((resolve) => {
      const probe = connect(Number(port), hostname);
      probe.once('connect', () => {
        probe.destroy();
        resolve(false);
      });
      probe.once('error', () => resolve(true));
    });
    if (refused) return;
  }
}

function startHalfOrder(socket: Socket, host: string): void {
  socket.write(
    `POST /v5/p/quotas/orders HTTP/1.1\r\nHost: ${host}\r\nX-Auth-Token: t\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
  );
  socket.write(body.subarray(0, 10));
}

describe('stopping', () => {
  it(
    'SIGTERM answers the order in flight, then exits 0, and the order is on disk',
    { timeout: 180_000 },
    async () => {
      const file = newStateFile();
      const mock: MockProcess = await startMockProcess(['--state-file', file]);
      const url = mock.urls.hss!;
      const { socket, received, receives } = await acceptedConnection(url);
      startHalfOrder(socket, new URL(url).host);
      mock.child.kill('SIGTERM');
      await refusesConnections(url);
      socket.write(body.subarray(10));
      await receives(ANSWERED);
      expect(received()).toMatch(/^HTTP\/1\.1 200 /);
      const orderId = /"order_id":"(\w+)"/.exec(received())![1]!;
      expect(await mock.exited).toBe(0);

      const next = await startMockProcess(['--state-file', file]);
      try {
        const state = (await control(next.urls.hss!).state('p')).body as {
          orders: Array<{ order_id: string }>;
        };
        expect(state.orders.map((o) => o.order_id)).toEqual([orderId]);
      } finally {
        await next.stop();
      }
    },
  );

  it(
    'one Ctrl-C as pnpm delivers it (SIGINT from the terminal, SIGINT passed on, then SIGTERM) still answers the request in flight',
    { timeout: 120_000 },
    async () => {
      const mock = await startMockProcess(['--stateful']);
      const url = mock.urls.hss!;
      const { socket, received, receives } = await acceptedConnection(url);
      startHalfOrder(socket, new URL(url).host);
      mock.child.kill('SIGINT');
      mock.child.kill('SIGINT');
      mock.child.kill('SIGTERM');
      await refusesConnections(url);
      socket.write(body.subarray(10));
      await receives(ANSWERED);
      expect(received()).toMatch(/^HTTP\/1\.1 200 /);
      expect(await mock.exited).toBe(0);
    },
  );

  it(
    "a signal after the first one's burst exits at once, without waiting for the request in flight",
    { timeout: 120_000 },
    async () => {
      const mock = await startMockProcess(['--stateful']);
      const url = mock.urls.hss!;
      const { socket } = await acceptedConnection(url);
      startHalfOrder(socket, new URL(url).host);
      mock.child.kill('SIGTERM');
      // Counted from when the mock took the signal, which a loaded machine may delay well past
      // the kill: counted from the kill, the next signal could still fall inside its window.
      await printed(mock, 'SIGTERM received');
      const firstAt = Date.now();
      await refusesConnections(url);
      // The rule is about time: a signal inside SAME_STOP_MS would be the same request.
      while (Date.now() - firstAt <= SAME_STOP_MS) await new Promise((r) => setTimeout(r, 50));
      mock.child.kill('SIGINT');
      expect(await mock.exited).toBe(130);
      socket.destroy();
    },
  );
});
