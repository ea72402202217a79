// Cold start, @hwsec/hss with Node's built-in fetch injected (diagnostic: the web path on Node).
import { createHssClient } from '@hwsec/hss';
import { ACCESS_KEY, PROJECT_ID, SECRET_KEY } from '../../credentials.mjs';

const hss = createHssClient({
  baseUrl: process.argv[2],
  projectId: PROJECT_ID,
  credentials: { accessKey: ACCESS_KEY, secretKey: SECRET_KEY },
  fetch: (input, init) => globalThis.fetch(input, init),
});
const { error, response } = await hss.showResourceQuotas({
  params: { query: { version: 'hss.version.basic' } },
});
if (error !== undefined) throw new Error(`HTTP ${response.status}`);
process.stdout.write('ok\n');
