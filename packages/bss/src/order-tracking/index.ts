// Order tracking, written by hand beside the generated client (the generated entry re-exports
// this module): wait for an order to complete, and learn whether an ambiguous order call placed
// its order.
export { waitForOrder } from './wait-for-order.js';
export type { WaitForOrderOptions } from './wait-for-order.js';
export { reconcileOrder } from './reconcile-order.js';
export type { ReconcileOptions, ReconcileResult } from './reconcile-order.js';
export type { OrderDetails } from './order-details.js';
export { HwsecOrderWaitError, HwsecReconcileError } from './errors.js';
export type { OrderWaitEnd } from './errors.js';
