// Baseline: the built-in fetch called as `fetch(url, { method, headers, body })`, the JSON body
// stringified per call and the response parsed, signing with the hand-written baseline signer.
import { OPERATIONS, requestTarget } from '../fixtures.mjs';
import { createBaselineRequest } from '../baseline-request.mjs';

export function createCaller({ baseUrl, opId, auth, clientOptions = {} }) {
  // Diagnostic only: the same per-attempt timeout our transport sets up (AbortController + timer).
  const timeoutMs = clientOptions.timeoutMs;
  const op = OPERATIONS[opId];
  const target = requestTarget(op);
  const url = baseUrl + target;
  const host = new URL(baseUrl).host;
  const nextRequest = createBaselineRequest({ op, auth, target, host });
  return async function call() {
    const { headers, body } = nextRequest();
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
