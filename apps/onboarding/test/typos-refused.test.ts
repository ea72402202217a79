// In a plain JavaScript program (no types to catch it), every typo that could send an order to
// the wrong place or leave it unpaid is refused before anything is sent, with a message naming
// the fix. Each program runs in its own Node process with only the documented variables set,
// pointed at a 127.0.0.1 server that counts what reaches it: nothing may.
import { startServer } from '@hwsec/test-support/http-server';
import { runSample, SAMPLE_PROJECT_ID } from '@hwsec/test-support/run-sample';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('..', import.meta.url));
let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer([(_req, res) => res.writeHead(200).end('{}')]);
});
afterAll(async () => server?.close());

const cases: Array<[string, string, string]> = [
  [
    'projectID for projectId (the environment project would be used)',
    `import { createHssClient } from '@hwsec/hss';
const hss = createHssClient({ region: 'cn-north-4', projectID: 'abc' });
await hss.showResourceQuotas({});`,
    'HwsecConfigError: projectID: unknown option (did you mean `projectId`?).',
  ],
  [
    'baseURL for baseUrl',
    `import { createDscClient } from '@hwsec/dsc';
createDscClient({ baseURL: 'http://127.0.0.1:9' });`,
    'HwsecConfigError: baseURL: unknown option (did you mean `baseUrl`?).',
  ],
  [
    'is_autopay for is_auto_pay (the order would be left unpaid)',
    `import { createHssClient } from '@hwsec/hss';
const hss = createHssClient({ region: 'cn-north-4' });
await hss.createQuotasOrder({ body: { resource_spec_code: 'hss.version.basic', period_type: 3, period_num: 1, subscription_num: 1, is_autopay: true } });`,
    'HwsecInputError: CreateQuotasOrder: body.is_autopay must be a property the spec defines (did you mean `is_auto_pay`?)',
  ],
  [
    'a typo inside a list item of a SecMaster order',
    `import { createSecMasterClient } from '@hwsec/secmaster';
const secmaster = createSecMasterClient({ region: 'cn-north-4' });
await secmaster.updateSubscriptionOrder({ body: { scene: 'PREPAID', operate_type: 'ADDITION', product_list: [{ resource_id: 'e6d9047a-3478-4867-8c0d-7c4cfed1685b', resource_spec_code: 'secmaster.professional', resource_sise: 10 }] } });`,
    'HwsecInputError: UpdateSubscriptionOrder: body.product_list[0].resource_sise must be a property the spec defines (did you mean `resource_size`?)',
  ],
  [
    'a typo in a query parameter name',
    `import { createHssClient } from '@hwsec/hss';
const hss = createHssClient({ region: 'cn-north-4' });
await hss.showResourceQuotas({ params: { query: { verison: 'hss.version.basic' } } });`,
    'HwsecInputError: ShowResourceQuotas: params.query.verison must be a property the spec defines (did you mean `version`?)',
  ],
  [
    'a region typo while HWSEC_HSS_BASE_URL points elsewhere',
    `import { createHssClient } from '@hwsec/hss';
createHssClient({ region: 'cn-north4' });`,
    'HwsecConfigError: region: unknown region "cn-north4" of hss (did you mean "cn-north-4"?).',
  ],
];

describe('typos in plain JavaScript are refused before sending, naming the fix', () => {
  for (const [name, program, expected] of cases)
    it(name, async () => {
      const [imports, ...code] = program.split('\n');
      const source = `${imports}\ntry {\n${code.join('\n')}\n  console.log('SENT');\n} catch (error) {\n  console.log(\`\${error.name}: \${error.message}\`);\n}\n`;
      const run = await runSample(source, {
        cwd: here,
        env: {
          HWSEC_HSS_BASE_URL: server.baseUrl,
          HWSEC_DSC_BASE_URL: server.baseUrl,
          HWSEC_SECMASTER_BASE_URL: server.baseUrl,
          HWSEC_IAM_TOKEN: 'IAM-TOKEN-FOR-THE-TEST',
          HUAWEICLOUD_SDK_PROJECT_ID: SAMPLE_PROJECT_ID,
        },
      });
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain(expected);
      expect(run.stdout.length).toBeLessThan(400);
      expect(server.received).toEqual([]);
    });
});
