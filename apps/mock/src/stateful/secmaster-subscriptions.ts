/**
 * SecMaster UpdateSubscriptionOrder over the project's subscriptions. Each product of the
 * request names a subscription by `resource_id`; every product is checked before any is changed,
 * so a request is applied whole or not at all. The rules, in the order they are checked:
 *
 * - the subscription exists (else 404);
 * - POSTPAID_2_PREPAID only from POSTPAID;
 * - `scene` is how the subscription is billed now;
 * - UPGRADE only to a higher spec (basic < standard < professional); the other changes keep it;
 * - ADDITION and DECREASE need `resource_size`; ADDITION must raise it, DECREASE lower it, and
 *   never below the project's ECS count (nor may an UPGRADE that sets it);
 *   POSTPAID_2_PREPAID keeps it.
 *
 * A success answers `order_status` 1, plus an `order_id` when `scene` is PREPAID: that change is
 * recorded as an order, paid at once from the account's balance (left waiting for payment when
 * the balance is too low; the change itself is made either way).
 */
import { answer, refused, type Simulation } from './simulation.js';
import type { Refusal } from './refusals.js';
import type { SecMasterOperation, SecMasterScene, SecMasterSubscription } from './state-model.js';
import { discard, keep } from './state-store.js';
import { payAutomatically } from './order-payment.js';
import type { Order } from './state-model.js';

/** From lowest to highest; an UPGRADE moves up this list only. */
export const SECMASTER_SPECS = [
  'secmaster.basic',
  'secmaster.standard',
  'secmaster.professional',
] as const;

interface UpdateBody {
  scene: SecMasterScene;
  operate_type: SecMasterOperation;
  product_list?: Array<{
    resource_id: string;
    resource_spec_code: string;
    resource_size?: number;
    resource_type?: string;
  }>;
}

const ORDER_STATUS_SUCCEEDED = 1;

function checkProduct(
  body: UpdateBody,
  index: number,
  subscription: SecMasterSubscription | undefined,
  ecsCount: number,
): Refusal | undefined {
  const product = body.product_list![index]!;
  const at = `body.product_list[${index}]`;
  const bad = (field: string, rule: string, current: string): Refusal => ({
    status: 400,
    field: `${at}.${field}`,
    rule,
    current,
  });
  if (!subscription)
    return {
      status: 404,
      field: `${at}.resource_id`,
      rule: 'the project has this subscription',
      current: `no subscription ${product.resource_id} in this project`,
    };
  const { operate_type: operation } = body;
  if (operation === 'POSTPAID_2_PREPAID' && subscription.scene !== 'POSTPAID')
    return {
      status: 400,
      field: 'body.operate_type',
      rule: 'POSTPAID_2_PREPAID only from POSTPAID',
      current: `current scene ${subscription.scene}`,
    };
  if (body.scene !== subscription.scene)
    return {
      status: 400,
      field: 'body.scene',
      rule: 'scene is how the subscription is billed now',
      current: `current scene ${subscription.scene}`,
    };
  const currentSpec = `current resource_spec_code ${subscription.resource_spec_code}`;
  const rank = (SECMASTER_SPECS as readonly string[]).indexOf(product.resource_spec_code);
  if (rank < 0)
    return bad(
      'resource_spec_code',
      `a known spec (${SECMASTER_SPECS.join(', ')})`,
      `got ${product.resource_spec_code}; ${currentSpec}`,
    );
  const currentRank = (SECMASTER_SPECS as readonly string[]).indexOf(
    subscription.resource_spec_code,
  );
  if (operation === 'UPGRADE' && rank <= currentRank)
    return bad('resource_spec_code', 'UPGRADE only to a higher spec', currentSpec);
  if (operation !== 'UPGRADE' && rank !== currentRank)
    return bad('resource_spec_code', `${operation} keeps the spec`, currentSpec);

  const size = product.resource_size;
  const currentSize = `current resource_size ${subscription.resource_size}`;
  if ((operation === 'ADDITION' || operation === 'DECREASE') && size === undefined)
    return bad('resource_size', `${operation} needs resource_size`, currentSize);
  if (operation === 'ADDITION' && size! <= subscription.resource_size)
    return bad('resource_size', 'ADDITION must raise resource_size', currentSize);
  if (operation === 'DECREASE' && size! >= subscription.resource_size)
    return bad('resource_size', 'DECREASE must lower resource_size', currentSize);
  if (
    operation === 'POSTPAID_2_PREPAID' &&
    size !== undefined &&
    size !== subscription.resource_size
  )
    return bad('resource_size', 'POSTPAID_2_PREPAID keeps resource_size', currentSize);
  if (size !== undefined && size !== subscription.resource_size && size < Math.max(1, ecsCount))
    return bad(
      'resource_size',
      'resource_size at least 1 and not below the ECS count of the project',
      `the project has ${ecsCount} ECS; ${currentSize}`,
    );
  return undefined;
}

export const updateSubscriptionOrder: Simulation = async (store, request) => {
  const body = request.body as UpdateBody;
  if (!body.product_list || body.product_list.length === 0)
    return refused({
      status: 400,
      field: 'body.product_list',
      rule: 'a change names at least one subscription',
      current: 'product_list is missing or empty',
    });
  return store.change((tx) => {
    const project = tx.project(request.projectId);
    const { subscriptions, ecs_count: ecsCount } = project.secmaster;
    const seen = new Set<string>();
    for (const [index, product] of body.product_list!.entries()) {
      if (seen.has(product.resource_id))
        return discard(
          refused({
            status: 400,
            field: `body.product_list[${index}].resource_id`,
            rule: 'each subscription once per change',
            current: `${product.resource_id} is named twice`,
          }),
        );
      seen.add(product.resource_id);
      const subscription = subscriptions.find((s) => s.resource_id === product.resource_id);
      const refusal = checkProduct(body, index, subscription, ecsCount);
      if (refusal) return discard(refused(refusal));
    }
    for (const product of body.product_list!) {
      // Stored items are shared with the committed state: replaced, never edited.
      const index = subscriptions.findIndex((s) => s.resource_id === product.resource_id);
      const subscription = { ...subscriptions[index]! };
      subscriptions[index] = subscription;
      subscription.resource_spec_code = product.resource_spec_code;
      if (product.resource_size !== undefined) subscription.resource_size = product.resource_size;
      if (product.resource_type !== undefined) subscription.resource_type = product.resource_type;
      if (body.operate_type === 'POSTPAID_2_PREPAID') subscription.scene = 'PREPAID';
    }
    if (body.scene !== 'PREPAID') return keep(answer({ order_status: ORDER_STATUS_SUCCEEDED }));
    const order: Order = {
      order_id: tx.nextOrderId(),
      status: 'pending',
      created_at: tx.now.toISOString(),
      paid_at: null,
      purchase: {
        operation: 'UpdateSubscriptionOrder',
        operate_type: body.operate_type,
        resource_ids: body.product_list!.map((p) => p.resource_id),
      },
    };
    project.orders.push(order);
    payAutomatically(tx, project, order);
    return keep(answer({ order_id: order.order_id, order_status: ORDER_STATUS_SUCCEEDED }));
  });
};
