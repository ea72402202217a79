// The same program with Huawei's official SDK core, driven as its generated HssClient does
// (the service packages import ClientBuilder by this deep path).
import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core';
import { ClientBuilder } from '@huaweicloud/huaweicloud-sdk-core/ClientBuilder.js';

const credentials = new BasicCredentials()
  .withAk(globalThis.HWSEC_AK)
  .withSk(globalThis.HWSEC_SK)
  .withProjectId('0123456789abcdef0123456789abcdef');
const client = new ClientBuilder((hcClient) => hcClient)
  .withCredential(credentials)
  .withEndpoint('https://hss.cn-north-4.myhuaweicloud.com')
  .build();
const result = await client.sendRequest({
  method: 'GET',
  url: '/v5/{project_id}/billing/quotas',
  contentType: 'application/json',
  queryParams: { version: 'hss.version.basic' },
  pathParams: {},
  headers: {},
});
console.log(result);
