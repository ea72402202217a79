// Size-budget entry: the same call in throwing mode (unwrap + HwsecApiError).
import { createHssClient, unwrap } from '../dist/index.js';

const hss = createHssClient({
  region: 'cn-north-4',
  projectId: '0123456789abcdef0123456789abcdef',
  credentials: { accessKey: 'AK', secretKey: 'SK' },
});
console.log(
  unwrap(
    await hss.createQuotasOrder({
      body: {
        resource_spec_code: 'hss.version.enterprise',
        period_type: 2,
        period_num: 1,
        subscription_num: 1,
      },
    }),
  ),
);
