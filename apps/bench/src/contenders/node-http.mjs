// The floor: node:http with a keep-alive agent, the same headers and signing as raw fetch.
import { Agent, request } from 'node:http';
import { OPERATIONS, requestTarget } from '../fixtures.mjs';
import { createBaselineRequest } from '../baseline-request.mjs';

const agent = new Agent({ keepAlive: true });

export function createCaller({ baseUrl, opId, auth }) {
  const op = OPERATIONS[opId];
  const target = requestTarget(op);
  const { hostname, port, host } = new URL(baseUrl);
  const nextRequest = createBaselineRequest({ op, auth, target, host });
  return function call() {
    const { headers, body } = nextRequest();
    if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
    return new Promise((resolve, reject) => {
      const req = request(
        { hostname, port, path: target, method: op.method, headers, agent },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode < 200 || res.statusCode > 299)
              reject(new Error(`node:http: HTTP ${res.statusCode} ${text}`));
            else resolve(JSON.parse(text));
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  };
}
