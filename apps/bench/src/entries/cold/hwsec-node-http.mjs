// Cold start, @hwsec/hss with the node:http prototype injected as its fetch (diagnostic).
import { createHssClient } from '@hwsec/hss';
import { nodeHttpFetch } from '../../contenders/node-http-fetch.mjs';
import { ACCESS_KEY, PROJECT_ID, SECRET_KEY } from '../../fixtures.mjs';

const hss = createHssClient({
  baseUrl: process.argv[2],
  projectId: PROJECT_ID,
  credentials: { accessKey: ACCESS_KEY, secretKey: SECRET_KEY },
  fetch: nodeHttpFetch,
});
const { error, response } = await hss.showResourceQuotas({
  params: { query: { version: 'hss.version.basic' } },
});
if (error !== undefined) throw new Error(`HTTP ${response.status}`);
process.stdout.write('ok\n');
