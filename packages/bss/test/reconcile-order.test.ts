// reconcileOrder against real HTTP servers: an HSS order (the real @hwsec/hss client) or a BSS
// payment whose connection is cut after sending gives an error that may have placed the order;
// a server speaking BSS's wire format then holds the account's orders. Every answer (placed with
// the exact order, not placed, ambiguous with both), the payment, the refusals, the wait for BSS
// to list a new order, paging and the one-year rule of ListCustomerOrders.
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { createHssClient } from '@hwsec/hss';
import { hangUp, json, startServer } from '@hwsec/test-support/http-server';
import { AK, PROJECT, SK } from '@hwsec/test-support/vectors';
import {
  createBssClient,
  HwsecReconcileError,
  reconcileOrder,
  unwrap,
  type ReconcileResult,
} from '../src/generated/index.js';
import { bssTimeFromNow, startFakeBss, type FakeOrder } from './support/fake-bss.js';

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});
const started = async <S extends { close(): Promise<void> }>(server: Promise<S>) => {
  const s = await server;
  servers.push(s);
  return s;
};

const credentials = { accessKey: AK, secretKey: SK };
const HSS = 'hws.service.type.hss';
const sent = {
  resource_spec_code: 'hss.version.enterprise',
  subscription_num: 2,
  period_type: 2,
  period_num: 1,
} as const;
const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('the call did not fail');
};

/** The error of an HSS order whose connection is cut once sent (the client's clock at `at`). */
async function cutHssOrder(body: object = sent, at?: Date) {
  const hss = await started(startServer([hangUp]));
  const client = createHssClient({
    baseUrl: hss.baseUrl,
    region: 'cn-north-4',
    projectId: PROJECT,
    credentials,
    ...(at && { clock: () => at }),
  });
  return failure(client.createQuotasOrder({ body: { ...body, is_auto_pay: false } as never }));
}

const hssOrder = (id: string, extra: Partial<FakeOrder> = {}): FakeOrder => ({
  order_id: id,
  service_type_code: HSS,
  create_time: bssTimeFromNow(-60_000),
  statuses: [6],
  line_items: [{ subscription_num: 2, period_type: 2, period_num: 1 }],
  ...extra,
});
const bssClient = (baseUrl: string) => createBssClient({ baseUrl, credentials });
const quick = { settleMs: 0 };

describe('reconcileOrder after an order call that may have been placed', () => {
  it('placed: the one order of the service in the window whose line items match, with its exact id', async () => {
    const error = await cutHssOrder();
    const bss = await started(
      startFakeBss([
        hssOrder('CS-OTHER-PERIOD', {
          line_items: [{ subscription_num: 2, period_type: 3, period_num: 1 }],
        }),
        hssOrder('CS-OTHER-SERVICE', { service_type_code: 'hws.service.type.sdg' }),
        hssOrder('CS-RENEWAL', { order_type: 2 }),
        hssOrder('CS-BEFORE-THE-CALL', { create_time: bssTimeFromNow(-3_600_000) }),
        hssOrder('CS-OURS'),
      ]),
    );
    const answer = await reconcileOrder(bssClient(bss.baseUrl), error, quick);
    expect(answer).toMatchObject({ outcome: 'placed', order: { order: { order_id: 'CS-OURS' } } });
    expect(bss.listCalls[0]!.get('service_type_code')).toBe(HSS);
  });

  it('says which facts it could not compare: an order of another edition in the window is "placed", named so', async () => {
    // Our attempt failed before placing anything; meanwhile a basic edition was bought with the
    // same quantity and period. BSS's line items keep no copy of resource_spec_code.
    const error = await cutHssOrder();
    const basic = { subscription_num: 2, period_type: 2, period_num: 1 };
    const bss = await started(
      startFakeBss([
        hssOrder('CS-BASIC', {
          line_items: [{ ...basic, product_spec_desc: 'HSS basic edition' }],
        }),
      ]),
    );
    const answer = await reconcileOrder(bssClient(bss.baseUrl), error, quick);
    expect(answer).toMatchObject({ outcome: 'placed', order: { order: { order_id: 'CS-BASIC' } } });
    expect(answer.outcome === 'placed' && answer.uncompared).toEqual(['resource_spec_code']);
    expectTypeOf<Extract<ReconcileResult, { outcome: 'placed' }>['uncompared']>().toEqualTypeOf<
      readonly string[]
    >();
    expectTypeOf<Extract<ReconcileResult, { outcome: 'ambiguous' }>['uncompared']>().toEqualTypeOf<
      readonly string[]
    >();

    // Two such orders: ambiguous, naming the same fact.
    bss.orders.push(hssOrder('CS-ENTERPRISE'));
    const both = await reconcileOrder(bssClient(bss.baseUrl), error, quick);
    expect(both).toMatchObject({ outcome: 'ambiguous', uncompared: ['resource_spec_code'] });
  });

  it('ambiguous: two identical orders in the window are both returned, not guessed between', async () => {
    const error = await cutHssOrder();
    const bss = await started(startFakeBss([hssOrder('CS-FIRST'), hssOrder('CS-SECOND')]));
    const answer = await reconcileOrder(bssClient(bss.baseUrl), error, quick);
    expect(answer.outcome).toBe('ambiguous');
    const ids = answer.outcome === 'ambiguous' ? answer.orders.map((o) => o.order.order_id) : [];
    expect(ids.sort()).toEqual(['CS-FIRST', 'CS-SECOND']);
  });

  it('not-placed only after settleMs without a matching order, looking again meanwhile', async () => {
    const error = await cutHssOrder();
    const bss = await started(
      startFakeBss([hssOrder('CS-OTHER', { line_items: [{ subscription_num: 9 }] })]),
    );
    const answer = await reconcileOrder(bssClient(bss.baseUrl), error, {
      settleMs: 200,
      pollDelayMs: 10,
    });
    expect(answer).toEqual({ outcome: 'not-placed' });
    expect(bss.listCalls.length).toBeGreaterThan(1);
  });

  it('waits for BSS to list a new order (eventual consistency), within the bound the caller sets', async () => {
    const late = () => [hssOrder('CS-LATE', { listedFromCall: 3 })];
    const error = await cutHssOrder();
    const patient = await started(startFakeBss(late()));
    const found = await reconcileOrder(bssClient(patient.baseUrl), error, {
      settleMs: 60_000,
      pollDelayMs: 5,
    });
    expect(found).toMatchObject({ outcome: 'placed', order: { order: { order_id: 'CS-LATE' } } });
    expect(patient.listCalls.length).toBe(3);
    const hasty = await started(startFakeBss(late()));
    expect(await reconcileOrder(bssClient(hasty.baseUrl), error, quick)).toEqual({
      outcome: 'not-placed',
    });
    expect(hasty.listCalls.length).toBe(1);
  });

  it('pages through the list (100 per page) and opens every candidate', async () => {
    const error = await cutHssOrder();
    const others = Array.from({ length: 230 }, (_, i) =>
      hssOrder(`CS-OTHER-${i}`, { line_items: [{ subscription_num: 99 }] }),
    );
    const bss = await started(startFakeBss([...others, hssOrder('CS-OURS')]));
    const answer = await reconcileOrder(bssClient(bss.baseUrl), error, quick);
    expect(answer).toMatchObject({ outcome: 'placed', order: { order: { order_id: 'CS-OURS' } } });
    expect(bss.listCalls.map((q) => [q.get('limit'), q.get('offset')])).toEqual([
      ['100', '0'],
      ['100', '100'],
      ['100', '200'],
    ]);
  });

  it('an attempt older than a year is searched in windows of one year at most (ListCustomerOrders refuses longer)', async () => {
    const longAgo = new Date(Date.now() - 400 * 24 * 3600 * 1000);
    const error = await cutHssOrder(sent, longAgo);
    const bss = await started(
      startFakeBss([hssOrder('CS-OLD', { create_time: bssTimeFromNow(-399 * 24 * 3600 * 1000) })]),
    );
    const answer = await reconcileOrder(bssClient(bss.baseUrl), error, quick);
    expect(answer).toMatchObject({ outcome: 'placed', order: { order: { order_id: 'CS-OLD' } } });
    const windows = bss.listCalls.map((q): [string, string] => [
      q.get('create_time_begin')!,
      q.get('create_time_end')!,
    ]);
    expect(windows).toHaveLength(2);
    expect(windows[0]![0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // Back to back: no second of the range is left out.
    expect(Date.parse(windows[1]![0]) - Date.parse(windows[0]![1])).toBeLessThanOrEqual(1000);
    expect(Date.parse(windows[0]![0])).toBeLessThanOrEqual(longAgo.getTime() - 300_000);
  });
});

describe('reconcileOrder after a payment (PayOrders) that may have gone through', () => {
  const pay = { order_id: 'CS-UNPAID', use_coupon: 'NO', use_discount: 'NO' } as const;

  it("placed when the order's status shows the payment (3), not-placed while it is still unpaid (6)", async () => {
    const bss = await started(startFakeBss([hssOrder('CS-UNPAID', { statuses: [6] })]));
    const client = bssClient(bss.baseUrl);
    // The connection is cut after BSS took the payment.
    bss.payWith((_id, res) => {
      bss.orders[0]!.statuses = [3];
      res.socket?.destroy();
    });
    const applied = await failure(client.payOrders({ body: pay }));
    expect(applied).toMatchObject({
      mayHaveBeenProcessed: true,
      order: { facts: { order_id: 'CS-UNPAID' } },
    });
    expect(await reconcileOrder(client, applied, quick)).toMatchObject({
      outcome: 'placed',
      order: { order: { order_id: 'CS-UNPAID', status: 3 } },
    });

    bss.orders[0]!.statuses = [6];
    bss.payWith((_id, res) => res.socket?.destroy());
    const lost = await failure(client.payOrders({ body: pay }));
    expect(await reconcileOrder(client, lost, { settleMs: 50, pollDelayMs: 5 })).toEqual({
      outcome: 'not-placed',
    });
  });
});

describe('reconcileOrder refuses what was never ambiguous', () => {
  it('an order the service refused (4xx): nothing was placed', async () => {
    const hss = await started(
      startServer([json(400, { error_code: 'HSS.1001', error_msg: 'bad spec' })]),
    );
    const client = createHssClient({
      baseUrl: hss.baseUrl,
      region: 'cn-north-4',
      projectId: PROJECT,
      credentials,
    });
    const refused = await failure(
      (async () =>
        unwrap(
          await client.createQuotasOrder({ body: { ...sent, is_auto_pay: false } as never }),
        ))(),
    );
    const error = await failure(reconcileOrder(bssClient('http://127.0.0.1:9'), refused));
    expect(error).toBeInstanceOf(HwsecReconcileError);
    expect(error).toMatchObject({ reason: 'not-ambiguous', operation: 'CreateQuotasOrder' });
    expect((error as Error).message).toContain('mayHaveBeenProcessed false');
  });

  it('a read (GET changes nothing), a call that is not an order, and anything not an HwsecError', async () => {
    const down = await started(startServer([hangUp]));
    const client = bssClient(down.baseUrl);
    const read = await failure(client.listCustomerOrders({}));
    expect(await failure(reconcileOrder(client, read))).toMatchObject({ reason: 'not-ambiguous' });
    // ListPayPerUseCustomerResources is a POST (may have been processed) but places no order.
    const query = await failure(
      client.listPayPerUseCustomerResources({ body: { order_id: 'CS-X' } }),
    );
    expect(query).toMatchObject({ mayHaveBeenProcessed: true });
    expect(await failure(reconcileOrder(client, query))).toMatchObject({ reason: 'not-an-order' });
    expect(await failure(reconcileOrder(client, new Error('x')))).toBeInstanceOf(
      HwsecReconcileError,
    );
  });
});
