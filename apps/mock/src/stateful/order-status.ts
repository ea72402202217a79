/**
 * An order's status as BSS reports it, at a moment of the mock's clock: 6 (pending payment)
 * until paid, then 3 (processing) until its `completes_at`, then 5 (completed); 4 once
 * cancelled. Nothing moves an order from 3 to 5 but time, so a poller sees both with no call.
 */
import type { Order } from './state-model.js';

export const PENDING_PAYMENT = 6;
export const PROCESSING = 3;
export const CANCELLED = 4;
export const COMPLETED = 5;

export type BssStatus =
  typeof PENDING_PAYMENT | typeof PROCESSING | typeof CANCELLED | typeof COMPLETED;

export function bssStatus(order: Order, now: Date): BssStatus {
  if (order.status === 'pending') return PENDING_PAYMENT;
  if (order.status === 'cancelled') return CANCELLED;
  if (order.completes_at !== undefined && Date.parse(order.completes_at) > now.getTime())
    return PROCESSING;
  return COMPLETED;
}

/** BSS's time format: UTC to the second, `2026-01-01T00:00:00Z`. */
export function bssTime(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return `${date.toISOString().slice(0, 19)}Z`;
}
