// "One signed call" with @hwsec/secmaster: what the size benchmark bundles (never run).
import { createSecMasterClient } from '@hwsec/secmaster';

const sm = createSecMasterClient({
  region: 'cn-north-4',
  projectId: '0123456789abcdef0123456789abcdef',
  credentials: { accessKey: globalThis.HWSEC_AK, secretKey: globalThis.HWSEC_SK },
  language: 'en-us',
});
const { data, error } = await sm.updateSubscriptionOrder({ body: globalThis.HWSEC_ORDER });
console.log(data ?? error);
