// HSS's constraints (spec/SOURCES.md#hss-createquotasorder, #hss-showresourcequotas), each
// with counter-examples just outside its bounds (rejected, naming the field and rule) and values just inside (accepted).
// A later edit that loosens the spec fails here.
import { describe, expect, it } from 'vitest';
import { loadBundle, operationParameter } from './support/bundles.js';
import { accepted, rejected, REMOVE, repeat, withChange } from './support/cases.js';
import { checkCases } from './support/check.js';

const hss = loadBundle('hss');
const check = checkCases('hss');
const order = hss.paths['/v5/{project_id}/quotas/orders'].post;
const quotas = hss.paths['/v5/{project_id}/billing/quotas'].get;
const validOrder = order.requestBody.content['application/json'].examples.enterpriseMonthly.value;
const validQuotas = quotas.responses['200'].content['application/json'].example;

const editions = [
  'hss.version.basic',
  'hss.version.advanced',
  'hss.version.enterprise',
  'hss.version.premium',
  'hss.version.wtp',
  'hss.version.container.enterprise',
];

describe('CreateQuotasOrderRequestInfo', () => {
  const set = (path: Array<string | number>, value: unknown) => withChange(validOrder, path, value);
  check('#/components/schemas/CreateQuotasOrderRequestInfo', [
    ...['resource_spec_code', 'period_type', 'period_num', 'subscription_num'].map((field) =>
      rejected(`${field} missing`, set([field], REMOVE), `/${field} is required`),
    ),
    accepted('is_auto_renew and is_auto_pay omitted', set(['is_auto_renew'], REMOVE)),
    accepted('is_auto_pay omitted', set(['is_auto_pay'], REMOVE)),
    ...editions.map((edition) =>
      accepted(`resource_spec_code ${edition}`, set(['resource_spec_code'], edition)),
    ),
    rejected(
      'resource_spec_code hss.version.null (not orderable)',
      set(['resource_spec_code'], 'hss.version.null'),
      '/resource_spec_code must be one of',
    ),
    rejected(
      'resource_spec_code in another case',
      set(['resource_spec_code'], 'HSS.VERSION.BASIC'),
      '/resource_spec_code must be one of',
    ),
    accepted('period_type 2 (month)', set(['period_type'], 2)),
    accepted('period_type 3 (year)', set(['period_type'], 3)),
    rejected('period_type 1', set(['period_type'], 1), '/period_type must be one of [2,3]'),
    rejected('period_type 4', set(['period_type'], 4), '/period_type must be one of [2,3]'),
    rejected('period_type as a string', set(['period_type'], '2'), '/period_type must be integer'),
    rejected('period_num 0', set(['period_num'], 0), '/period_num must be >= 1'),
    accepted('period_num 1', set(['period_num'], 1)),
    accepted('period_num 1000', set(['period_num'], 1000)),
    rejected('period_num 1001', set(['period_num'], 1001), '/period_num must be <= 1000'),
    rejected('period_num 1.5', set(['period_num'], 1.5), '/period_num must be integer'),
    rejected('subscription_num 0', set(['subscription_num'], 0), '/subscription_num must be >= 1'),
    accepted('subscription_num 1', set(['subscription_num'], 1)),
    accepted('subscription_num 500', set(['subscription_num'], 500)),
    rejected(
      'subscription_num 501',
      set(['subscription_num'], 501),
      '/subscription_num must be <= 500',
    ),
    rejected(
      'is_auto_renew as the string "true"',
      set(['is_auto_renew'], 'true'),
      '/is_auto_renew must be boolean',
    ),
    rejected(
      'is_auto_pay as the integer 1 (what Terraform sends)',
      set(['is_auto_pay'], 1),
      '/is_auto_pay must be boolean',
    ),
    rejected('body not an object', [validOrder], '/ must be object'),
  ]);

  it('defaults is_auto_renew and is_auto_pay to false', () => {
    const { properties } = hss.components.schemas.CreateQuotasOrderRequestInfo;
    expect(properties.is_auto_renew.default).toBe(false);
    expect(properties.is_auto_pay.default).toBe(false);
  });
});

describe('CreateQuotasOrder parameters', () => {
  const region = operationParameter(hss, '/v5/{project_id}/quotas/orders', 'post', 'region');
  it('takes project_id in the path, enterprise_project_id in the query and an optional region header', () => {
    expect(hss.components.parameters.project_id).toMatchObject({ in: 'path', required: true });
    expect(hss.components.parameters.enterprise_project_id).toMatchObject({
      in: 'query',
      required: false,
    });
    expect(region.spec).toMatchObject({ in: 'header', required: false });
    expect(order.requestBody.required).toBe(true);
  });
  check(region.pointer, [
    rejected('region header empty', '', 'must NOT have fewer than 1 characters'),
    accepted('region header of 128 characters', repeat(128)),
    rejected(
      'region header of 129 characters',
      repeat(129),
      'must NOT have more than 128 characters',
    ),
  ]);
});

describe('shared parameters', () => {
  check('#/components/parameters/project_id/schema', [
    rejected('project_id empty', '', 'must NOT have fewer than 1 characters'),
    accepted('project_id of 256 characters', repeat(256)),
    rejected('project_id of 257 characters', repeat(257), 'must NOT have more than 256 characters'),
  ]);
  check('#/components/parameters/enterprise_project_id/schema', [
    accepted('enterprise_project_id "0"', '0'),
    accepted('enterprise_project_id all_granted_eps', 'all_granted_eps'),
    rejected('enterprise_project_id empty', '', 'must NOT have fewer than 1 characters'),
    accepted('enterprise_project_id of 256 characters', repeat(256)),
    rejected(
      'enterprise_project_id of 257 characters',
      repeat(257),
      'must NOT have more than 256 characters',
    ),
  ]);
  it('enterprise_project_id defaults to the default enterprise project "0"', () => {
    expect(hss.components.parameters.enterprise_project_id.schema.default).toBe('0');
  });
});

describe('ShowResourceQuotas query', () => {
  const param = (name: string) =>
    operationParameter(hss, '/v5/{project_id}/billing/quotas', 'get', name);
  it('has only optional query parameters and a deprecated optional region header', () => {
    for (const name of ['version', 'charging_mode'])
      expect(param(name).spec).toMatchObject({ in: 'query', required: false });
    expect(param('region').spec).toMatchObject({ in: 'header', required: false, deprecated: true });
    expect(quotas.requestBody).toBeUndefined();
  });
  check(param('version').pointer, [
    ...['hss.version.null', ...editions].map((v) => accepted(`version ${v}`, v)),
    rejected('version unknown', 'hss.version.gold', 'must be one of'),
  ]);
  check(param('charging_mode').pointer, [
    accepted('charging_mode packet_cycle', 'packet_cycle'),
    accepted('charging_mode on_demand', 'on_demand'),
    rejected('charging_mode monthly', 'monthly', 'must be one of ["packet_cycle","on_demand"]'),
  ]);
});

describe('ShowResourceQuotasResponse', () => {
  const set = (path: Array<string | number>, value: unknown) =>
    withChange(validQuotas, path, value);
  const info = ['data_list', 0];
  const free = [...info, 'available_resources_list', 0];
  check('#/components/schemas/ShowResourceQuotasResponse', [
    accepted('an empty object (no field is guaranteed)', {}),
    accepted('data_list of 200 items', { data_list: Array(200).fill({}) }),
    rejected(
      'data_list of 201 items',
      { data_list: Array(201).fill({}) },
      '/data_list must NOT have more than 200 items',
    ),
    ...['total_num', 'used_num', 'available_num'].flatMap((field) => [
      rejected(`${field} -1`, set([...info, field], -1), `/data_list/0/${field} must be >= 0`),
      accepted(`${field} 2000000`, set([...info, field], 2_000_000)),
      rejected(
        `${field} 2000001`,
        set([...info, field], 2_000_001),
        `/data_list/0/${field} must be <= 2000000`,
      ),
      rejected(
        `${field} as a string`,
        set([...info, field], '1'),
        `/data_list/0/${field} must be integer`,
      ),
    ]),
    rejected(
      'version unknown',
      set([...info, 'version'], 'hss.version.gold'),
      '/data_list/0/version must be one of',
    ),
    rejected(
      'available_resources_list of 201 items',
      set([...info, 'available_resources_list'], Array(201).fill({})),
      '/data_list/0/available_resources_list must NOT have more than 200 items',
    ),
    rejected(
      'resource_id empty',
      set([...free, 'resource_id'], ''),
      '/data_list/0/available_resources_list/0/resource_id must NOT have fewer than 1 characters',
    ),
    accepted('resource_id of 256 characters', set([...free, 'resource_id'], repeat(256))),
    rejected(
      'resource_id of 257 characters',
      set([...free, 'resource_id'], repeat(257)),
      '/resource_id must NOT have more than 256 characters',
    ),
    accepted('current_time of 64 characters', set([...free, 'current_time'], repeat(64))),
    rejected(
      'current_time of 65 characters',
      set([...free, 'current_time'], repeat(65)),
      '/current_time must NOT have more than 64 characters',
    ),
    accepted('shared_quota unshared', set([...free, 'shared_quota'], 'unshared')),
    rejected(
      'shared_quota other',
      set([...free, 'shared_quota'], 'private'),
      '/shared_quota must be one of ["shared","unshared"]',
    ),
  ]);
});

describe('CreateQuotasOrderResponse', () => {
  check('#/components/schemas/CreateQuotasOrderResponse', [
    accepted('order_id of 256 characters', { order_id: repeat(256) }),
    rejected('order_id empty', { order_id: '' }, '/order_id must NOT have fewer than 1 characters'),
    rejected(
      'order_id of 257 characters',
      { order_id: repeat(257) },
      '/order_id must NOT have more than 256 characters',
    ),
  ]);
});
