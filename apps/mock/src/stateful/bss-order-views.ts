/**
 * An order as BSS shows it: in a list (CustomerOrderV2), in its details (CustomerOrderV3) and
 * its line items (OrderLineItemEntityV2), at a moment of the mock's clock. Only what the
 * simulation knows is filled in; BSS guarantees no field, and neither does the mock.
 */
import type { AccountState } from './account-model.js';
import { CURRENCY, amountOf, lineItemsOf } from './order-pricing.js';
import { orderTypeOf, serviceOf, serviceTypeCodeOf } from './order-services.js';
import { bssStatus, bssTime, PENDING_PAYMENT } from './order-status.js';
import type { Order } from './state-model.js';

/** Unpaid orders are cancelled this long after they were placed (about 7 days, per BSS). */
export const PAYMENT_DEADLINE_MS = 7 * 24 * 60 * 60 * 1000;
/** `measure_id` 1: amounts in the currency's main unit. */
const MAIN_UNIT = 1;
/** `source_type` 1: placed by the customer. */
const BY_CUSTOMER = 1;

export function listedOrder(order: Order, account: AccountState, now: Date) {
  const amount = amountOf(order.purchase);
  return {
    order_id: order.order_id,
    customer_id: account.domain_id,
    service_type_code: serviceTypeCodeOf(order.purchase),
    service_type_name: serviceOf(order.purchase).title,
    source_type: BY_CUSTOMER,
    status: bssStatus(order, now),
    order_type: orderTypeOf(order.purchase),
    amount_after_discount: amount,
    official_amount: amount,
    measure_id: MAIN_UNIT,
    create_time: bssTime(order.created_at),
    ...(order.paid_at !== null && { payment_time: bssTime(order.paid_at) }),
    currency: CURRENCY,
  };
}

export function detailedOrder(order: Order, account: AccountState, now: Date) {
  const listed = listedOrder(order, account, now);
  return {
    ...listed,
    user_name: account.domain_name.slice(0, 20),
    ...(listed.status === PENDING_PAYMENT && {
      pending_payment_end_time: bssTime(
        new Date(Date.parse(order.created_at) + PAYMENT_DEADLINE_MS),
      ),
    }),
  };
}

export function orderLineItems(order: Order) {
  const serviceTypeCode = serviceTypeCodeOf(order.purchase);
  const serviceTypeName = serviceOf(order.purchase).title;
  return lineItemsOf(order.purchase).map((item, index) => ({
    order_line_item_id: `${order.order_id}-${String(index + 1).padStart(6, '0')}`,
    order_id: order.order_id,
    service_type_code: serviceTypeCode,
    service_type_name: serviceTypeName,
    product_owner_service: serviceTypeCode,
    product_spec_desc: item.spec,
    ...(item.period_type !== null && { period_type: item.period_type }),
    period_num: item.period_num,
    subscription_num: item.quantity,
    amount_after_discount: item.amount,
    official_amount: item.amount,
    currency: CURRENCY,
  }));
}
