// The server side of the fault suite: a real node:http server on 127.0.0.1 that plays the fault
// each request asks for (FAULT_HEADER, see fault-orders.ts), and a second server on
// another port, that is another origin, which cross-origin redirects point to. Both count
// receipts per logical call (CALL_HEADER); the foreign one also keeps every credential header it
// was sent. Seeded: the seed picks each answer's variant (Retry-After values, cut-off points).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CALL_HEADER, FAULT_HEADER, FAULT_SECRETS, type Fault } from './fault-orders.js';

const CREDENTIAL_HEADERS = ['authorization', 'x-auth-token', 'x-security-token'];

export interface FaultServer {
  baseUrl: string;
  foreignUrl: string;
  /** Requests received per logical call, at either origin. */
  receipts: Map<string, number>;
  /** Credential headers (and bodies holding a secret) that reached the foreign origin. */
  foreignCredentials: string[];
  /** Requests that reached the foreign origin at all. */
  foreignRequests: number;
  close(): Promise<void>;
}

const body = (order: string) => JSON.stringify({ order_id: `CS${order}`, order_status: 1 });

export async function startFaultServer(seed: number): Promise<FaultServer> {
  let state = seed >>> 0;
  const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const receipts = new Map<string, number>();
  const foreignCredentials: string[] = [];
  let foreignRequests = 0;
  let baseUrl = '';
  let foreignUrl = '';

  const count = (req: IncomingMessage) => {
    const call = String(req.headers[CALL_HEADER] ?? 'unmarked');
    receipts.set(call, (receipts.get(call) ?? 0) + 1);
  };

  function play(fault: Fault, req: IncomingMessage, res: ServerResponse) {
    const id = {
      'content-type': 'application/json',
      'x-request-id': `rid-${req.headers[CALL_HEADER]}`,
    };
    const json = (status: number, value: unknown, extra: Record<string, string> = {}) =>
      res.writeHead(status, { ...id, ...extra }).end(JSON.stringify(value));
    const error = (status: number, extra?: Record<string, string>) =>
      json(status, { error_code: `FAULT.${status}`, error_msg: 'fault played' }, extra);
    switch (fault) {
      case 'ok':
        return res.writeHead(200, id).end(body(String(req.headers[CALL_HEADER])));
      case 'status-400':
      case 'status-500':
      case 'status-502':
      case 'status-504':
        return error(Number(fault.slice(7)));
      case 'status-401-echo': {
        // A hostile or careless gateway echoing everything it got, in several encodings.
        const received = CREDENTIAL_HEADERS.map((name) => String(req.headers[name] ?? '')).filter(
          Boolean,
        );
        const echoed = received.flatMap((value) => [
          value,
          encodeURIComponent(value),
          Buffer.from(value).toString('base64'),
          JSON.stringify({ value }),
          value.slice(3, 3 + 12),
        ]);
        return json(401, {
          error_code: 'APIG.0301',
          error_msg: `bad credentials: ${echoed.join(' ')}`,
          [received[0] ?? 'none']: 'echoed as a key',
        });
      }
      case 'status-429-date-retry-after':
        return error(429, {
          'retry-after': new Date(Date.now() + 1000 + Math.floor(random() * 3000)).toUTCString(),
        });
      case 'status-503-huge-retry-after':
        return error(503, { 'retry-after': String(2 ** 40 + Math.floor(random() * 1e6)) });
      case 'redirect-same-origin-307':
      case 'redirect-same-origin-308':
        return res
          .writeHead(Number(fault.slice(-3)), { ...id, location: `${req.url}?again=1` })
          .end();
      case 'redirect-cross-origin-307':
      case 'redirect-cross-origin-302':
        return res
          .writeHead(Number(fault.slice(-3)), { ...id, location: `${foreignUrl}${req.url}` })
          .end();
      case 'reset-before-answer':
        return req.socket.destroy();
      case 'reset-after-headers':
        res.writeHead(200, { ...id, 'content-length': '200' });
        return res.write('{"order_id":', () => req.socket.destroy());
      case 'truncated-body': {
        const full = body('truncated');
        res.writeHead(200, { ...id, 'content-length': String(full.length) });
        // Cut off at a seeded point, then the connection ends cleanly (FIN, no reset).
        return res.write(full.slice(0, 1 + Math.floor(random() * (full.length - 2))), () =>
          req.socket.end(),
        );
      }
      case 'invalid-json-200':
        return res.writeHead(200, id).end('<html>order received</html>');
      case 'partial-json-200':
        return res.writeHead(200, id).end('{"order_id":"CS1","order_sta');
      case 'stall-before-headers':
        return; // the client's timeout ends it
      case 'stall-in-body':
        res.writeHead(200, { ...id, 'content-length': '100' });
        return res.write('{"order_id":');
      default:
        return error(400);
    }
  }

  const server = createServer((req, res) => {
    count(req);
    req.resume();
    req.on('end', () => play(String(req.headers[FAULT_HEADER]) as Fault, req, res));
  });
  const foreign = createServer((req, res) => {
    count(req);
    foreignRequests++;
    for (const name of CREDENTIAL_HEADERS) if (req.headers[name]) foreignCredentials.push(name);
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      if (Object.values(FAULT_SECRETS).some((secret) => text.includes(secret)))
        foreignCredentials.push('body');
      res.writeHead(200, { 'content-type': 'application/json' }).end(body('foreign'));
    });
  });
  const listen = (s: typeof server) =>
    new Promise<string>((resolve) =>
      s.listen(0, '127.0.0.1', () =>
        resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`),
      ),
    );
  baseUrl = await listen(server);
  foreignUrl = await listen(foreign);
  return {
    baseUrl,
    foreignUrl,
    receipts,
    foreignCredentials,
    get foreignRequests() {
      return foreignRequests;
    },
    async close() {
      for (const s of [server, foreign]) {
        s.closeAllConnections();
        await new Promise<void>((resolve) => s.close(() => resolve()));
      }
    },
  };
}
