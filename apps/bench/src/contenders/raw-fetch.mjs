// Baseline: the built-in fetch called as `fetch(url, { method, headers, body })`, the JSON body
// stringified per call and the response parsed, signing with the hand-written baseline signer.
import {
  ACCESS_KEY,
  OPERATIONS,
  PROJECT_ID,
  SECRET_KEY,
  TOKEN,
  requestTarget,
} from '../fixtures.mjs';
import { sdkDate, signRequest } from '../baseline-signer.mjs';

export function createCaller({ baseUrl, opId, auth, clientOptions = {} }) {
  // Diagnostic only: the same per-attempt timeout our transport sets up (AbortController + timer).
  const timeoutMs = clientOptions.timeoutMs;
  const op = OPERATIONS[opId];
  const target = requestTarget(op);
  const url = baseUrl + target;
  const host = new URL(baseUrl).host;
  const extraHeaders = Object.fromEntries(
    Object.entries(op.headers).map(([k, v]) => [k.toLowerCase(), v]),
  );
  return async function call() {
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
    let response;
    if (timeoutMs === undefined) {
      response = await fetch(url, { method: op.method, headers, body });
    } else {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        response = await fetch(url, {
          method: op.method,
          headers,
          body,
          signal: controller.signal,
        });
      } finally {
        clearTimeout(timer);
      }
    }
    if (!response.ok) throw new Error(`fetch: HTTP ${response.status} ${await response.text()}`);
    return response.json();
  };
}
