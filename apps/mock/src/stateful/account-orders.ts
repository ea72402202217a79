/**
 * Every order of the account, whichever project it was placed in: what BSS lists, since the
 * Billing Center sees the account, not a project. Read from the durable state, oldest first per
 * project.
 */
import type { Order } from './state-model.js';
import type { StateStore } from './state-store.js';

export interface AccountOrder {
  readonly projectId: string;
  readonly order: Order;
}

export function accountOrders(store: StateStore): AccountOrder[] {
  return store
    .projectIds()
    .flatMap((projectId) => store.read(projectId).orders.map((order) => ({ projectId, order })));
}

export function findAccountOrder(store: StateStore, orderId: string): AccountOrder | undefined {
  for (const projectId of store.projectIds()) {
    const order = store.read(projectId).orders.find((o) => o.order_id === orderId);
    if (order) return { projectId, order };
  }
  return undefined;
}
