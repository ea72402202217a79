// The typed errors of order tracking. Each names the order (or the call) and says what happened
// to the order, so no reader has to guess whether money was spent.

export type OrderWaitEnd =
  'cancelled' | 'pending-payment' | 'unexpected-status' | 'timeout' | 'aborted';

/** waitForOrder ended without the order completing (status 5). */
export class HwsecOrderWaitError extends Error {
  declare readonly name: 'HwsecOrderWaitError';
  readonly orderId: string;
  readonly reason: OrderWaitEnd;
  /** The order's last status seen (undefined if no poll answered). */
  readonly status: number | undefined;

  constructor(
    orderId: string,
    reason: OrderWaitEnd,
    status: number | undefined,
    detail: string,
    options?: { cause?: unknown },
  ) {
    const last = status === undefined ? 'no status read' : `status ${status}`;
    super(`waitForOrder: order ${orderId} ${detail} (${last}).`, options);
    Object.defineProperty(this, 'name', { value: 'HwsecOrderWaitError' });
    this.orderId = orderId;
    this.reason = reason;
    this.status = status;
  }
}

/** reconcileOrder was given an error whose outcome was never in doubt, or no order call's. */
export class HwsecReconcileError extends Error {
  declare readonly name: 'HwsecReconcileError';
  /** The failed call's operation, when the error names one. */
  readonly operation: string | undefined;
  readonly reason: 'not-ambiguous' | 'not-an-order';

  constructor(
    operation: string | undefined,
    reason: 'not-ambiguous' | 'not-an-order',
    detail: string,
  ) {
    super(`reconcileOrder: ${operation ?? 'the error'} ${detail}`);
    Object.defineProperty(this, 'name', { value: 'HwsecReconcileError' });
    this.operation = operation;
    this.reason = reason;
  }
}
