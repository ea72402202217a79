// Size-budget entry: what an app that makes one AK/SK-signed SecMaster call ships to a browser
// (client, openapi-fetch, Web Crypto signer, retries, timeouts, errors, the spec's servers).
import { createSecMasterClient } from '../dist/index.js';

const secmaster = createSecMasterClient({
  region: 'cn-north-4',
  projectId: '0123456789abcdef0123456789abcdef',
  credentials: { accessKey: 'AK', secretKey: 'SK' },
});
const { data, error } = await secmaster.updateSubscriptionOrder({
  body: { scene: 'PREPAID', operate_type: 'UPGRADE' },
});
console.log(data ?? error);
