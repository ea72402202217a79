/**
 * What a paid order brings into existence, counted from the moment of payment: HSS quotas (one
 * per `subscription_num`, each with its own resource id) or a DSC instance. A SecMaster change
 * is applied when it is made, so paying it adds nothing. Only payment (order-payment.ts) calls it.
 */
import { periodEnd } from './periods.js';
import type { Order, ProjectState } from './state-model.js';
import type { Transaction } from './state-store.js';

/**
 * Marks `order` (an object of this change's own, not a stored one) paid, processing until the
 * mock's processing time has passed, and adds what it buys.
 */
export function fulfil(tx: Transaction, project: ProjectState, order: Order): void {
  const { purchase } = order;
  order.status = 'paid';
  order.paid_at = tx.now.toISOString();
  order.completes_at = new Date(tx.now.getTime() + tx.processingMs).toISOString();
  switch (purchase.operation) {
    case 'CreateQuotasOrder': {
      const expiresAt = periodEnd(tx.now, purchase.period_type, purchase.period_num).toISOString();
      for (let i = 0; i < purchase.subscription_num; i++) {
        project.hss.quotas.push({
          resource_id: tx.nextUuid(),
          version: purchase.resource_spec_code,
          charging_mode: 'packet_cycle',
          enterprise_project_id: purchase.enterprise_project_id,
          shared_quota: 'unshared',
          used: false,
          expires_at: expiresAt,
          order_id: order.order_id,
        });
      }
      return;
    }
    case 'CreateProductOrder':
      project.dsc.instances.push({
        instance_id: tx.nextUuid(),
        order_id: order.order_id,
        charging_mode: purchase.charging_mode,
        ...(purchase.region_id !== undefined && { region_id: purchase.region_id }),
        // Pay-per-use runs until released: it has no end.
        expires_at:
          purchase.charging_mode === 1
            ? null
            : periodEnd(tx.now, purchase.period_type, purchase.period_num).toISOString(),
        products: structuredClone(purchase.products),
      });
      return;
    case 'UpdateSubscriptionOrder':
      return;
  }
}
