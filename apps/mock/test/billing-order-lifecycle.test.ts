// The Billing Center's life cycle of an order placed through each service, as BSS shows it: 6
// (pending payment) while unpaid, then 3 (processing) and 5 (completed) on the mock's clock, and
// what the order bought exists only once it is paid. The clock is held by the test, so 3 and 5
// are each seen for sure; every BSS answer is checked against the BSS spec.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeriodOrderRequest } from '@hwsec/dsc';
import type { CreateQuotasOrderRequestInfo } from '@hwsec/hss';
import type { UpdateOrderInfoReq } from '@hwsec/secmaster';
import type { RunningMock } from '../src/index.js';
import { DEFAULT_PROCESSING_MS } from '../src/stateful/state-store.js';
import { exampleBody } from './example-bodies.js';
import {
  billing,
  clients,
  control,
  expectValidAnswer,
  newProjectId,
  startStatefulMock,
} from './stateful-helpers.js';

/** The spec's monthly enterprise example, for 3 months and 2 quotas the line items show. */
const hssOrder = exampleBody<CreateQuotasOrderRequestInfo>('hss', 'CreateQuotasOrder', {
  period_num: 3,
  subscription_num: 2,
});

/** The spec's reference DSC order, yearly, in the charging mode under test. */
const dscOrder = (charging_mode: 0 | 1) =>
  exampleBody<PeriodOrderRequest>('dsc', 'CreateProductOrder', {
    charging_mode,
    period_type: 3,
  });

let clock = new Date('2026-05-04T08:00:00.000Z');
let mock: RunningMock;
beforeAll(async () => {
  mock = await startStatefulMock({ now: () => clock });
});
afterAll(() => mock.close());

const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

async function details(orderId: string) {
  const answer = await billing(mock.urls).details(orderId);
  expect(answer.status).toBe(200);
  expectValidAnswer('bss', 'ShowCustomerOrderDetails', 200, answer.body);
  return answer.body;
}

async function resourcesOf(orderId: string) {
  const answer = await billing(mock.urls).resources({ order_id: orderId });
  expect(answer.status).toBe(200);
  expectValidAnswer('bss', 'ListPayPerUseCustomerResources', 200, answer.body);
  return answer.body;
}

describe('HSS: an order placed without is_auto_pay', () => {
  it('is 6 with its line items and buys nothing; paid, it is 3, its quotas exist; then 5 and listed as resources', async () => {
    const projectId = newProjectId();
    const { hss } = clients(mock.urls, projectId);
    const { data } = await hss.createQuotasOrder({ body: hssOrder });
    const orderId = data!.order_id!;

    const unpaid = await details(orderId);
    expect(unpaid.order_info).toMatchObject({
      order_id: orderId,
      status: 6,
      service_type_code: 'hws.service.type.hss',
      order_type: 1,
      create_time: '2026-05-04T08:00:00Z',
      pending_payment_end_time: '2026-05-11T08:00:00Z',
      currency: 'CNY',
    });
    expect(unpaid.order_info.payment_time).toBeUndefined();
    expect(unpaid.order_info.amount_after_discount).toBeGreaterThan(0);
    expect(unpaid.total_count).toBe(1);
    expect(unpaid.order_line_items).toMatchObject([
      {
        order_id: orderId,
        product_spec_desc: 'hss.version.enterprise',
        subscription_num: 2,
        period_type: 2,
        period_num: 3,
        amount_after_discount: unpaid.order_info.amount_after_discount,
      },
    ]);
    expect((await hss.showResourceQuotas()).data).toEqual({ data_list: [] });
    expect((await resourcesOf(orderId)).total_count).toBe(0);

    advance(60_000);
    expect((await billing(mock.urls).pay(orderId)).status).toBe(204);
    const processing = await details(orderId);
    expect(processing.order_info.status).toBe(3);
    expect(processing.order_info.payment_time).toBe('2026-05-04T08:01:00Z');
    expect(processing.order_info.pending_payment_end_time).toBeUndefined();
    expect((await hss.showResourceQuotas()).data!.data_list![0]).toMatchObject({
      version: 'hss.version.enterprise',
      available_num: 2,
    });
    // Provisioning is not finished: BSS lists no resource of the order yet.
    expect((await resourcesOf(orderId)).total_count).toBe(0);

    advance(DEFAULT_PROCESSING_MS - 1);
    expect((await details(orderId)).order_info.status).toBe(3);
    advance(1);
    expect((await details(orderId)).order_info.status).toBe(5);
    const resources = await resourcesOf(orderId);
    const quotaIds = (await control(mock.urls.hss!).state(projectId)).body.hss.quotas.map(
      (q: { resource_id: string }) => q.resource_id,
    );
    expect(resources.total_count).toBe(2);
    expect(resources.data.map((r: { resource_id: string }) => r.resource_id).sort()).toEqual(
      quotaIds.sort(),
    );
    expect(resources.data[0]).toMatchObject({
      service_type_code: 'hws.service.type.hss',
      resource_spec_code: 'hss.version.enterprise',
      project_id: projectId,
      status: 2,
      effective_time: '2026-05-04T08:01:00Z',
      expire_time: '2026-08-04T08:01:00Z',
    });
  });

  it('with is_auto_pay: true it never waits for payment: processing at once, its quotas exist', async () => {
    const { hss } = clients(mock.urls, newProjectId());
    const { data } = await hss.createQuotasOrder({ body: { ...hssOrder, is_auto_pay: true } });
    const paid = await details(data!.order_id!);
    expect(paid.order_info.status).toBe(3);
    expect(paid.order_info.payment_time).toBe(paid.order_info.create_time);
    expect((await hss.showResourceQuotas()).data!.data_list![0]!.total_num).toBe(2);
  });
});

describe('DSC: CreateProductOrder', () => {
  it('a yearly/monthly order waits in 6 with no instance; paid, its instance exists and BSS lists it once completed', async () => {
    const projectId = newProjectId();
    const { dsc } = clients(mock.urls, projectId);
    const { data } = await dsc.createProductOrder({ body: dscOrder(0) });
    const orderId = data!.order_id!;
    const unpaid = await details(orderId);
    expect(unpaid.order_info).toMatchObject({
      status: 6,
      service_type_code: 'hws.service.type.sdg',
      order_type: 1,
    });
    expect(unpaid.order_line_items).toMatchObject([
      {
        product_spec_desc: 'base_professional',
        subscription_num: 1,
        period_type: 3,
        period_num: 1,
      },
    ]);
    expect((await control(mock.urls.dsc!).state(projectId)).body.dsc.instances).toEqual([]);

    expect((await billing(mock.urls).pay(orderId)).status).toBe(204);
    expect((await details(orderId)).order_info.status).toBe(3);
    const [instance] = (await control(mock.urls.dsc!).state(projectId)).body.dsc.instances;
    expect(instance).toMatchObject({ order_id: orderId });
    advance(DEFAULT_PROCESSING_MS);
    expect((await details(orderId)).order_info.status).toBe(5);
    expect((await resourcesOf(orderId)).data).toMatchObject([
      { resource_id: instance.instance_id, service_type_code: 'hws.service.type.sdg' },
    ]);
  });

  it('a pay-per-use order has nothing to pay up front: no 6, its instance exists at once', async () => {
    const projectId = newProjectId();
    const { data } = await clients(mock.urls, projectId).dsc.createProductOrder({
      body: dscOrder(1),
    });
    const order = await details(data!.order_id!);
    expect(order.order_info).toMatchObject({ status: 3, amount_after_discount: 0 });
    expect(order.order_line_items[0]).toMatchObject({ period_type: 6, period_num: null });
    expect((await control(mock.urls.dsc!).state(projectId)).body.dsc.instances).toHaveLength(1);
  });
});

describe('SecMaster: UpdateSubscriptionOrder', () => {
  it('a PREPAID change is an order of the account (order_type 3), paid at once; a POSTPAID one is none', async () => {
    const projectId = newProjectId();
    const subscription = (scene: 'PREPAID' | 'POSTPAID', id: string) => ({
      resource_id: id,
      scene,
      resource_spec_code: 'secmaster.standard',
      resource_size: 5,
    });
    await control(mock.urls.secmaster!).seed(projectId, {
      secmaster: {
        subscriptions: [subscription('PREPAID', 'sub-pre'), subscription('POSTPAID', 'sub-post')],
      },
    });
    const { secmaster } = clients(mock.urls, projectId);
    // The spec's ADDITION example on the seeded subscription, raised from 5 to 6.
    const change = (scene: 'PREPAID' | 'POSTPAID', id: string) =>
      secmaster.updateSubscriptionOrder({
        body: exampleBody<UpdateOrderInfoReq>(
          'secmaster',
          'UpdateSubscriptionOrder',
          {
            scene,
            product_list: [
              { resource_id: id, resource_spec_code: 'secmaster.standard', resource_size: 6 },
            ],
          },
          'postpaidAddition',
        ),
      });
    const prepaid = await change('PREPAID', 'sub-pre');
    const order = await details(prepaid.data!.order_id!);
    expect(order.order_info).toMatchObject({
      status: 3,
      order_type: 3,
      service_type_code: 'hws.service.type.sa',
    });
    advance(DEFAULT_PROCESSING_MS);
    expect((await details(prepaid.data!.order_id!)).order_info.status).toBe(5);

    const before = (await billing(mock.urls).list({ limit: 100 })).body.total_count;
    expect((await change('POSTPAID', 'sub-post')).data).toEqual({ order_status: 1 });
    expect((await billing(mock.urls).list({ limit: 100 })).body.total_count).toBe(before);
  });
});

describe('--order-processing-ms', () => {
  it('0 completes a paid order at once', async () => {
    const immediate = await startStatefulMock({ orderProcessingMs: 0 });
    try {
      const { hss } = clients(immediate.urls, newProjectId());
      const { data } = await hss.createQuotasOrder({ body: hssOrder });
      expect((await billing(immediate.urls).pay(data!.order_id!)).status).toBe(204);
      const { body } = await billing(immediate.urls).details(data!.order_id!);
      expect(body.order_info.status).toBe(5);
    } finally {
      await immediate.close();
    }
  });
});
