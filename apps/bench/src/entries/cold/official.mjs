// Cold start, the official core: one AK/SK-signed read, built as its generated HssClient does.
import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core';
import { ClientBuilder } from '@huaweicloud/huaweicloud-sdk-core/ClientBuilder.js';
import { ACCESS_KEY, PROJECT_ID, SECRET_KEY } from '../../credentials.mjs';

const credentials = new BasicCredentials()
  .withAk(ACCESS_KEY)
  .withSk(SECRET_KEY)
  .withProjectId(PROJECT_ID);
const client = new ClientBuilder((hcClient) => hcClient)
  .withCredential(credentials)
  .withEndpoint(process.argv[2])
  .build();
const result = await client.sendRequest({
  method: 'GET',
  url: '/v5/{project_id}/billing/quotas',
  contentType: 'application/json',
  queryParams: { version: 'hss.version.basic' },
  pathParams: {},
  headers: {},
});
if (result.httpStatusCode !== 200) throw new Error(`HTTP ${result.httpStatusCode}`);
process.stdout.write('ok\n');
