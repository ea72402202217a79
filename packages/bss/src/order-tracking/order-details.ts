// One order as ShowCustomerOrderDetails tells it, all its line items included (the operation
// pages them, 100 at most per page), and which failures of a read are worth another poll.
import { HwsecApiError, HwsecError, unwrap } from '@hwsec/core';
import type { BssClient } from '../generated/client.js';
import type { CustomerOrderV3, OrderLineItemEntityV2 } from '../generated/schemas.js';

/** An order and its line items. */
export interface OrderDetails {
  order: CustomerOrderV3;
  lineItems: OrderLineItemEntityV2[];
}

/** The largest page ShowCustomerOrderDetails and ListCustomerOrders accept (`limit` 1–100). */
export const PAGE_SIZE = 100;

export async function readOrder(
  bss: BssClient,
  orderId: string,
  signal?: AbortSignal,
): Promise<OrderDetails> {
  const lineItems: OrderLineItemEntityV2[] = [];
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const data = unwrap(
      await bss.showCustomerOrderDetails({
        params: { path: { order_id: orderId }, query: { limit: PAGE_SIZE, offset } },
        signal,
      }),
    );
    const page = data.order_line_items ?? [];
    lineItems.push(...page);
    if (page.length === 0 || lineItems.length >= (data.total_count ?? 0))
      return { order: data.order_info ?? { order_id: orderId }, lineItems };
  }
}

/**
 * A read that failed the way a later read may not (no answer, a throttle, a server error): the
 * client already retried it within its policy; a poller tries again at its next turn.
 */
export const isTransient = (error: unknown): boolean =>
  error instanceof HwsecApiError
    ? error.status >= 500 || error.status === 429
    : error instanceof HwsecError &&
      (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'response');
