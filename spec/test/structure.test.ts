// The shape every consumer relies on: operations and their official names, the SDK model names,
// servers per region (or per site, for a global service), the two alternative authentication
// schemes and the error responses.
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
  bss: [
    ['post', '/v3/orders/customer-orders/pay', 'PayOrders'],
    ['get', '/v2/orders/customer-orders/details/{order_id}', 'ShowCustomerOrderDetails'],
    ['get', '/v2/orders/customer-orders', 'ListCustomerOrders'],
    ['post', '/v2/orders/suscriptions/resources/query', 'ListPayPerUseCustomerResources'],
  ],
  iam: [
    ['get', '/v3/projects', 'KeystoneListProjects'],
    ['get', '/v3/auth/domains', 'KeystoneListAuthDomains'],
  ],
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
  bss: [
    'AgentPayInfoV2',
    'AmountInfomationV2',
    'CouponSimpleInfoOrderPayV3',
    'CustomerOrderV2',
    'CustomerOrderV3',
    'DiscountItemV2',
    'DiscountSimpleInfoV3',
    'EnterpriseProject',
    'ErrorResponse',
    'ListCustomerOrdersResponse',
    'ListPayPerUseCustomerResourcesResponse',
    'OrderInstanceV2',
    'OrderLineItemEntityV2',
    'PayCustomerOrderV3Req',
    'ProductObject',
    'QueryResourcesReq',
    'ShowCustomerOrderDetailsResponse',
    'SubCustomerOrderV2',
    'SubCustomerOrderV3',
  ],
  iam: [
    'Domains',
    'KeystoneError',
    'KeystoneErrorResponse',
    'KeystoneListAuthDomainsResponse',
    'KeystoneListProjectsResponse',
    'Links',
    'LinksSelf',
    'ProjectResult',
  ],
};

/** The global services: one host per site (China, international, EU), no region in it. */
const sites: Record<ApiName, Array<{ url: string; sites: string[] }>> = {
  bss: [
    { url: 'https://bss.myhuaweicloud.com', sites: ['cn'] },
    { url: 'https://bss-intl.myhuaweicloud.com', sites: ['intl'] },
    { url: 'https://bss.myhuaweicloud.eu', sites: ['eu'] },
  ],
  iam: [
    { url: 'https://iam.myhuaweicloud.com', sites: ['cn', 'intl'] },
    { url: 'https://iam.eu-west-101.myhuaweicloud.eu', sites: ['eu'] },
  ],
};

/** Each API's documented statuses and the schema of its error bodies. */
const answers: Record<ApiName, { statuses: string[]; errorSchema: string }> = {
  hss: {
    statuses: ['200', '400', '401', '403', '404', '429', '500'],
    errorSchema: 'ErrorResponse',
  },
  dsc: {
    statuses: ['200', '400', '401', '403', '404', '429', '500'],
    errorSchema: 'ErrorResponse',
  },
  secmaster: {
    statuses: ['200', '400', '401', '403', '404', '429', '500'],
    errorSchema: 'ErrorResponse',
  },
  bss: {
    statuses: ['2xx', '400', '401', '403', '404', '429', '500'],
    errorSchema: 'ErrorResponse',
  },
  iam: {
    statuses: ['200', '400', '401', '403', '404', '405', '413', '500', '503'],
    errorSchema: 'KeystoneErrorResponse',
  },
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
  iam: {
    host: 'iam',
    list: [
      'cn-north-2',
      'cn-north-4',
      'cn-north-1',
      'cn-east-2',
      'cn-east-3',
      'cn-south-1',
      'cn-south-2',
      'cn-southwest-2',
      'ap-southeast-1',
      'ap-southeast-2',
      'ap-southeast-3',
      'af-south-1',
      'sa-brazil-1',
      'la-south-2',
      'na-mexico-1',
      'la-north-2',
      'cn-north-9',
      'eu-west-0',
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
    const perRegion = document.servers.filter((server: { url: string }) =>
      server.url.includes('{region}'),
    );
    if (regions[api] === undefined) {
      expect(perRegion).toEqual([]);
      return;
    }
    const [main, ...others] = perRegion;
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

  it('is a global service with a fixed host per site, or a regional one without sites', () => {
    const sited = document.servers
      .filter((server: Record<string, unknown>) => server['x-hwsec-sites'])
      .map((server: Record<string, unknown>) => ({
        url: server.url,
        sites: server['x-hwsec-sites'],
      }));
    expect(sited).toEqual(sites[api] ?? []);
    expect(document['x-hwsec-global'] ?? false).toBe(sites[api] !== undefined);
    if (sites[api]) {
      expect(document.servers[0].url).toBe(sites[api]![0]!.url);
      for (const [, path] of operations[api]!) expect(path).not.toContain('{project_id}');
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

  it('answers every error with its service’s error body and an X-Request-Id', () => {
    const { statuses, errorSchema } = answers[api]!;
    for (const [, path] of operations[api]!) {
      for (const operation of Object.values<{ responses?: Record<string, { $ref?: string }> }>(
        document.paths[path],
      )) {
        if (!operation.responses) continue;
        const found = Object.keys(operation.responses);
        // BSS answers a payment with 204 and everything else with 200.
        expect(
          found.map((status) => (statuses[0] === '2xx' && status.startsWith('2') ? '2xx' : status)),
        ).toEqual(statuses);
        for (const status of found) {
          const ref = operation.responses[status]!.$ref;
          const response = ref
            ? document.components.responses[ref.split('/').pop()!]
            : operation.responses[status];
          expect(response.headers['X-Request-Id']).toBeDefined();
          if (!status.startsWith('2')) {
            expect(response.content['application/json'].schema).toEqual({
              $ref: `#/components/schemas/${errorSchema}`,
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
