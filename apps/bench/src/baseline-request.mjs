// What the baseline contenders (raw fetch, node:http, the mock load) send for one operation: the
// headers our clients send, signed with the hand-written baseline signer under AK/SK, so every
// contender puts the same bytes on the wire. The factory does the per-operation work once; the
// returned function does what a real call must do each time (serialise, date, sign).
import { ACCESS_KEY, PROJECT_ID, SECRET_KEY, TOKEN } from './fixtures.mjs';
import { sdkDate, signRequest } from './baseline-signer.mjs';

export function createBaselineRequest({ op, auth, target, host }) {
  const extraHeaders = Object.fromEntries(
    Object.entries(op.headers).map(([k, v]) => [k.toLowerCase(), v]),
  );
  return function baselineRequest() {
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
    return { headers, body };
  };
}
