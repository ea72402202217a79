// Size-budget entry: what an app that makes one AK/SK-signed DSC call ships to a browser
// (client, openapi-fetch, Web Crypto signer, retries, timeouts, errors, the spec's servers).
import { createDscClient } from '../dist/index.js';

const dsc = createDscClient({
  region: 'cn-north-4',
  projectId: '0123456789abcdef0123456789abcdef',
  credentials: { accessKey: 'AK', secretKey: 'SK' },
});
const product = {
  cloud_service_type: 'hws.service.type.sdg',
  product_id: 'p',
  resource_type: 'hws.resource.type.dsc.base',
  resource_spec_code: 'base_standard',
  resource_size: 1,
  resource_size_measure_id: 30,
};
const { data, error } = await dsc.createProductOrder({
  body: {
    region_id: 'cn-north-4',
    zone: 'CH',
    cloud_service_type: 'hws.service.type.sdg',
    charging_mode: 0,
    period_type: 2,
    period_num: 1,
    product_infos: [product],
  },
});
console.log(data ?? error);
