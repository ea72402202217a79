import { createSecMasterClient } from '@hwsec/secmaster';

// AK/SK and project from HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_PROJECT_ID (as
// in Huawei's SDKs); HWSEC_SECMASTER_BASE_URL=http://127.0.0.1:4030 sends it to the mock.
const secmaster = createSecMasterClient({
  region: 'cn-north-4',
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
