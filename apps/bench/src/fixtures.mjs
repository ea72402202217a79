// What every benchmark sends: the test credentials of the reference signing pages and the four
// operations, with the same bodies the spec uses as examples, so each request is one the mock
// (and the real service) would accept.

export const ACCESS_KEY = 'AKTESTEXAMPLE0000000';
export const SECRET_KEY = 'SKtestexample0000000000000000000000000000';
export const TOKEN = 'MIIBenchTokenNotASecret0000000000000000000000000000000000000000';
export const PROJECT_ID = '0123456789abcdef0123456789abcdef';

/**
 * One entry per operation: which of our clients serves it, the method name on that client and
 * the raw HTTP shape (for the fetch / node:http baselines and the official core).
 */
export const OPERATIONS = {
  hssRead: {
    label: 'HSS ShowResourceQuotas (GET)',
    client: 'hss',
    method: 'GET',
    path: '/v5/{project_id}/billing/quotas',
    query: { version: 'hss.version.basic' },
    headers: {},
    body: undefined,
    callInit: { params: { query: { version: 'hss.version.basic' } } },
    clientMethod: 'showResourceQuotas',
  },
  hssOrder: {
    label: 'HSS CreateQuotasOrder (POST)',
    client: 'hss',
    method: 'POST',
    path: '/v5/{project_id}/quotas/orders',
    query: {},
    headers: {},
    body: {
      resource_spec_code: 'hss.version.enterprise',
      period_type: 2,
      period_num: 1,
      subscription_num: 1,
    },
    clientMethod: 'createQuotasOrder',
  },
  dscOrder: {
    label: 'DSC CreateProductOrder (POST)',
    client: 'dsc',
    method: 'POST',
    path: '/v1/{project_id}/period/order',
    query: {},
    headers: {},
    body: {
      charging_mode: 0,
      cloud_service_type: 'hws.service.type.sdg',
      is_auto_renew: 0,
      period_num: 1,
      period_type: 2,
      region_id: 'cn-north-4',
      zone: 'CH',
      product_infos: [
        {
          cloud_service_type: 'hws.service.type.sdg',
          product_id: '00301-30007-0--0',
          resource_size: 30,
          resource_size_measure_id: 30,
          resource_spec_code: 'base_professional',
          resource_type: 'hws.resource.type.dsc.base',
        },
      ],
    },
    clientMethod: 'createProductOrder',
  },
  smOrder: {
    label: 'SecMaster UpdateSubscriptionOrder (PUT)',
    client: 'secmaster',
    method: 'PUT',
    path: '/v1/{project_id}/subscriptions/orders',
    query: {},
    headers: { 'X-Language': 'en-us' },
    body: {
      scene: 'PREPAID',
      operate_type: 'UPGRADE',
      product_list: [
        {
          resource_type: 'xxx.resource.type.secmaster.typical',
          resource_spec_code: 'secmaster.professional',
          resource_size: 3,
          resource_id: 'e6d9047a-3478-4867-8c0d-7c4cfed1685b',
        },
      ],
      tag_list: [{ key: 'testKey3', value: 'testVal3' }],
    },
    clientMethod: 'updateSubscriptionOrder',
  },
};

/** Small JSON answers of the fixture server, shaped like the spec's examples. */
export const RESPONSES = {
  hssRead: {
    data_list: [
      {
        available_num: 1,
        available_resources_list: [
          {
            current_time: '2022-09-17T17:00:24Z',
            resource_id: '9ecb83a7-8b03-4e37-a26d-c3e90ca97eea',
            shared_quota: 'shared',
          },
        ],
        total_num: 2,
        used_num: 1,
        version: 'hss.version.basic',
      },
    ],
  },
  hssOrder: { order_id: 'CS2404171642AAAAA' },
  dscOrder: { order_id: 'CS2601131200ABCDE' },
  smOrder: {
    order_id: 'CS2602051200ABCDE',
    resource_ids: ['e6d9047a-3478-4867-8c0d-7c4cfed1685b'],
  },
};

export const OPERATION_IDS = /** @type {(keyof typeof OPERATIONS)[]} */ (Object.keys(OPERATIONS));
export const AUTH_MODES = /** @type {const} */ (['token', 'aksk']);

export const credentialsFor = (auth) =>
  auth === 'token' ? { token: TOKEN } : { accessKey: ACCESS_KEY, secretKey: SECRET_KEY };

/** The path with the project filled in, and the query string as the clients write it. */
export function requestTarget(op) {
  const path = op.path.replace('{project_id}', PROJECT_ID);
  const query = new URLSearchParams(op.query).toString();
  return query ? `${path}?${query}` : path;
}
