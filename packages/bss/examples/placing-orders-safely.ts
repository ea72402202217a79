import { createBssClient, HwsecOrderWaitError, reconcileOrder, waitForOrder } from '@hwsec/bss';
import { createHssClient, isHwsecError, unwrap } from '@hwsec/hss';

// AK/SK from HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, the project from
// HUAWEICLOUD_SDK_PROJECT_ID; HWSEC_HSS_BASE_URL and HWSEC_BSS_BASE_URL send both to the mock.
const hss = createHssClient({ region: 'cn-north-4' });
const bss = createBssClient({ site: 'cn' });

/** Places the order once; after a failure that may have placed it, asks BSS whether it did. */
async function placeQuotaOrder(): Promise<string> {
  try {
    const { order_id } = unwrap(
      await hss.createQuotasOrder({
        body: {
          resource_spec_code: 'hss.version.enterprise',
          subscription_num: 1,
          period_type: 2,
          period_num: 1,
          is_auto_pay: false,
        },
      }),
    );
    return order_id!;
  } catch (error) {
    // Refused (4xx) or never sent: nothing was placed, and the error says why.
    if (!isHwsecError(error) || !error.mayHaveBeenProcessed) throw error;
    const answer = await reconcileOrder(bss, error);
    if (answer.outcome === 'placed') return answer.order.order.order_id!;
    if (answer.outcome === 'ambiguous')
      throw new Error(`${answer.orders.length} identical orders match: check the Billing Center`);
    // BSS lists no such order. Placing it again is a decision to buy again, not a retry.
    throw new Error('the order was not placed', { cause: error });
  }
}

const orderId = await placeQuotaOrder();
unwrap(await bss.payOrders({ body: { order_id: orderId, use_coupon: 'NO', use_discount: 'NO' } }));
try {
  // Paid: 6 (pending payment) until BSS sees the payment, then 3 (processing), then 5.
  const { order } = await waitForOrder(bss, orderId, { awaitPayment: true, timeoutMs: 5_000 });
  console.log(`order ${order.order_id} completed`);
} catch (error) {
  if (!(error instanceof HwsecOrderWaitError) || error.reason !== 'timeout') throw error;
  // The stateless mock always shows its pending example; a real order may take minutes.
  console.log(`order ${orderId} is paid, still in status ${error.status}: wait again later`);
}
