// Size-budget entry: what an app that makes one AK/SK-signed HSS call ships to a browser
// (client, openapi-fetch, Web Crypto signer, retries, timeouts, errors, the spec's servers).
import { createHssClient } from '../dist/index.js';

const hss = createHssClient({
  region: 'cn-north-4',
  projectId: '0123456789abcdef0123456789abcdef',
  credentials: { accessKey: 'AK', secretKey: 'SK' },
});
const { data, error } = await hss.createQuotasOrder({
  body: {
    resource_spec_code: 'hss.version.enterprise',
    period_type: 2,
    period_num: 1,
    subscription_num: 1,
  },
});
console.log(data ?? error);
