import { createSecMasterClient, unwrap } from '@hwsec/secmaster';

// AK/SK: every request is signed (SDK-HMAC-SHA256) like Huawei's official SDK signs it,
// X-Language included. baseUrl points at the mock (pnpm mock) here; use region for the service.
const secmaster = createSecMasterClient({
  baseUrl: 'http://127.0.0.1:4030',
  projectId: '0123456789abcdef0123456789abcdef',
  credentials: {
    accessKey: process.env['HUAWEICLOUD_SDK_AK']!,
    secretKey: process.env['HUAWEICLOUD_SDK_SK']!,
    securityToken: process.env['HUAWEICLOUD_SDK_SECURITY_TOKEN'],
  },
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
