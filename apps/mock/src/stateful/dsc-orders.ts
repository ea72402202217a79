/**
 * DSC CreateProductOrder: the order is recorded and, once paid, buys an instance with the
 * ordered products. A yearly/monthly (0) or one-off (2) order waits for payment (status 6), as
 * DSC orders are paid in the Billing Center (BSS PayOrders); a pay-per-use (1) order has nothing
 * to pay up front and its instance exists at once.
 */
import { payAutomatically } from './order-payment.js';
import { answer, refused, type Simulation } from './simulation.js';
import type { DscInstancePurchase, DscProduct, Order } from './state-model.js';
import { keep } from './state-store.js';

interface ProductOrderBody {
  charging_mode: 0 | 1 | 2;
  period_type: 2 | 3;
  period_num: number;
  region_id: string;
  product_infos: Array<DscProduct & Record<string, unknown>>;
}

const PAY_PER_USE = 1;
/** DSC documents no range; the mock takes HSS's bound (1–1000), which covers every real offer. */
export const MAX_PERIOD_NUM = 1000;

export const createProductOrder: Simulation = async (store, request) => {
  const body = request.body as ProductOrderBody;
  if (
    body.charging_mode !== PAY_PER_USE &&
    (body.period_num < 1 || body.period_num > MAX_PERIOD_NUM)
  )
    return refused({
      status: 400,
      field: 'body.period_num',
      rule: `a prepaid or one-off order lasts 1–${MAX_PERIOD_NUM} periods`,
      current: `got ${body.period_num}`,
    });
  return store.change((tx) => {
    const project = tx.project(request.projectId);
    const purchase: DscInstancePurchase = {
      operation: 'CreateProductOrder',
      charging_mode: body.charging_mode,
      period_type: body.period_type,
      period_num: body.period_num,
      region_id: body.region_id,
      products: body.product_infos.map((p) => ({
        product_id: String(p.product_id),
        resource_spec_code: p.resource_spec_code,
        resource_type: p.resource_type,
        ...(p.resource_size !== undefined && { resource_size: p.resource_size }),
        ...(p.resource_size_measure_id !== undefined && {
          resource_size_measure_id: p.resource_size_measure_id,
        }),
      })),
    };
    const order: Order = {
      order_id: tx.nextOrderId(),
      status: 'pending',
      created_at: tx.now.toISOString(),
      paid_at: null,
      purchase,
    };
    project.orders.push(order);
    if (body.charging_mode === PAY_PER_USE) payAutomatically(tx, project, order);
    return keep(answer({ order_id: order.order_id }));
  });
};
