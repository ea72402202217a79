// BSS's constraints (spec/SOURCES.md#bss-payorders, #bss-showcustomerorderdetails,
// #bss-listcustomerorders, #bss-listpayperusecustomerresources), each with counter-examples just
// outside its bounds (rejected, naming the field and rule) and values just inside (accepted).
import { describe, expect, it } from 'vitest';
import { loadBundle, operationParameter } from './support/bundles.js';
import { accepted, rejected, REMOVE, repeat, withChange } from './support/cases.js';
import { checkCases } from './support/check.js';

const bss = loadBundle('bss');
const check = checkCases('bss');
const PAY = '/v3/orders/customer-orders/pay';
const DETAILS = '/v2/orders/customer-orders/details/{order_id}';
const LIST = '/v2/orders/customer-orders';
const RESOURCES = '/v2/orders/suscriptions/resources/query';
const payExamples = bss.paths[PAY].post.requestBody.content['application/json'].examples;
const plain = payExamples.noCouponNoDiscount.value;
const withCoupon = payExamples.oneCoupon.value;
const withDiscount = payExamples.oneDiscount.value;
const coupon = { id: 'CP190000000001', type: 301 };
const discount = { id: 'DS190000000001', type: 2 };
const utc = '2026-12-07T08:00:00Z';

/** The paging query parameters of ShowCustomerOrderDetails and ListCustomerOrders, alike. */
function checkPaging(param: (name: string) => { pointer: string }) {
  check(param('limit').pointer, [
    rejected('limit 0', 0, 'must be >= 1'),
    accepted('limit 1', 1),
    accepted('limit 100', 100),
    rejected('limit 101', 101, 'must be <= 100'),
  ]);
  check(param('offset').pointer, [
    rejected('offset -1', -1, 'must be >= 0'),
    accepted('offset 0', 0),
  ]);
}

describe('PayOrders request (PayCustomerOrderV3Req)', () => {
  it('takes a required body and answers 204 without one', () => {
    const pay = bss.paths[PAY].post;
    expect(pay.requestBody.required).toBe(true);
    expect(pay.parameters).toBeUndefined();
    expect(pay.responses['204'].content).toBeUndefined();
  });
  check('#/components/schemas/PayCustomerOrderV3Req', [
    ...['order_id', 'use_coupon', 'use_discount'].map((field) =>
      rejected(`${field} missing`, withChange(plain, [field], REMOVE), `/${field} is required`),
    ),
    rejected(
      'order_id empty',
      withChange(plain, ['order_id'], ''),
      '/order_id must NOT have fewer',
    ),
    accepted('order_id of 64 characters', withChange(plain, ['order_id'], repeat(64))),
    rejected(
      'order_id of 65 characters',
      withChange(plain, ['order_id'], repeat(65)),
      '/order_id must NOT have more than 64 characters',
    ),
    ...['use_coupon', 'use_discount'].flatMap((flag) => [
      rejected(`${flag} as a boolean`, withChange(plain, [flag], false), `/${flag} must be string`),
      rejected(
        `${flag} in lower case`,
        withChange(plain, [flag], 'no'),
        `/${flag} must be one of ["YES","NO"]`,
      ),
    ]),
    accepted('one coupon with use_coupon YES', withCoupon),
    accepted('one discount with use_discount YES', withDiscount),
    rejected(
      'use_coupon YES without coupon_infos',
      withChange(withCoupon, ['coupon_infos'], REMOVE),
      '/coupon_infos is required',
    ),
    rejected(
      'coupon_infos with use_coupon NO',
      withChange(withCoupon, ['use_coupon'], 'NO'),
      '/coupon_infos must NOT be valid',
    ),
    rejected(
      'use_discount YES without discount_infos',
      withChange(withDiscount, ['discount_infos'], REMOVE),
      '/discount_infos is required',
    ),
    rejected(
      'discount_infos with use_discount NO',
      withChange(withDiscount, ['use_discount'], 'NO'),
      '/discount_infos must NOT be valid',
    ),
    rejected(
      'coupon_infos empty',
      withChange(withCoupon, ['coupon_infos'], []),
      '/coupon_infos must NOT have fewer than 1 items',
    ),
    accepted('3 coupons', withChange(withCoupon, ['coupon_infos'], [coupon, coupon, coupon])),
    rejected(
      '4 coupons',
      withChange(withCoupon, ['coupon_infos'], [coupon, coupon, coupon, coupon]),
      '/coupon_infos must NOT have more than 3 items',
    ),
    rejected(
      '2 discounts',
      withChange(withDiscount, ['discount_infos'], [discount, discount]),
      '/discount_infos must NOT have more than 1 items',
    ),
    ...[300, 303].map((type) =>
      accepted(`coupon type ${type}`, withChange(withCoupon, ['coupon_infos', 0, 'type'], type)),
    ),
    ...[299, 304].map((type) =>
      rejected(
        `coupon type ${type}`,
        withChange(withCoupon, ['coupon_infos', 0, 'type'], type),
        '/coupon_infos/0/type must be one of [300,301,302,303]',
      ),
    ),
    ...['id', 'type'].map((field) =>
      rejected(
        `coupon without ${field}`,
        withChange(withCoupon, ['coupon_infos', 0, field], REMOVE),
        `/coupon_infos/0/${field} is required`,
      ),
    ),
    rejected(
      'coupon id of 65 characters',
      withChange(withCoupon, ['coupon_infos', 0, 'id'], repeat(65)),
      '/coupon_infos/0/id must NOT have more than 64 characters',
    ),
    ...[0, 1, 3, 609].map((type) =>
      accepted(
        `discount type ${type}`,
        withChange(withDiscount, ['discount_infos', 0, 'type'], type),
      ),
    ),
    rejected(
      'discount type 4',
      withChange(withDiscount, ['discount_infos', 0, 'type'], 4),
      '/discount_infos/0/type must be one of [0,1,2,3,609]',
    ),
    rejected(
      'discount without id',
      withChange(withDiscount, ['discount_infos', 0, 'id'], REMOVE),
      '/discount_infos/0/id is required',
    ),
  ]);
});

describe('ShowCustomerOrderDetails parameters', () => {
  const param = (name: string) => operationParameter(bss, DETAILS, 'get', name);
  it('takes the order in the path, paging in the query and an optional X-Language', () => {
    expect(param('order_id').spec).toMatchObject({ in: 'path', required: true });
    for (const name of ['offset', 'limit', 'indirect_partner_id'])
      expect(param(name).spec).toMatchObject({ in: 'query', required: false });
    expect(param('X-Language').spec).toMatchObject({ in: 'header', required: false });
    expect(param('limit').spec.schema.default).toBe(10);
    expect(param('offset').spec.schema.default).toBe(0);
  });
  check(param('order_id').pointer, [
    rejected('order_id empty', '', 'must NOT have fewer than 1 characters'),
    accepted('order_id of 64 characters', repeat(64)),
    rejected('order_id of 65 characters', repeat(65), 'must NOT have more than 64 characters'),
  ]);
  checkPaging(param);
  check(param('X-Language').pointer, [
    accepted('X-Language zh_CN', 'zh_CN'),
    accepted('X-Language en_US', 'en_US'),
    rejected('X-Language en-us', 'en-us', 'must be one of ["zh_CN","en_US"]'),
  ]);
});

describe('ListCustomerOrders parameters', () => {
  const param = (name: string) => operationParameter(bss, LIST, 'get', name);
  it('has 14 query parameters, none required', () => {
    const parameters: Array<{ in: string; required: boolean }> = bss.paths[LIST].get.parameters;
    expect(parameters).toHaveLength(14);
    for (const parameter of parameters)
      expect(parameter).toMatchObject({ in: 'query', required: false });
    expect(param('method').spec.schema.default).toBe('oneself');
  });
  checkPaging(param);
  check(param('status').pointer, [
    ...[1, 3, 4, 5, 6, 9].map((status) => accepted(`status ${status}`, status)),
    ...[2, 10].map((status) =>
      rejected(`status ${status} (not a filter)`, status, 'must be one of [1,3,4,5,6,9]'),
    ),
  ]);
  check(param('order_type').pointer, [
    ...['1', '10', '15'].map((type) => accepted(`order_type "${type}"`, type)),
    rejected('order_type "5"', '5', 'must be one of'),
    rejected('order_type as an integer', 1, 'must be string'),
  ]);
  for (const name of [
    'create_time_begin',
    'create_time_end',
    'payment_time_begin',
    'payment_time_end',
  ])
    check(param(name).pointer, [
      accepted(`${name} ${utc}`, utc),
      accepted(`${name} at 23:59:59`, '2026-12-31T23:59:59Z'),
      ...[
        ['without Z', '2026-12-07T08:00:00'],
        ['with an offset', '2026-12-07T08:00:00+08:00'],
        ['with a space', '2026-12-07 08:00:00Z'],
        ['at hour 24', '2026-12-07T24:00:00Z'],
        ['in month 13', '2026-13-07T08:00:00Z'],
        ['with milliseconds', '2026-12-07T08:00:00.000Z'],
      ].map(([label, value]) => rejected(`${name} ${label}`, value, 'must match pattern')),
    ]);
  check(param('order_by').pointer, [
    accepted('order_by createTime', 'createTime'),
    accepted('order_by -createTime', '-createTime'),
    rejected('order_by paymentTime', 'paymentTime', 'must be one of ["createTime","-createTime"]'),
  ]);
  check(param('method').pointer, [
    accepted('method sub_customer', 'sub_customer'),
    rejected('method all', 'all', 'must be one of ["oneself","sub_customer"]'),
  ]);
  check(param('service_type_code').pointer, [
    accepted('service_type_code of 64 characters', repeat(64)),
    rejected('service_type_code of 65 characters', repeat(65), 'must NOT have more than 64'),
  ]);
});

describe('orders in answers (CustomerOrderV3, CustomerOrderV2, line items)', () => {
  const details =
    bss.paths[DETAILS].get.responses['200'].content['application/json'].examples.pendingPayment
      .value;
  const order = details.order_info;
  const item = details.order_line_items[0];
  for (const model of [
    'CustomerOrderV3',
    'SubCustomerOrderV3',
    'CustomerOrderV2',
    'SubCustomerOrderV2',
  ])
    check(`#/components/schemas/${model}`, [
      accepted(`${model}: an empty object (no field is guaranteed)`, {}),
      ...[1, 2, 3, 4, 5, 6, 9, 10, 13].map((status) =>
        accepted(`${model}: status ${status}`, { status }),
      ),
      ...[0, 7, 8, 14].map((status) =>
        rejected(`${model}: status ${status}`, { status }, '/status must be one of'),
      ),
      accepted(`${model}: order_type 10`, { order_type: 10 }),
      rejected(`${model}: order_type 12`, { order_type: 12 }, '/order_type must be one of'),
      rejected(
        `${model}: order_type as a string`,
        { order_type: '1' },
        '/order_type must be integer',
      ),
      rejected(`${model}: source_type 9`, { source_type: 9 }, '/source_type must be one of'),
      rejected(
        `${model}: create_time not in UTC`,
        { create_time: '2026-01-01T08:00:00+08:00' },
        '/create_time must match pattern',
      ),
    ]);
  check('#/components/schemas/CustomerOrderV3', [
    accepted('the example order', order),
    rejected(
      'pending_payment_end_time without Z',
      withChange(order, ['pending_payment_end_time'], '2026-01-08T00:00:00'),
      '/pending_payment_end_time must match pattern',
    ),
    rejected(
      'user_name of 21 characters',
      { user_name: repeat(21) },
      '/user_name must NOT have more than 20',
    ),
  ]);
  check('#/components/schemas/OrderLineItemEntityV2', [
    accepted('the example line item', item),
    accepted('period_num null (an unsubscription)', withChange(item, ['period_num'], null)),
    ...[0, 7].map((type) =>
      accepted(`period_type ${type}`, withChange(item, ['period_type'], type)),
    ),
    rejected('period_type 8', withChange(item, ['period_type'], 8), '/period_type must be one of'),
  ]);
  check('#/components/schemas/DiscountItemV2', [
    accepted('discount_type "609"', { discount_type: '609' }),
    rejected('discount_type "999"', { discount_type: '999' }, '/discount_type must be one of'),
    rejected(
      'discount_type as an integer',
      { discount_type: 609 },
      '/discount_type must be string',
    ),
  ]);
  check('#/components/schemas/ShowCustomerOrderDetailsResponse', [
    accepted('an empty object', {}),
    rejected('total_count -1', { total_count: -1 }, '/total_count must be >= 0'),
  ]);
});

describe('ListPayPerUseCustomerResources (QueryResourcesReq, OrderInstanceV2)', () => {
  it('is a POST whose body is required but may be empty', () => {
    expect(bss.paths[RESOURCES].post.requestBody.required).toBe(true);
  });
  check('#/components/schemas/QueryResourcesReq', [
    accepted('an empty body (the first resources)', {}),
    accepted('by order', { order_id: 'CS2404171642AAAAA', only_main_resource: 1 }),
    rejected(
      'order_id of 65 characters',
      { order_id: repeat(65) },
      '/order_id must NOT have more than 64',
    ),
    accepted('50 resource_ids', { resource_ids: Array(50).fill('r') }),
    rejected(
      '51 resource_ids',
      { resource_ids: Array(51).fill('r') },
      '/resource_ids must NOT have more than 50 items',
    ),
    rejected(
      'only_main_resource 2',
      { only_main_resource: 2 },
      '/only_main_resource must be one of [0,1]',
    ),
    accepted('status_list in use, closed, frozen, expired', { status_list: [2, 3, 4, 5] }),
    rejected('status_list 1', { status_list: [1] }, '/status_list/0 must be one of [2,3,4,5]'),
    rejected('offset -1', { offset: -1 }, '/offset must be >= 0'),
  ]);
  check('#/components/schemas/OrderInstanceV2', [
    rejected(
      'is_main_resource 2',
      { is_main_resource: 2 },
      '/is_main_resource must be one of [0,1]',
    ),
    rejected('expire_policy 6', { expire_policy: 6 }, '/expire_policy must be one of'),
    rejected(
      'expire_time not in UTC',
      { expire_time: '2026-02-01' },
      '/expire_time must match pattern',
    ),
  ]);
});

describe('BSS errors', () => {
  it('documents the refusals of a payment with their CBC codes', () => {
    const refusals = bss.paths[PAY].post.responses['400'].content['application/json'].examples;
    expect(
      Object.values<{ value: { error_code: string } }>(refusals).map((e) => e.value.error_code),
    ).toEqual([
      'CBC.0100',
      'CBC.30000010',
      'CBC.99003106',
      'CBC.99005003',
      'CBC.99003110',
      'CBC.99000088',
    ]);
  });
  it('answers an unknown order with 400 CBC.30000010, not 404', () => {
    const examples = bss.paths[DETAILS].get.responses['400'].content['application/json'].examples;
    expect(examples.unknownOrder.value.error_code).toBe('CBC.30000010');
  });
});
