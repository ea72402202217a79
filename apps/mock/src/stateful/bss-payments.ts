/**
 * BSS PayOrders: pays one order of the account that waits for payment, from the balance (204).
 * An unknown order, an order not pending payment, or a balance below its amount is refused with
 * BSS's own code (bss-refusals.ts) and changes nothing. Coupons and discounts are accepted as the
 * spec allows and not simulated: the order is paid at its full amount.
 */
import { refusalOfPayment } from './bss-refusals.js';
import { payOrder } from './order-payment.js';
import { noContent, refused, type GlobalSimulation } from './simulation.js';
import { discard, keep } from './state-store.js';

export const payOrders: GlobalSimulation = async (store, request) => {
  const { order_id: orderId } = request.body as { order_id: string };
  return store.change((tx) => {
    const refusal = payOrder(tx, orderId);
    return refusal ? discard(refused(refusalOfPayment(refusal))) : keep(noContent());
  });
};
