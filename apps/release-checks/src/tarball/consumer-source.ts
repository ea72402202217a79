/**
 * The user's code: a TypeScript file that imports every published package's public API the way
 * the READMEs show, proves the types are real (a wrong call must be a type error), then makes one
 * signed call per operation against the mock and prints what came back as JSON.
 */
export const CONSUMER_FILE = 'consumer.ts';

export const CONSUMER_SOURCE = `import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { createHssClient, type HssClientOptions } from '@hwsec/hss';
import { createDscClient } from '@hwsec/dsc';
import { createSecMasterClient } from '@hwsec/secmaster';
import { createAkSkSigner, HwsecApiError, isHwsecError, unwrap, type Credentials } from '@hwsec/core';

const credentials: Credentials = {
  accessKey: 'AKTESTEXAMPLE0000000',
  secretKey: 'SKtestexample0000000000000000000000000000',
};
const projectId = '0123456789abcdef0123456789abcdef';
const url = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(name + ' is not set');
  return value;
};

// The bundled specs ship in @hwsec/spec; request bodies for DSC and SecMaster come from their examples.
const require = createRequire(import.meta.url);
const spec = (api: string) => JSON.parse(readFileSync(require.resolve('@hwsec/spec/' + api + '.json'), 'utf8'));
const firstRequestExample = (api: string, path: string, method: string): unknown => {
  const media = spec(api).paths[path][method].requestBody.content['application/json'];
  return Object.values(media.examples as Record<string, { value: unknown }>)[0]!.value;
};

const hssOptions: HssClientOptions = { baseUrl: url('HWSEC_HSS_URL'), projectId, credentials };
const hss = createHssClient(hssOptions);
const dsc = createDscClient({ baseUrl: url('HWSEC_DSC_URL'), projectId, credentials });
const secmaster = createSecMasterClient({ baseUrl: url('HWSEC_SECMASTER_URL'), projectId, credentials, language: 'en-us' });

// Types must be real, not any: each line in here is an error only if they are. Never called.
const typeProbes = () => {
  // @ts-expect-error period_type is 2 (month) or 3 (year)
  void hss.createQuotasOrder({ body: { resource_spec_code: 'hss.version.enterprise', period_type: 7, period_num: 1, subscription_num: 1 } });
  // @ts-expect-error unknown operation
  void hss.deleteEverything;
  // @ts-expect-error version is one of the documented editions
  void hss.showResourceQuotas({ params: { query: { version: 'hss.version.nope' } } });
  // @ts-expect-error SecMaster needs its language
  createSecMasterClient({ baseUrl: 'http://127.0.0.1', projectId, credentials, language: 42 });
};
void typeProbes;

const order = unwrap(
  await hss.createQuotasOrder({
    body: { resource_spec_code: 'hss.version.enterprise', period_type: 2, period_num: 1, subscription_num: 1 },
  }),
);
const quotas = unwrap(await hss.showResourceQuotas({ params: { query: { version: 'hss.version.basic' } } }));
type DscBody = Parameters<typeof dsc.createProductOrder>[0]['body'];
const dscOrder = unwrap(
  await dsc.createProductOrder({ body: firstRequestExample('dsc', '/v1/{project_id}/period/order', 'post') as DscBody }),
);
type SecMasterBody = Parameters<typeof secmaster.updateSubscriptionOrder>[0]['body'];
const subscription = unwrap(
  await secmaster.updateSubscriptionOrder({
    body: firstRequestExample('secmaster', '/v1/{project_id}/subscriptions/orders', 'put') as SecMasterBody,
  }),
);

// The signer is usable on its own, and errors are classes users can test for.
const signer = createAkSkSigner({ accessKey: 'AKTESTEXAMPLE0000000', secretKey: 'SKtestexample0000000000000000000000000000' });
const notAnError = isHwsecError(new Error('plain'));

console.log(
  JSON.stringify({
    hss: { order, quotas },
    dsc: dscOrder,
    secmaster: subscription,
    checks: {
      apiErrorClass: typeof HwsecApiError === 'function',
      plainErrorIsHwsecError: notAnError,
      signer: typeof signer.sign === 'function',
    },
  }),
);
`;
