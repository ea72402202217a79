/**
 * Paying an order from the account's balance, the one way an order gets paid: BSS PayOrders, and
 * the services' own automatic payment (HSS `is_auto_pay`, a SecMaster PREPAID change). Only an
 * order waiting for payment (status 6) is paid, only when the balance covers its amount; paying
 * takes the amount off the balance and brings into existence what the order bought
 * (purchases.ts). A refused payment changes nothing.
 */
import { fulfil } from './purchases.js';
import { amountOf } from './order-pricing.js';
import { bssStatus, type BssStatus } from './order-status.js';
import type { Order, ProjectState } from './state-model.js';
import type { Transaction } from './state-store.js';

export type PaymentRefusal =
  | { readonly kind: 'unknown-order'; readonly orderId: string }
  | { readonly kind: 'not-pending'; readonly orderId: string; readonly status: BssStatus }
  | {
      readonly kind: 'insufficient-balance';
      readonly orderId: string;
      readonly amount: number;
      readonly balance: number;
    };

const cents = (amount: number) => Math.round(amount * 100) / 100;

/** Takes `amount` off the balance; false (and nothing taken) when the balance is lower. */
function charge(tx: Transaction, amount: number): boolean {
  const account = tx.account();
  if (account.balance < amount) return false;
  account.balance = cents(account.balance - amount);
  return true;
}

/** Pays the order with this id; what refused it, or undefined once it is paid. */
export function payOrder(tx: Transaction, orderId: string): PaymentRefusal | undefined {
  const found = tx.findOrder(orderId);
  if (!found) return { kind: 'unknown-order', orderId };
  if (found.order.status !== 'pending')
    return { kind: 'not-pending', orderId, status: bssStatus(found.order, tx.now) };
  const amount = amountOf(found.order.purchase);
  const project = tx.project(found.projectId);
  const index = project.orders.findIndex((o) => o.order_id === orderId);
  if (!charge(tx, amount))
    return { kind: 'insufficient-balance', orderId, amount, balance: tx.account().balance };
  // Stored items are shared with the committed state: replaced, never edited.
  const order = { ...project.orders[index]! };
  project.orders[index] = order;
  fulfil(tx, project, order);
  return undefined;
}

/**
 * A service's automatic payment of an order it just placed (`order` is the change's own object):
 * paid when the balance covers it, else left waiting for payment, as the Billing Center leaves an
 * order whose automatic payment failed.
 */
export function payAutomatically(tx: Transaction, project: ProjectState, order: Order): void {
  if (charge(tx, amountOf(order.purchase))) fulfil(tx, project, order);
}
