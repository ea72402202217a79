// Cold start, raw fetch: one AK/SK-signed read with the hand-written baseline signer.
import { ACCESS_KEY, OPERATIONS, PROJECT_ID, SECRET_KEY, requestTarget } from '../../fixtures.mjs';
import { sdkDate, signRequest } from '../../baseline-signer.mjs';

const baseUrl = process.argv[2];
const op = OPERATIONS.hssRead;
const target = requestTarget(op);
const headers = {
  'content-type': 'application/json',
  'x-project-id': PROJECT_ID,
  'x-sdk-date': sdkDate(),
};
headers.authorization = signRequest({
  method: 'GET',
  target,
  host: new URL(baseUrl).host,
  headers,
  accessKey: ACCESS_KEY,
  secretKey: SECRET_KEY,
});
const response = await fetch(baseUrl + target, { headers });
if (!response.ok) throw new Error(`HTTP ${response.status}`);
await response.json();
process.stdout.write('ok\n');
