import { createDscClient, unwrap, HwsecApiError, type PeriodOrderRequest } from '@hwsec/dsc';

// IAM token (HWSEC_IAM_TOKEN; Huawei's SDKs define no variable for tokens): sent as X-Auth-Token.
// The endpoint comes from the region (host prefix sdg). The project comes from
// HUAWEICLOUD_SDK_PROJECT_ID.
const dsc = createDscClient({
  region: 'cn-north-4',
  credentials: { token: process.env['HWSEC_IAM_TOKEN']! },
});

const order: PeriodOrderRequest = {
  region_id: 'cn-north-4',
  zone: 'CH',
  cloud_service_type: 'hws.service.type.sdg',
  charging_mode: 0,
  period_type: 2,
  period_num: 1,
  is_auto_renew: 0,
  product_infos: [
    {
      cloud_service_type: 'hws.service.type.sdg',
      product_id: '00301-30007-0--0',
      resource_type: 'hws.resource.type.dsc.base',
      resource_spec_code: 'base_professional',
      resource_size: 30,
      resource_size_measure_id: 30,
    },
  ],
};

// CreateProductOrder: an order, never resent by the client.
const { data, error, response } = await dsc.createProductOrder({ body: order });
if (error) console.error(response.status, error.error_code, error.error_msg);
else console.log('order', data.order_id);

// Throwing mode:
try {
  console.log(unwrap(await dsc.createProductOrder({ body: order })).order_id);
} catch (e) {
  if (e instanceof HwsecApiError) console.error(e.status, e.errorCode, e.requestId);
  else throw e;
}
