import { createSecMasterClient } from '@hwsec/secmaster';

const secmaster = createSecMasterClient({
  region: 'cn-north-4',
  projectId: process.env.HWSEC_PROJECT_ID ?? '',
  credentials: {
    accessKey: process.env.HWSEC_ACCESS_KEY ?? '',
    secretKey: process.env.HWSEC_SECRET_KEY ?? '',
  },
  language: 'en-us',
});

const { data, error } = await secmaster.updateSubscriptionOrder({
  body: {
    scene: 'POSTPAID',
    operate_type: 'POSTPAID_2_PREPAID',
    product_list: [
      {
        resource_spec_code: 'secmaster.professional',
        resource_id: 'e6d9047a-3478-4867-8c0d-7c4cfed1685b',
      },
    ],
  },
});
if (error) {
  throw new Error(`${error.error_code}: ${error.error_msg}`);
}
console.log('order:', data.order_id, 'status:', data.order_status);
