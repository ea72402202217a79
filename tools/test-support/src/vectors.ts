// Huawei's published signing examples, plus our own vectors (DSC POST, SecMaster PUT with X-Language, a query
// that needs encoding, a non-ASCII body), whose expected values come from the official signer.
export const AK = 'AKTESTEXAMPLE0000000';
export const SK = 'SKtestexample0000000000000000000000000000';
export const SDK_DATE = '20260101T000000Z';
export const PROJECT = '0123456789abcdef0123456789abcdef';

export interface Vector {
  name: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  authorization: string;
}

export const referenceVectors: Vector[] = [
  {
    name: 'HSS ShowResourceQuotas (GET)',
    method: 'GET',
    url: `https://hss.cn-north-4.myhuaweicloud.com/v5/${PROJECT}/billing/quotas?version=hss.version.basic&enterprise_project_id=all_granted_eps`,
    headers: {
      'X-Project-Id': PROJECT,
      'content-type': 'application/json',
      'X-Sdk-Date': SDK_DATE,
    },
    authorization:
      'SDK-HMAC-SHA256 Access=AKTESTEXAMPLE0000000, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=3e3671047bca8d5f2dbdff2db0d1dd09ce4af392588fd36abe362e05a356959c',
  },
  {
    name: 'HSS ShowResourceQuotas (GET), minimal headers',
    method: 'GET',
    url: `https://hss.cn-north-4.myhuaweicloud.com/v5/${PROJECT}/billing/quotas?version=hss.version.basic&enterprise_project_id=all_granted_eps`,
    headers: { 'X-Sdk-Date': SDK_DATE },
    authorization:
      'SDK-HMAC-SHA256 Access=AKTESTEXAMPLE0000000, SignedHeaders=host;x-sdk-date, Signature=9f1bcad7aad91984a80c9aa40b0d63061f8d1901f1a8f4667d1ba79367366aa2',
  },
  {
    name: 'HSS CreateQuotasOrder (POST)',
    method: 'POST',
    url: `https://hss.cn-north-4.myhuaweicloud.com/v5/${PROJECT}/quotas/orders?enterprise_project_id=0`,
    headers: {
      'X-Project-Id': PROJECT,
      'content-type': 'application/json',
      region: 'cn-north-4',
      'X-Sdk-Date': SDK_DATE,
    },
    body: '{"resource_spec_code":"hss.version.enterprise","subscription_num":1,"period_num":1,"period_type":2,"is_auto_renew":false,"is_auto_pay":false}',
    authorization:
      'SDK-HMAC-SHA256 Access=AKTESTEXAMPLE0000000, SignedHeaders=content-type;host;region;x-project-id;x-sdk-date, Signature=2acfb3ef7663f4b3ecf5a842d6e55a17d1490738233e41c8ed86f494dc3c9378',
  },
];
