import { createDscClient } from '@hwsec/dsc';

// AK/SK and project from HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_PROJECT_ID (as
// in Huawei's SDKs); HWSEC_DSC_BASE_URL=http://127.0.0.1:4020 sends it to the mock.
const dsc = createDscClient({
  region: 'cn-north-4',
});

const { data, error } = await dsc.createProductOrder({
  body: {
    charging_mode: 0,
    cloud_service_type: 'hws.service.type.sdg',
    period_type: 2,
    period_num: 1,
    region_id: 'cn-north-4',
    zone: 'CH',
    product_infos: [
      {
        cloud_service_type: 'hws.service.type.sdg',
        product_id: 'OFFI0000000000000001',
        resource_type: 'hws.resource.type.dsc.base',
        resource_spec_code: 'base_professional',
        resource_size: 30,
        resource_size_measure_id: 30,
      },
    ],
  },
});
if (error) {
  throw new Error(`${error.error_code}: ${error.error_msg}`);
}
console.log('order:', data.order_id);
