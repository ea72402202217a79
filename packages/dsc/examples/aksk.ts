import { createDscClient, unwrap } from '@hwsec/dsc';

// AK/SK, read the way Huawei's SDKs read them: HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK (and
// HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary credentials), the project from
// HUAWEICLOUD_SDK_PROJECT_ID. Every request is signed (SDK-HMAC-SHA256) like the official SDK.
// HWSEC_DSC_BASE_URL=http://127.0.0.1:4020 points it at the mock (pnpm mock).
const dsc = createDscClient({
  region: 'cn-north-4',
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
