// Polls an order until the Billing Center completes it. Unlike Terraform's wait (which gives up on
// the first failed read), a poll that fails the way a later one may not (network, timeout, 429,
// 5xx; the client has already retried it within its own policy) is only a missed turn: the wait
// goes on until the order ends or the time is up.
import type { BssClient } from '../generated/client.js';
import { HwsecOrderWaitError } from './errors.js';
import { isTransient, readOrder, type OrderDetails } from './order-details.js';
import { pause, withDeadline } from './pause.js';

// BSS order statuses (the spec's CustomerOrderV3.status).
const PENDING_REFUND = 2;
const PROCESSING = 3;
const CANCELLED = 4;
const COMPLETED = 5;
const PENDING_PAYMENT = 6;

export interface WaitForOrderOptions {
  /** The wait before the second poll (the first is at once); it doubles up to `maxDelayMs`. Default 2000. */
  firstDelayMs?: number;
  /** The longest wait between two polls. Default 30000. */
  maxDelayMs?: number;
  /** The whole wait, polls included. Default 600000 (10 minutes). */
  timeoutMs?: number;
  /** Ends the wait (an in-flight poll too) with reason `aborted`. */
  signal?: AbortSignal;
  /**
   * Keep waiting while the order is pending payment (6), e.g. right after paying it, until the
   * payment shows. Default false: an unpaid order ends the wait with reason `pending-payment`.
   */
  awaitPayment?: boolean;
}

/**
 * Resolves with the order and its line items once its status is 5 (completed). 2 (pending refund)
 * and 3 (processing) keep waiting, 6 (pending payment) only with `awaitPayment`; 4 (cancelled),
 * any other status, the timeout and the signal end it with an HwsecOrderWaitError. A read the
 * service refuses (4xx, e.g. an unknown order id) ends it with that HwsecApiError.
 */
export async function waitForOrder(
  bss: BssClient,
  orderId: string,
  options: WaitForOrderOptions = {},
): Promise<OrderDetails> {
  const {
    firstDelayMs = 2000,
    maxDelayMs = 30_000,
    timeoutMs = 600_000,
    signal,
    awaitPayment = false,
  } = options;
  const deadline = withDeadline(timeoutMs, signal);
  let delay = firstDelayMs;
  let status: number | undefined;
  let missed: unknown;
  const end = (reason: 'timeout' | 'aborted', cause: unknown) =>
    new HwsecOrderWaitError(
      orderId,
      reason,
      status,
      reason === 'timeout'
        ? `did not complete within ${timeoutMs} ms`
        : 'was still being waited for when the caller aborted',
      { cause },
    );
  try {
    for (;;) {
      try {
        const details = await readOrder(bss, orderId, deadline.signal);
        status = details.order.status;
        if (status === COMPLETED) return details;
        if (status === CANCELLED)
          throw new HwsecOrderWaitError(orderId, 'cancelled', status, 'was cancelled');
        const waiting =
          status === PROCESSING ||
          status === PENDING_REFUND ||
          (status === PENDING_PAYMENT && awaitPayment);
        if (!waiting)
          throw status === PENDING_PAYMENT
            ? new HwsecOrderWaitError(
                orderId,
                'pending-payment',
                status,
                'is pending payment: pay it (payOrders), then wait with awaitPayment: true',
              )
            : new HwsecOrderWaitError(
                orderId,
                'unexpected-status',
                status,
                'is in a status waitForOrder does not wait through (only 2, 3, and 6 with awaitPayment)',
              );
      } catch (error) {
        if (error instanceof HwsecOrderWaitError) throw error;
        if (deadline.signal.aborted) throw end(deadline.expired() ? 'timeout' : 'aborted', error);
        if (!isTransient(error)) throw error;
        missed = error;
      }
      try {
        await pause(delay, deadline.signal);
      } catch {
        throw end(deadline.expired() ? 'timeout' : 'aborted', missed ?? signal?.reason);
      }
      delay = Math.min(delay * 2, maxDelayMs);
    }
  } finally {
    deadline.dispose();
  }
}
