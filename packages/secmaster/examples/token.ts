import { createSecMasterClient, unwrap, HwsecApiError } from '@hwsec/secmaster';

// IAM token (HWSEC_IAM_TOKEN; Huawei's SDKs define no variable for tokens): sent as X-Auth-Token.
// X-Language comes from `language` (default en-us). The project comes from
// HUAWEICLOUD_SDK_PROJECT_ID.
const secmaster = createSecMasterClient({
  region: 'cn-north-4',
  credentials: { token: process.env['HWSEC_IAM_TOKEN']! },
  language: 'zh-cn',
});

// UpdateSubscriptionOrder: an order, never resent by the client.
const { data, error, response } = await secmaster.updateSubscriptionOrder({
  body: {
    scene: 'PREPAID',
    operate_type: 'UPGRADE',
    product_list: [
      {
        resource_id: 'e6d9047a-3478-4867-8c0d-7c4cfed1685b',
        resource_spec_code: 'secmaster.professional',
        resource_size: 3,
      },
    ],
    tag_list: [{ key: 'team', value: 'soc' }],
  },
});
if (error) console.error(response.status, error.error_code, error.error_msg);
else console.log(data.order_id, data.order_status);

// Throwing mode, with X-Language set for one call:
try {
  const order = unwrap(
    await secmaster.updateSubscriptionOrder({
      params: { header: { 'X-Language': 'en-us' } },
      body: { scene: 'POSTPAID', operate_type: 'POSTPAID_2_PREPAID' },
    }),
  );
  console.log(order.order_id);
} catch (e) {
  if (e instanceof HwsecApiError) console.error(e.status, e.errorCode, e.requestId);
  else throw e;
}
