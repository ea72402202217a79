// SecMaster's constraints (spec/SOURCES.md#secmaster-updatesubscriptionorder): required body
// fields and header, enums, the 2026-02-05 UpdateProduct required set, and the tag character sets and lengths.
import { describe, expect, it } from 'vitest';
import { loadBundle, operationParameter } from './support/bundles.js';
import { accepted, rejected, REMOVE, repeat, withChange } from './support/cases.js';
import { checkCases } from './support/check.js';

const secmaster = loadBundle('secmaster');
const check = checkCases('secmaster');
const change = secmaster.paths['/v1/{project_id}/subscriptions/orders'].put;
const examples = change.requestBody.content['application/json'].examples;
const valid = examples.prepaidUpgrade.value;
const set = (path: Array<string | number>, value: unknown) => withChange(valid, path, value);
const product = ['product_list', 0];
const tag = ['tag_list', 0];

describe('UpdateSubscriptionOrder request', () => {
  it('requires the X-Language header and a body', () => {
    const language = operationParameter(
      secmaster,
      '/v1/{project_id}/subscriptions/orders',
      'put',
      'X-Language',
    );
    expect(language.spec).toMatchObject({ in: 'header', required: true });
    expect(change.requestBody.required).toBe(true);
  });
  it('has the four reference scenarios as named examples', () => {
    expect(Object.keys(examples).sort()).toEqual([
      'postpaidAddition',
      'postpaidDecrease',
      'postpaidToPrepaid',
      'prepaidUpgrade',
    ]);
  });
  check('#/components/schemas/UpdateOrderInfoReq', [
    rejected('scene missing', set(['scene'], REMOVE), '/scene is required'),
    rejected('operate_type missing', set(['operate_type'], REMOVE), '/operate_type is required'),
    accepted('product_list, tag_list and promotion_info omitted', {
      scene: 'PREPAID',
      operate_type: 'UPGRADE',
    }),
    accepted('scene POSTPAID', set(['scene'], 'POSTPAID')),
    rejected(
      'scene in lower case',
      set(['scene'], 'prepaid'),
      '/scene must be one of ["PREPAID","POSTPAID"]',
    ),
    ...['UPGRADE', 'ADDITION', 'DECREASE', 'POSTPAID_2_PREPAID'].map((type) =>
      accepted(`operate_type ${type}`, set(['operate_type'], type)),
    ),
    rejected(
      'operate_type DOWNGRADE (not supported)',
      set(['operate_type'], 'DOWNGRADE'),
      '/operate_type must be one of',
    ),
    rejected(
      'product_list[0].resource_spec_code missing',
      set([...product, 'resource_spec_code'], REMOVE),
      '/product_list/0/resource_spec_code is required',
    ),
    rejected(
      'product_list[0].resource_id missing',
      set([...product, 'resource_id'], REMOVE),
      '/product_list/0/resource_id is required',
    ),
    accepted(
      'product_list[0] without resource_type and resource_size',
      examples.postpaidToPrepaid.value,
    ),
    rejected(
      'resource_size as a string',
      set([...product, 'resource_size'], '3'),
      '/product_list/0/resource_size must be integer',
    ),
    rejected(
      'tag_list not an array',
      set(['tag_list'], valid.tag_list[0]),
      '/tag_list must be array',
    ),
    accepted('tag key of 36 characters', set([...tag, 'key'], repeat(36))),
    rejected(
      'tag key of 37 characters',
      set([...tag, 'key'], repeat(37)),
      '/tag_list/0/key must NOT have more than 36 characters',
    ),
    accepted('tag key with - and _ and CJK', set([...tag, 'key'], 'a-b_c标签')),
    rejected(
      'tag key with a dot',
      set([...tag, 'key'], 'a.b'),
      '/tag_list/0/key must match pattern',
    ),
    rejected(
      'tag key with a space',
      set([...tag, 'key'], 'a b'),
      '/tag_list/0/key must match pattern',
    ),
    rejected(
      'tag key with a non-CJK letter',
      set([...tag, 'key'], 'café'),
      '/tag_list/0/key must match pattern',
    ),
    accepted('tag value empty', set([...tag, 'value'], '')),
    accepted('tag value of 43 characters', set([...tag, 'value'], repeat(43))),
    rejected(
      'tag value of 44 characters',
      set([...tag, 'value'], repeat(44)),
      '/tag_list/0/value must NOT have more than 43 characters',
    ),
    accepted('tag value with a dot and CJK', set([...tag, 'value'], 'v1.2_值')),
    rejected(
      'tag value with a slash',
      set([...tag, 'value'], 'a/b'),
      '/tag_list/0/value must match pattern',
    ),
    accepted('tag without key or value', set(['tag_list'], [{}])),
  ]);
});

describe('UpdateSubscriptionOrderResponse', () => {
  check('#/components/schemas/UpdateSubscriptionOrderResponse', [
    accepted('order_status 1 (succeeded)', { order_status: 1 }),
    accepted('order_status 5 (failed)', { order_status: 5 }),
    rejected('order_status 2', { order_status: 2 }, '/order_status must be one of [1,5]'),
    accepted('no order_id (POSTPAID)', {}),
  ]);
});
