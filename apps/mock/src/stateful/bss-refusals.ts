/**
 * BSS's own codes for the refusals the simulated Billing Center makes, read from the examples
 * of PayOrders' and ShowCustomerOrderDetails' 400 answers in the BSS spec (so the code and its
 * wording are said once, there).
 */
import { listOperations, loadBundle, resolveRef, type Json } from '@hwsec/spec';
import type { ServiceErrorBody } from '../error-bodies.js';
import type { Refusal } from './refusals.js';
import type { PaymentRefusal } from './order-payment.js';

function example(operationId: string, name: string): ServiceErrorBody {
  const document = loadBundle('bss');
  const entry = listOperations(document).find((o) => o.operationId === operationId);
  const response = resolveRef(document, entry?.operation.responses?.['400']) as Json;
  const value = response?.content?.['application/json']?.examples?.[name]?.value as
    ServiceErrorBody | undefined;
  if (!value) throw new Error(`the BSS spec has no 400 example ${name} for ${operationId}`);
  return { error_code: value.error_code, error_msg: value.error_msg };
}

let codes: Record<PaymentRefusal['kind'], ServiceErrorBody> | undefined;

function paymentCodes() {
  return (codes ??= {
    'unknown-order': example('PayOrders', 'unknownOrder'),
    'not-pending': example('PayOrders', 'notPendingPayment'),
    'insufficient-balance': example('PayOrders', 'insufficientBalance'),
  });
}

export function refusalOfPayment(refusal: PaymentRefusal): Refusal {
  const code = paymentCodes()[refusal.kind];
  switch (refusal.kind) {
    case 'unknown-order':
      return {
        status: 400,
        code,
        field: 'body.order_id',
        rule: 'an order of the account',
        current: `no order ${refusal.orderId}`,
      };
    case 'not-pending':
      return {
        status: 400,
        code,
        field: 'body.order_id',
        rule: 'only an order pending payment (status 6) is paid',
        current: `order ${refusal.orderId} has status ${refusal.status}; nothing changed`,
      };
    case 'insufficient-balance':
      return {
        status: 400,
        code,
        field: 'body.order_id',
        rule: 'the balance covers the amount',
        current: `the order costs ${refusal.amount}, the balance is ${refusal.balance}; nothing changed`,
      };
  }
}

/** ShowCustomerOrderDetails of an order the account does not have. */
export function unknownOrderDetails(orderId: string): Refusal {
  return {
    status: 400,
    code: example('ShowCustomerOrderDetails', 'unknownOrder'),
    field: 'path.order_id',
    rule: 'an order of the account',
    current: `no order ${orderId}`,
  };
}
