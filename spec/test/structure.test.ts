// The shape every consumer relies on: operations and their official names, the SDK model names,
// servers per region, the two alternative authentication schemes and the error responses.
import { describe, expect, it } from 'vitest';
import { listOperations } from '../src/index.js';
import { apiNames, type ApiName, loadBundle } from './support/bundles.js';

const operations: Record<ApiName, Array<[method: string, path: string, operationId: string]>> = {
  hss: [
    ['post', '/v5/{project_id}/quotas/orders', 'CreateQuotasOrder'],
    ['get', '/v5/{project_id}/billing/quotas', 'ShowResourceQuotas'],
  ],
  dsc: [['post', '/v1/{project_id}/period/order', 'CreateProductOrder']],
  secmaster: [['put', '/v1/{project_id}/subscriptions/orders', 'UpdateSubscriptionOrder']],
};

const schemaNames: Record<ApiName, string[]> = {
  hss: [
    'AvailableResourceIdsInfo',
    'CreateQuotasOrderRequestInfo',
    'CreateQuotasOrderResponse',
    'ErrorResponse',
    'QuotaVersion',
    'ResourceQuotasInfo',
    'ShowResourceQuotasResponse',
  ],
  dsc: ['CreateProductOrderResponse', 'ErrorResponse', 'PeriodOrderRequest', 'ProductInfoBean'],
  secmaster: [
    'ErrorResponse',
    'SubscriptionTag',
    'UpdateOrderInfoReq',
    'UpdateProduct',
    'UpdateSubscriptionOrderResponse',
  ],
};

const regions: Record<ApiName, { host: string; list: string[] }> = {
  hss: {
    host: 'hss',
    list: [
      'cn-north-9',
      'cn-north-1',
      'cn-north-4',
      'cn-southwest-2',
      'cn-east-2',
      'cn-east-3',
      'cn-east-4',
      'cn-south-1',
      'cn-south-2',
      'ap-southeast-1',
      'ap-southeast-2',
      'ap-southeast-3',
      'na-mexico-1',
      'af-south-1',
      'sa-brazil-1',
      'la-south-2',
      'cn-south-4',
      'la-north-2',
      'tr-west-1',
      'cn-north-2',
      'ap-southeast-4',
      'ae-ad-1',
      'me-east-1',
      'cn-east-5',
      'my-kualalumpur-1',
      'ru-moscow-1',
      'cn-north-12',
      'cn-southwest-3',
      'cn-north-11',
    ],
  },
  dsc: {
    host: 'sdg',
    list: [
      'cn-north-4',
      'cn-north-1',
      'cn-north-9',
      'cn-east-2',
      'cn-east-3',
      'cn-south-1',
      'cn-southwest-2',
      'ap-southeast-2',
      'ap-southeast-1',
      'ap-southeast-3',
      'sa-brazil-1',
      'la-south-2',
      'af-south-1',
      'la-north-2',
      'tr-west-1',
      'eu-west-101',
    ],
  },
  secmaster: {
    host: 'secmaster',
    list: [
      'cn-north-4',
      'cn-east-3',
      'cn-south-1',
      'cn-north-9',
      'cn-north-2',
      'cn-east-2',
      'cn-southwest-2',
      'cn-south-2',
      'cn-north-1',
      'cn-east-4',
      'me-east-1',
      'cn-north-11',
      'sa-brazil-1',
      'la-north-2',
      'ap-southeast-3',
      'ap-southeast-2',
      'ap-southeast-1',
      'ap-southeast-4',
      'tr-west-1',
      'af-north-1',
      'af-south-1',
      'la-south-2',
      'eu-west-101',
      'ap-southeast-5',
      'my-kualalumpur-1',
      'cn-east-5',
      'cn-north-12',
      'cn-southwest-3',
    ],
  },
};

describe.each(apiNames)('%s bundle', (api) => {
  const document = loadBundle(api);

  it('is OpenAPI 3.1 with exactly its operations under their official operationIds', () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    const found = listOperations(document).map((op) => [op.method, op.path, op.operationId]);
    expect(found).toEqual(operations[api]);
  });

  it('names its schemas after the official SDK models', () => {
    expect(Object.keys(document.components.schemas).sort()).toEqual(schemaNames[api]);
  });

  it('offers a server per region, with the region list as an enum', () => {
    const [main, ...others] = document.servers;
    expect(main.url).toBe(`https://${regions[api]!.host}.{region}.myhuaweicloud.com`);
    expect(main.variables.region.enum).toEqual(regions[api]!.list);
    expect(main.variables.region.default).toBe('cn-north-4');
    if (api === 'hss') {
      expect(others).toHaveLength(1);
      expect(others[0].url).toBe('https://hss.{region}.myhuaweicloud.eu');
      expect(others[0].variables.region.enum).toEqual(['eu-west-101']);
      expect(main.variables.region.enum).not.toContain('eu-west-101');
    } else {
      expect(others).toEqual([]);
    }
  });

  it('accepts an IAM token or an AK/SK signature, as alternatives', () => {
    expect(document.security).toEqual([{ iamToken: [] }, { akskSignature: [] }]);
    expect(document.components.securitySchemes.iamToken).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'X-Auth-Token',
    });
    expect(document.components.securitySchemes.akskSignature).toMatchObject({
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
    });
  });

  it('answers every error with the shared error body and an X-Request-Id', () => {
    for (const [, path] of operations[api]!) {
      for (const operation of Object.values<{ responses?: Record<string, { $ref?: string }> }>(
        document.paths[path],
      )) {
        if (!operation.responses) continue;
        const statuses = Object.keys(operation.responses);
        expect(statuses).toEqual(['200', '400', '401', '403', '404', '429', '500']);
        for (const status of statuses) {
          const ref = operation.responses[status]!.$ref;
          const response = ref
            ? document.components.responses[ref.split('/').pop()!]
            : operation.responses[status];
          expect(response.headers['X-Request-Id']).toBeDefined();
          if (status !== '200') {
            expect(response.content['application/json'].schema).toEqual({
              $ref: '#/components/schemas/ErrorResponse',
            });
          }
        }
      }
    }
  });

  it('describes every schema property', () => {
    for (const [name, schema] of Object.entries<{
      properties?: Record<string, { description?: string; $ref?: string }>;
    }>(document.components.schemas)) {
      for (const [property, definition] of Object.entries(schema.properties ?? {})) {
        expect(definition.description ?? definition.$ref, `${name}.${property}`).toBeTruthy();
      }
    }
  });
});
