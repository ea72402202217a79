// "Was my order placed?" end to end, against the stateful mock process: an HSS order whose answer
// is lost after the mock placed it (an armed fault resets the connection) gives an error that may
// have placed the order; @hwsec/bss reconcileOrder finds, through the mock's BSS, the very order
// the mock recorded; it is paid with PayOrders and waitForOrder sees it through 6 -> 3 -> 5. A
// request cut before the mock read it is answered not-placed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBssClient, reconcileOrder, waitForOrder } from '@hwsec/bss';
import {
  createHssClient,
  isHwsecError,
  unwrap,
  type CreateQuotasOrderRequestInfo,
} from '@hwsec/hss';
import { exampleBody } from './example-bodies.js';
import { startMockProcess, type MockProcess } from './mock-process.js';

const AK = 'AKTESTEXAMPLE0000000';
const SK = 'SKtestexample0000000000000000000000000000';
const credentials = { accessKey: AK, secretKey: SK };

let mock: MockProcess;
beforeAll(async () => {
  mock = await startMockProcess(['--stateful', '--verify-signatures']);
});
afterAll(() => mock.stop());

async function control(method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${mock.urls['hss']}/_hwsec/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} /_hwsec/${path}: ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

/** The spec's unpaid monthly enterprise example; each test sets the quantity it looks for. */
const order = exampleBody<CreateQuotasOrderRequestInfo>('hss', 'CreateQuotasOrder');

/** Places the order through a fault armed for it; resolves with the client's error. */
async function placeThrough(
  projectId: string,
  when: 'after' | 'before',
  fault: string,
  quantity: number,
) {
  await control('DELETE', `state/${projectId}`);
  await control('POST', 'faults', {
    operation_id: 'CreateQuotasOrder',
    project_id: projectId,
    when,
    fault,
  });
  const hss = createHssClient({ baseUrl: mock.urls['hss']!, projectId, credentials });
  try {
    unwrap(await hss.createQuotasOrder({ body: { ...order, subscription_num: quantity } }));
  } catch (error) {
    return error;
  }
  throw new Error('expected the order call to fail');
}

describe('an order whose answer was lost, reconciled through BSS', () => {
  it("placed: reconcileOrder answers with the mock's order id, which is then paid and completes", async () => {
    const projectId = 'reconcile-after-project';
    const error = await placeThrough(projectId, 'after', 'reset', 3);
    expect(isHwsecError(error) && error.mayHaveBeenProcessed).toBe(true);
    const recorded = (await control('GET', `state/${projectId}`)).orders as Array<{
      order_id: string;
    }>;
    expect(recorded).toHaveLength(1);

    const bss = createBssClient({ baseUrl: mock.urls['bss']!, credentials });
    const answer = await reconcileOrder(bss, error, { settleMs: 10_000, pollDelayMs: 100 });
    expect(answer.outcome).toBe('placed');
    const orderId = answer.outcome === 'placed' ? answer.order.order.order_id! : '';
    expect(orderId).toBe(recorded[0]!.order_id);
    expect(answer.outcome === 'placed' && answer.order.order.status).toBe(6);

    unwrap(
      await bss.payOrders({ body: { order_id: orderId, use_coupon: 'NO', use_discount: 'NO' } }),
    );
    const seen: number[] = [];
    const done = await waitForOrder(
      {
        ...bss,
        // Records each status the wait reads, through the client's own method.
        showCustomerOrderDetails: async (init: any) => {
          const result = await bss.showCustomerOrderDetails(init);
          if (result.data?.order_info?.status !== undefined)
            seen.push(result.data.order_info.status);
          return result;
        },
      } as typeof bss,
      orderId,
      { awaitPayment: true, firstDelayMs: 50, maxDelayMs: 200, timeoutMs: 30_000 },
    );
    expect(done.order).toMatchObject({ order_id: orderId, status: 5 });
    expect(done.lineItems).toEqual([
      expect.objectContaining({ subscription_num: 3, period_num: 1 }),
    ]);
    expect(seen).toContain(3);
    expect(seen.at(-1)).toBe(5);
  });

  it('not-placed: a request cut before the mock read it left no order to find', async () => {
    const projectId = 'reconcile-before-project';
    // Another quantity than the first test's order, which is in the same account and window.
    const error = await placeThrough(projectId, 'before', 'reset', 4);
    expect(isHwsecError(error) && error.mayHaveBeenProcessed).toBe(true);
    expect((await control('GET', `state/${projectId}`)).orders).toEqual([]);
    const bss = createBssClient({ baseUrl: mock.urls['bss']!, credentials });
    expect(await reconcileOrder(bss, error, { settleMs: 300, pollDelayMs: 50 })).toEqual({
      outcome: 'not-placed',
    });
  });
});
