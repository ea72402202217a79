// "One signed call" with @hwsec/hss: what the size benchmark bundles (never run).
import { createHssClient } from '@hwsec/hss';

const hss = createHssClient({
  region: 'cn-north-4',
  projectId: '0123456789abcdef0123456789abcdef',
  credentials: { accessKey: globalThis.HWSEC_AK, secretKey: globalThis.HWSEC_SK },
});
const { data, error } = await hss.showResourceQuotas({
  params: { query: { version: 'hss.version.basic' } },
});
console.log(data ?? error);
