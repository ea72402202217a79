import { createHssClient } from '@hwsec/hss';

const hss = createHssClient({
  region: 'cn-north-4',
  projectId: process.env.HWSEC_PROJECT_ID ?? '',
  credentials: {
    accessKey: process.env.HWSEC_ACCESS_KEY ?? '',
    secretKey: process.env.HWSEC_SECRET_KEY ?? '',
  },
});

const { data, error } = await hss.createQuotasOrder({
  body: {
    resource_spec_code: 'hss.version.enterprise',
    period_type: 2,
    period_num: 1,
    subscription_num: 1,
  },
});
if (error) {
  throw new Error(`${error.error_code}: ${error.error_msg}`);
}
console.log('order:', data.order_id);
