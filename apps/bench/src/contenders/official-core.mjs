// Huawei's official Node SDK core, driven the way its generated service clients drive it
// (HssClient & co are not on this registry): a ClientBuilder-built HcClient, BasicCredentials
// with the project ID, and per call a fresh options object like `ParamCreater()` returns.
// The official SDK has no IAM-token credential; for the token cells it gets the smallest
// ICredential that adds X-Auth-Token, which is what a user of the core would have to write.
import { createRequire } from 'node:module';
import { OPERATIONS, ACCESS_KEY, PROJECT_ID, SECRET_KEY, TOKEN } from '../fixtures.mjs';

const require = createRequire(import.meta.url);
const { ClientBuilder } = require('@huaweicloud/huaweicloud-sdk-core/ClientBuilder');
const { BasicCredentials } = require('@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials');

function tokenCredential() {
  const credential = {
    getAk: () => undefined,
    getSk: () => undefined,
    processAuthParams: async () => credential,
    async processAuthRequest(_client, httpRequest) {
      httpRequest.headers = { ...httpRequest.headers, 'X-Auth-Token': TOKEN };
      return httpRequest;
    },
  };
  return credential;
}

export function createCaller({ baseUrl, opId, auth }) {
  const op = OPERATIONS[opId];
  const credential =
    auth === 'token'
      ? tokenCredential()
      : new BasicCredentials().withAk(ACCESS_KEY).withSk(SECRET_KEY).withProjectId(PROJECT_ID);
  const client = new ClientBuilder((hcClient) => hcClient)
    .withCredential(credential)
    .withEndpoint(baseUrl)
    .build();
  return async function call() {
    const options = {
      method: op.method,
      url: op.path,
      contentType: 'application/json',
      queryParams: { ...op.query },
      // BasicCredentials fills {project_id} itself; the token credential needs it here.
      pathParams: auth === 'token' ? { project_id: PROJECT_ID } : {},
      headers: { ...op.headers },
      data: op.body,
    };
    const result = await client.sendRequest(options);
    if (result.httpStatusCode < 200 || result.httpStatusCode > 299)
      throw new Error(`official core: HTTP ${result.httpStatusCode}`);
    return result;
  };
}
