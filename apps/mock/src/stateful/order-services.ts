/**
 * Which service an order was placed through, and what BSS calls it: the API whose spec has the
 * purchase's operation, its `x-hwsec-service-type-code` and its title, all read from
 * `@hwsec/spec`. And the kind of order BSS files it as (`order_type`).
 */
import { listOperations, loadBundle, readApiRegistry, type ApiEntry } from '@hwsec/spec';
import type { Purchase } from './state-model.js';

const NEW_PURCHASE = 1;
const CHANGE = 3;
const PAY_PER_USE_TO_YEARLY = 11;

let byOperation: Map<string, ApiEntry> | undefined;

export function serviceOf(purchase: Purchase): ApiEntry {
  if (!byOperation) {
    byOperation = new Map();
    for (const api of readApiRegistry().apis)
      for (const { operationId } of listOperations(loadBundle(api.id)))
        if (operationId !== undefined) byOperation.set(operationId, api);
  }
  const api = byOperation.get(purchase.operation);
  if (!api) throw new Error(`no registered API has the operation ${purchase.operation}`);
  return api;
}

export function serviceTypeCodeOf(purchase: Purchase): string {
  const api = serviceOf(purchase);
  if (api.serviceTypeCode === undefined)
    throw new Error(`${api.name} places orders, yet its spec has no x-hwsec-service-type-code`);
  return api.serviceTypeCode;
}

export function orderTypeOf(purchase: Purchase): number {
  if (purchase.operation !== 'UpdateSubscriptionOrder') return NEW_PURCHASE;
  return purchase.operate_type === 'POSTPAID_2_PREPAID' ? PAY_PER_USE_TO_YEARLY : CHANGE;
}
