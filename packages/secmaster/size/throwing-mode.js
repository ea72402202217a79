// Size-budget entry: the same call in throwing mode (unwrap + HwsecApiError).
import { createSecMasterClient, unwrap } from '../dist/index.js';

const secmaster = createSecMasterClient({
  region: 'cn-north-4',
  projectId: '0123456789abcdef0123456789abcdef',
  credentials: { accessKey: 'AK', secretKey: 'SK' },
});
console.log(
  unwrap(
    await secmaster.updateSubscriptionOrder({
      body: { scene: 'PREPAID', operate_type: 'UPGRADE' },
    }),
  ),
);
