import { createDscClient, unwrap } from '@hwsec/dsc';

// AK/SK: every request is signed (SDK-HMAC-SHA256) like Huawei's official SDK signs it.
// baseUrl points at the mock (pnpm mock) here; use region for the real service.
const dsc = createDscClient({
  baseUrl: 'http://127.0.0.1:4020',
  projectId: '0123456789abcdef0123456789abcdef',
  credentials: {
    accessKey: process.env['HUAWEICLOUD_SDK_AK']!,
    secretKey: process.env['HUAWEICLOUD_SDK_SK']!,
    securityToken: process.env['HUAWEICLOUD_SDK_SECURITY_TOKEN'],
  },
  timeoutMs: 15_000,
});

const { order_id } = unwrap(
  await dsc.createProductOrder({
    body: {
      region_id: 'cn-north-4',
      zone: 'CH',
      cloud_service_type: 'hws.service.type.sdg',
      charging_mode: 0,
      period_type: 3,
      period_num: 1,
      product_infos: [
        {
          cloud_service_type: 'hws.service.type.sdg',
          product_id: '00301-30007-0--0',
          resource_type: 'hws.resource.type.dsc.base',
          resource_spec_code: 'base_standard',
          resource_size: 1,
          resource_size_measure_id: 30,
        },
      ],
    },
  }),
);
console.log(order_id);
