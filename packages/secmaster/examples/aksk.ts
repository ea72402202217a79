import { createSecMasterClient, unwrap } from '@hwsec/secmaster';

// AK/SK, read the way Huawei's SDKs read them: HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK (and
// HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary credentials), the project from
// HUAWEICLOUD_SDK_PROJECT_ID. Every request is signed (SDK-HMAC-SHA256) like the official SDK.
// HWSEC_SECMASTER_BASE_URL=http://127.0.0.1:4030 points it at the mock (pnpm mock).
const secmaster = createSecMasterClient({
  region: 'cn-north-4',
});

const order = unwrap(
  await secmaster.updateSubscriptionOrder({
    body: {
      scene: 'PREPAID',
      operate_type: 'ADDITION',
      product_list: [
        {
          resource_id: 'e6d9047a-3478-4867-8c0d-7c4cfed1685b',
          resource_spec_code: 'secmaster.professional',
          resource_size: 10,
        },
      ],
    },
  }),
);
console.log(order.order_id);
