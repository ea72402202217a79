// DSC's constraints (spec/SOURCES.md#dsc-createproductorder): required sets of
// PeriodOrderRequest and ProductInfoBean, enums, and types. (No ranges or lengths are documented for DSC.)
import { describe, expect, it } from 'vitest';
import { loadBundle } from './support/bundles.js';
import { accepted, rejected, REMOVE, withChange } from './support/cases.js';
import { checkCases } from './support/check.js';

const dsc = loadBundle('dsc');
const check = checkCases('dsc');
const order = dsc.paths['/v1/{project_id}/period/order'].post;
const validOrder = order.requestBody.content['application/json'].examples.reference.value;
const set = (path: Array<string | number>, value: unknown) => withChange(validOrder, path, value);
const product = ['product_infos', 0];

const requiredOrderFields = [
  'charging_mode',
  'cloud_service_type',
  'period_num',
  'period_type',
  'product_infos',
  'region_id',
  'zone',
];
const requiredProductFields = [
  'cloud_service_type',
  'product_id',
  'resource_size',
  'resource_size_measure_id',
  'resource_spec_code',
  'resource_type',
];

describe('PeriodOrderRequest', () => {
  it('requires exactly the fields the current SDKs require', () => {
    expect([...dsc.components.schemas.PeriodOrderRequest.required].sort()).toEqual(
      requiredOrderFields,
    );
    expect([...dsc.components.schemas.ProductInfoBean.required].sort()).toEqual(
      requiredProductFields,
    );
    expect(order.requestBody.required).toBe(true);
  });
  check('#/components/schemas/PeriodOrderRequest', [
    ...requiredOrderFields.map((field) =>
      rejected(`${field} missing`, set([field], REMOVE), `/${field} is required`),
    ),
    ...requiredProductFields.map((field) =>
      rejected(
        `product_infos[0].${field} missing`,
        set([...product, field], REMOVE),
        `/product_infos/0/${field} is required`,
      ),
    ),
    ...[0, 1, 2].map((mode) => accepted(`charging_mode ${mode}`, set(['charging_mode'], mode))),
    rejected('charging_mode 3', set(['charging_mode'], 3), '/charging_mode must be one of [0,1,2]'),
    rejected(
      'charging_mode as a string',
      set(['charging_mode'], '0'),
      '/charging_mode must be integer',
    ),
    accepted('period_type 3 (year)', set(['period_type'], 3)),
    rejected('period_type 1', set(['period_type'], 1), '/period_type must be one of [2,3]'),
    rejected('period_num 1.5', set(['period_num'], 1.5), '/period_num must be integer'),
    rejected(
      'period_num beyond int32',
      set(['period_num'], 2 ** 31),
      '/period_num must match format "int32"',
    ),
    accepted('is_auto_renew 1', set(['is_auto_renew'], 1)),
    rejected(
      'is_auto_renew as a boolean',
      set(['is_auto_renew'], true),
      '/is_auto_renew must be integer',
    ),
    rejected(
      'product_infos not an array',
      set(['product_infos'], validOrder.product_infos[0]),
      '/product_infos must be array',
    ),
    rejected('region_id as a number', set(['region_id'], 4), '/region_id must be string'),
    rejected('zone as a number', set(['zone'], 86), '/zone must be string'),
    rejected(
      'resource_size as a string',
      set([...product, 'resource_size'], '30'),
      '/product_infos/0/resource_size must be integer',
    ),
    accepted(
      'resource_size_measure_id 47 (OBS packages; not an enum)',
      set([...product, 'resource_size_measure_id'], 47),
    ),
    accepted('usage_value a fraction', set([...product, 'usage_value'], 1.5)),
    rejected(
      'usage_value as a string',
      set([...product, 'usage_value'], '1.5'),
      '/product_infos/0/usage_value must be number',
    ),
    rejected(
      'all_resource_names not strings',
      set([...product, 'all_resource_names'], [1]),
      '/product_infos/0/all_resource_names/0 must be string',
    ),
  ]);
});
