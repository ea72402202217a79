// The floor: node:http with a keep-alive agent, the same headers and signing as raw fetch.
import { Agent, request } from 'node:http';
import {
  ACCESS_KEY,
  OPERATIONS,
  PROJECT_ID,
  SECRET_KEY,
  TOKEN,
  requestTarget,
} from '../fixtures.mjs';
import { sdkDate, signRequest } from '../baseline-signer.mjs';

const agent = new Agent({ keepAlive: true });

export function createCaller({ baseUrl, opId, auth }) {
  const op = OPERATIONS[opId];
  const target = requestTarget(op);
  const { hostname, port, host } = new URL(baseUrl);
  const extraHeaders = Object.fromEntries(
    Object.entries(op.headers).map(([k, v]) => [k.toLowerCase(), v]),
  );
  return function call() {
    const body = op.body === undefined ? undefined : JSON.stringify(op.body);
    const headers = { 'content-type': 'application/json', ...extraHeaders };
    if (auth === 'token') {
      headers['x-auth-token'] = TOKEN;
    } else {
      headers['x-project-id'] = PROJECT_ID;
      headers['x-sdk-date'] = sdkDate();
      headers['authorization'] = signRequest({
        method: op.method,
        target,
        host,
        headers,
        body,
        accessKey: ACCESS_KEY,
        secretKey: SECRET_KEY,
      });
    }
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
