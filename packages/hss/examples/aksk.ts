import { createHssClient, unwrap } from '@hwsec/hss';

// AK/SK, read the way Huawei's SDKs read them: HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK (and
// HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary credentials), the project from
// HUAWEICLOUD_SDK_PROJECT_ID. Every request is signed (SDK-HMAC-SHA256) like the official SDK.
// HWSEC_HSS_BASE_URL=http://127.0.0.1:4010 points it at the mock (pnpm mock).
const hss = createHssClient({
  region: 'cn-north-4',
  timeoutMs: 10_000,
  retry: { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 4_000 },
  userAgent: 'my-app/1.0',
});

const quotas = unwrap(
  await hss.showResourceQuotas({ params: { query: { version: 'hss.version.basic' } } }),
);
console.log(quotas.data_list?.length);

const order = unwrap(
  await hss.createQuotasOrder({
    params: { header: { region: 'cn-north-4' } },
    body: {
      resource_spec_code: 'hss.version.basic',
      period_type: 3,
      period_num: 1,
      subscription_num: 5,
    },
  }),
);
console.log(order.order_id);

// The openapi-fetch client is there too, by path:
const raw = await hss.GET('/v5/{project_id}/billing/quotas', {
  params: { path: { project_id: process.env['HUAWEICLOUD_SDK_PROJECT_ID']! } },
});
console.log(raw.response.status);
