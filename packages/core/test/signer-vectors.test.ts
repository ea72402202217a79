import { describe, expect, it } from 'vitest';
import { createAkSkSigner } from '../dist/index.js';
import { officialAuthorization } from '@hwsec/test-support/official-signer';
import { AK, PROJECT, SDK_DATE, SK, referenceVectors } from '@hwsec/test-support/vectors';

const signer = createAkSkSigner({ accessKey: AK, secretKey: SK });

describe("AK/SK signer: reference vectors (Huawei's published signing examples)", () => {
  for (const vector of referenceVectors) {
    it(vector.name, async () => {
      const authorization = await signer.sign({ ...vector, headers: { ...vector.headers } });
      expect(authorization).toBe(vector.authorization);
    });
  }

  it('signs synchronously on Node (the node:crypto path is loaded)', () => {
    const result = signer.sign({
      ...referenceVectors[0]!,
      headers: { ...referenceVectors[0]!.headers },
    });
    expect(typeof result).toBe('string');
  });

  it('adds X-Sdk-Date with the current time when it is missing', async () => {
    const headers: Record<string, string> = {};
    await signer.sign({
      method: 'GET',
      url: 'https://hss.cn-north-4.myhuaweicloud.com/v5/x',
      headers,
    });
    expect(headers['X-Sdk-Date']).toMatch(/^\d{8}T\d{6}Z$/);
  });
});

describe('AK/SK signer: our own vectors, checked against the official signer', () => {
  interface Case {
    name: string;
    method: string;
    origin: string;
    path: string;
    headers: Record<string, string>;
    queryParams?: Record<string, string>;
    data?: unknown;
  }
  const cases: Case[] = [
    {
      name: 'DSC CreateProductOrder (POST)',
      method: 'POST',
      origin: 'https://sdg.cn-north-4.myhuaweicloud.com',
      path: `/v1/${PROJECT}/period/order`,
      headers: {
        'X-Project-Id': PROJECT,
        'content-type': 'application/json',
        'X-Sdk-Date': SDK_DATE,
      },
      data: {
        regionId: 'cn-north-4',
        periodType: 2,
        periodNum: 1,
        isAutoRenew: 0,
        productInfos: [
          {
            cloud_service_type: 'hws.service.type.sdg',
            resource_type: 'hws.resource.type.dsc.base',
            resource_spec_code: 'base_standard',
            resource_size: 1,
            usage_value: 1,
          },
        ],
      },
    },
    {
      name: 'SecMaster UpdateSubscriptionOrder (PUT) with X-Language',
      method: 'PUT',
      origin: 'https://secmaster.cn-north-4.myhuaweicloud.com',
      path: `/v1/${PROJECT}/subscriptions/orders`,
      headers: {
        'X-Project-Id': PROJECT,
        'content-type': 'application/json',
        'X-Language': 'en-us',
        'X-Sdk-Date': SDK_DATE,
      },
      data: {
        domain_id: 'd',
        region_id: 'cn-north-4',
        product_list: [
          { id: 'p', resource_spec_code: 'secmaster.professional', resource_size: 10 },
        ],
      },
    },
    {
      name: 'a query value that needs percent-encoding',
      method: 'GET',
      origin: 'https://hss.cn-north-4.myhuaweicloud.com',
      path: `/v5/${PROJECT}/billing/quotas`,
      queryParams: { version: 'hss version/basic*(x)!', enterprise_project_id: 'ä~ü 企业' },
      headers: { 'content-type': 'application/json', 'X-Sdk-Date': SDK_DATE },
    },
    {
      name: 'a body with non-ASCII characters',
      method: 'POST',
      origin: 'https://hss.cn-north-4.myhuaweicloud.com',
      path: `/v5/${PROJECT}/quotas/orders`,
      headers: { 'content-type': 'application/json', 'X-Sdk-Date': SDK_DATE },
      data: {
        resource_spec_code: 'hss.version.enterprise',
        tags: [{ key: '部门', value: 'Größe 🚀' }],
      },
    },
  ];
  for (const { name, queryParams, data, ...request } of cases) {
    it(name, async () => {
      const query = queryParams
        ? `?${Object.entries(queryParams)
            .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
            .join('&')}`
        : '';
      const ours = await signer.sign({
        method: request.method,
        url: `${request.origin}${request.path}${query}`,
        headers: { ...request.headers },
        body: data === undefined ? undefined : JSON.stringify(data),
      });
      expect(ours).toBe(officialAuthorization({ ...request, queryParams, data }, AK, SK));
    });
  }
});
