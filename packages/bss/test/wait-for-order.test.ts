// waitForOrder against a real HTTP server speaking BSS's wire format: every way a wait ends
// (completed after pending payment and processing, cancelled, a status it does not wait through,
// the timeout, the caller's abort, an unknown order) and a failed poll that does not end it.
import { afterEach, describe, expect, it } from 'vitest';
import { AK, SK } from '@hwsec/test-support/vectors';
import {
  createBssClient,
  HwsecApiError,
  HwsecOrderWaitError,
  waitForOrder,
  type BssClientOptions,
} from '../src/generated/index.js';
import { bssTimeFromNow, startFakeBss, type FakeOrder } from './support/fake-bss.js';

let bss: Awaited<ReturnType<typeof startFakeBss>> | undefined;
afterEach(async () => {
  await bss?.close();
  bss = undefined;
});

const ID = 'CS2612071605AAAAA';
const order = (statuses: number[], extra: Partial<FakeOrder> = {}): FakeOrder => ({
  order_id: ID,
  service_type_code: 'hws.service.type.hss',
  create_time: bssTimeFromNow(0),
  statuses,
  line_items: [{ subscription_num: 1, period_type: 2, period_num: 1 }],
  ...extra,
});
const client = (extra: Partial<BssClientOptions> = {}) =>
  createBssClient({
    baseUrl: bss!.baseUrl,
    credentials: { accessKey: AK, secretKey: SK },
    ...extra,
  } as BssClientOptions);
const fast = { firstDelayMs: 1, maxDelayMs: 4 };
const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('the wait did not fail');
};

describe('waitForOrder', () => {
  it('waits through pending payment (when asked) and processing: 6 -> 3 -> 5, with its line items', async () => {
    bss = await startFakeBss([order([6, 3, 5])]);
    const done = await waitForOrder(client(), ID, { ...fast, awaitPayment: true });
    expect(done.order).toMatchObject({ order_id: ID, status: 5 });
    expect(done.lineItems).toEqual([expect.objectContaining({ order_id: ID, period_num: 1 })]);
    expect(bss.reads(ID)).toBe(3);
  });

  it('reads every line item, page after page (100 at most per page)', async () => {
    const items = Array.from({ length: 150 }, (_, i) => ({ subscription_num: i + 1 }));
    bss = await startFakeBss([order([5], { line_items: items })]);
    const done = await waitForOrder(client(), ID, fast);
    expect(done.lineItems.map((item) => item.subscription_num)).toEqual(
      items.map((i) => i.subscription_num),
    );
  });

  it('an unpaid order ends the wait unless awaitPayment: pay it first', async () => {
    bss = await startFakeBss([order([6])]);
    const error = await failure(waitForOrder(client(), ID, fast));
    expect(error).toBeInstanceOf(HwsecOrderWaitError);
    expect(error).toMatchObject({ orderId: ID, reason: 'pending-payment', status: 6 });
    expect(error.message).toContain(`order ${ID} is pending payment`);
  });

  it('a cancelled order (4) ends it with a typed error naming the order and the status', async () => {
    bss = await startFakeBss([order([3, 4])]);
    const error = await failure(waitForOrder(client(), ID, fast));
    expect(error).toMatchObject({
      name: 'HwsecOrderWaitError',
      orderId: ID,
      reason: 'cancelled',
      status: 4,
    });
    expect(error.message).toBe(`waitForOrder: order ${ID} was cancelled (status 4).`);
  });

  it('a status it does not wait through (1, pending approval) ends it at once', async () => {
    bss = await startFakeBss([order([1])]);
    const error = await failure(waitForOrder(client(), ID, fast));
    expect(error).toMatchObject({ reason: 'unexpected-status', status: 1 });
    expect(bss.reads(ID)).toBe(1);
  });

  it('timeoutMs bounds the whole wait, and the error tells the last status seen', async () => {
    bss = await startFakeBss([order([3])]);
    const error = await failure(
      waitForOrder(client(), ID, { firstDelayMs: 5, maxDelayMs: 20, timeoutMs: 300 }),
    );
    expect(error).toMatchObject({ reason: 'timeout', status: 3 });
    expect(error.message).toBe(
      `waitForOrder: order ${ID} did not complete within 300 ms (status 3).`,
    );
    expect(bss.reads(ID)).toBeGreaterThan(1);
  });

  it("the caller's signal ends it, a poll in flight included", async () => {
    bss = await startFakeBss([order([3])]);
    const controller = new AbortController();
    let calls = 0;
    const counting = (url: string, init: RequestInit) => {
      // The second poll stalls on the server; the caller aborts once it is on its way.
      if (++calls === 2) {
        bss!.fail(ID, 'stall');
        setImmediate(() => controller.abort(new Error('user left')));
      }
      return fetch(url, init);
    };
    const error = await failure(
      waitForOrder(client({ fetch: counting }), ID, { ...fast, signal: controller.signal }),
    );
    expect(error).toMatchObject({ reason: 'aborted', status: 3 });
    expect(calls).toBe(2);
  });

  it('a poll that fails (reset, 500) is a missed turn, not the end of the wait', async () => {
    bss = await startFakeBss([order([3, 5])]);
    bss.fail(ID, 'reset', 500);
    // No retry in the client, so both failures reach the wait itself.
    const done = await waitForOrder(client({ retry: false }), ID, fast);
    expect(done.order.status).toBe(5);
  });

  it('a read the service refuses (unknown order, 400 CBC.30000010) ends it with that error', async () => {
    bss = await startFakeBss([]);
    const error = await failure(waitForOrder(client(), 'CS-NO-SUCH', fast));
    expect(error).toBeInstanceOf(HwsecApiError);
    expect(error).toMatchObject({ errorCode: 'CBC.30000010', mayHaveBeenProcessed: false });
  });
});
