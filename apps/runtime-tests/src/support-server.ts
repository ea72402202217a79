// A real HTTP server on 127.0.0.1 that answers by script, for the portable suites' retry,
// timeout and redaction cases. A client's baseUrl names the script and a call id:
//   <support>/s/<steps>/<id>/...   steps: dot-separated, one per receipt, the last repeating
//     <status>  that status, with a JSON body (an error body in the services' shape unless 2xx)
//     reset     the socket is destroyed as soon as the request arrives
//     stall     no answer until the server closes
//     echo      400 whose body quotes every request header (a hostile or careless server)
//   GET <support>/receipts/<id>  ->  { "count": <requests received for that id> }
// Receipts are counted when the request line and headers arrive, so a request the client gave
// up on still counts: the number is how many times it was really sent.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SupportServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startSupportServer(): Promise<SupportServer> {
  const receipts = new Map<string, number>();
  const server = createServer((request, response) => {
    const parts = (request.url ?? '/').split('?')[0]!.split('/');
    if (parts[1] === 'receipts' && parts[2]) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ count: receipts.get(parts[2]) ?? 0 }));
      return;
    }
    if (parts[1] !== 's' || !parts[2] || !parts[3]) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end('{"error_code":"TEST.404","error_msg":"no such script"}');
      return;
    }
    const id = parts[3];
    const count = (receipts.get(id) ?? 0) + 1;
    receipts.set(id, count);
    const steps = parts[2].split('.');
    const step = steps[Math.min(count - 1, steps.length - 1)]!;
    if (step === 'reset') return void request.socket.destroy();
    if (step === 'stall') return void request.resume();
    request.resume();
    request.on('end', () => {
      if (step === 'echo') {
        const body = { error_code: 'TEST.ECHO', error_msg: JSON.stringify(request.headers) };
        response.writeHead(400, { 'content-type': 'application/json' });
        return void response.end(JSON.stringify(body));
      }
      const status = Number(step);
      const ok = status >= 200 && status < 300;
      response.writeHead(status, {
        'content-type': 'application/json',
        'x-request-id': `req-${id}-${count}`,
      });
      response.end(
        JSON.stringify(
          ok
            ? { order_id: `order-${id}`, total_num: 1 }
            : { error_code: `TEST.${status}`, error_msg: 'scripted' },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
