// Signatures per second for one signer in one fresh process, all signing the same request:
// the reference signing test vector 2 (HSS CreateQuotasOrder POST). Each signer is first checked against
// the published Authorization (fixed X-Sdk-Date). Then it is timed either on that request
// (`fixed`) or, as on a real call, with no X-Sdk-Date so the signer reads the clock (`now`; a
// fresh headers object per call, since our signer adds the date to it).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { ACCESS_KEY, PROJECT_ID, SECRET_KEY } from '../fixtures.mjs';

const { contender, webBundle, seconds, date } = JSON.parse(process.argv[2]);
const url = `https://hss.cn-north-4.myhuaweicloud.com/v5/${PROJECT_ID}/quotas/orders?enterprise_project_id=0`;
const bodyValue = {
  resource_spec_code: 'hss.version.enterprise',
  subscription_num: 1,
  period_num: 1,
  period_type: 2,
  is_auto_renew: false,
  is_auto_pay: false,
};
const body = JSON.stringify(bodyValue);
const undated = {
  'X-Project-Id': PROJECT_ID,
  'content-type': 'application/json',
  region: 'cn-north-4',
};
const dated = { ...undated, 'X-Sdk-Date': '20260101T000000Z' };
const headersFor = (check) => (check || date === 'fixed' ? dated : { ...undated });
const EXPECTED =
  'SDK-HMAC-SHA256 Access=AKTESTEXAMPLE0000000, SignedHeaders=content-type;host;region;x-project-id;x-sdk-date, Signature=2acfb3ef7663f4b3ecf5a842d6e55a17d1490738233e41c8ed86f494dc3c9378';

async function makeSign() {
  if (contender === 'official') {
    const require = createRequire(import.meta.url);
    const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner');
    const { BasicCredentials } = require('@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials');
    const credential = new BasicCredentials()
      .withAk(ACCESS_KEY)
      .withSk(SECRET_KEY)
      .withProjectId(PROJECT_ID);
    const query = { enterprise_project_id: '0' };
    const sign = (check) =>
      AKSKSigner.sign(
        {
          method: 'POST',
          endpoint: url,
          headers: headersFor(check),
          queryParams: query,
          data: bodyValue,
        },
        credential,
      ).Authorization;
    return { sync: true, sign };
  }
  const { createAkSkSigner } =
    contender === 'hwsec-web'
      ? await import(pathToFileURL(webBundle).href)
      : await import('@hwsec/core');
  const signer = createAkSkSigner({ accessKey: ACCESS_KEY, secretKey: SECRET_KEY });
  return {
    sync: contender !== 'hwsec-web',
    sign: (check) => signer.sign({ method: 'POST', url, headers: headersFor(check), body }),
  };
}

const { sync, sign } = await makeSign();
const first = await sign(true);
if (first !== EXPECTED) throw new Error(`${contender} does not reproduce vector 2: ${first}`);

async function run(durationMs) {
  let count = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  while (performance.now() < deadline) {
    if (sync) for (let i = 0; i < 500; i++) sign();
    else for (let i = 0; i < 500; i++) await sign();
    count += 500;
  }
  return (count / (performance.now() - started)) * 1000;
}
await run(300);
const perSecond = await run(seconds * 1000);
process.stdout.write(`${JSON.stringify({ contender, date, perSecond })}\n`);
