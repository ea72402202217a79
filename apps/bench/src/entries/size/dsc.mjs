// "One signed call" with @hwsec/dsc: what the size benchmark bundles (never run).
import { createDscClient } from '@hwsec/dsc';

const dsc = createDscClient({
  region: 'cn-north-4',
  projectId: '0123456789abcdef0123456789abcdef',
  credentials: { accessKey: globalThis.HWSEC_AK, secretKey: globalThis.HWSEC_SK },
});
const { data, error } = await dsc.createProductOrder({ body: globalThis.HWSEC_ORDER });
console.log(data ?? error);
