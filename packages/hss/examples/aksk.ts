import { createHssClient, unwrap } from '@hwsec/hss';

// AK/SK: every request is signed (SDK-HMAC-SHA256) like Huawei's official SDK signs it.
// Add securityToken for temporary credentials. baseUrl points at the mock (pnpm mock) here.
const hss = createHssClient({
  baseUrl: 'http://127.0.0.1:4010',
  projectId: '0123456789abcdef0123456789abcdef',
  credentials: {
    accessKey: process.env['HUAWEICLOUD_SDK_AK']!,
    secretKey: process.env['HUAWEICLOUD_SDK_SK']!,
    securityToken: process.env['HUAWEICLOUD_SDK_SECURITY_TOKEN'],
  },
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
  params: { path: { project_id: '0123456789abcdef0123456789abcdef' } },
});
console.log(raw.response.status);
