// Cold start, raw fetch: one AK/SK-signed read with the hand-written baseline signer.
// The request target (the spec's HSS read) comes from the parent: see sections/cold-start.mjs.
import { ACCESS_KEY, PROJECT_ID, SECRET_KEY } from '../../credentials.mjs';
import { sdkDate, signRequest } from '../../baseline-signer.mjs';

const [baseUrl, target] = process.argv.slice(2);
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
