// "Was my order placed?" after an ambiguous failure. No Huawei order API takes an idempotency key,
// so the only answer is to find the order: list the account's orders of the service created
// between the attempt (less a clock-skew margin) and now, open each and compare its line items
// with the facts the request had (they travel on the error: `error.order`, from the spec's
// x-hwsec-order). A payment (PayOrders) is answered by the paid order's status. BSS may list a
// new order, or show a payment, some time after the call: a 'not-placed' is only answered once
// `settleMs` has passed without a sign of it.
import { HwsecError, unwrap, type OrderAttempt } from '@hwsec/core';
import type { BssClient } from '../generated/client.js';
import type { CustomerOrderV2 } from '../generated/schemas.js';
import { HwsecReconcileError } from './errors.js';
import { PAGE_SIZE, readOrder, type OrderDetails } from './order-details.js';
import { pause } from './pause.js';

// BSS order statuses that mean a payment did not go through (the spec's CustomerOrderV3.status):
// pending approval, cancelled, pending payment, pending confirmation.
const UNPAID = [1, 4, 6, 9];
/** ListCustomerOrders' create_time window may span one year at most; 365 days is within it. */
const MAX_WINDOW_MS = 365 * 24 * 3600 * 1000;

/**
 * `uncompared`: the request's facts (body fields, e.g. `resource_spec_code`, HSS's edition) that
 * BSS's line items keep no copy of (null in the spec's `x-hwsec-order`), so no order could be told
 * apart by them: an order that differs only in those, placed in the same window, matches too.
 * Empty for a payment, whose order is named by its id.
 */
export type ReconcileResult =
  | { outcome: 'placed'; order: OrderDetails; uncompared: readonly string[] }
  | { outcome: 'not-placed' }
  | { outcome: 'ambiguous'; orders: OrderDetails[]; uncompared: readonly string[] };

export interface ReconcileOptions {
  /** How far the service's clock may be behind ours (widens the window). Default 300000 (5 min). */
  clockSkewMs?: number;
  /** How long to wait for BSS to list the order (or show the payment) before answering 'not-placed'. Default 120000. */
  settleMs?: number;
  /** The wait between two looks while settling. Default 5000. */
  pollDelayMs?: number;
  signal?: AbortSignal;
}

/**
 * Answers 'placed' (with the one order that matches, or the paid order), 'ambiguous' (several
 * orders match: identical purchases in one window cannot be told apart, and this says so instead
 * of guessing) or 'not-placed'; 'placed' and 'ambiguous' name the facts that were not compared. Refuses (HwsecReconcileError) an error whose call provably placed
 * nothing (`mayHaveBeenProcessed` false) and one of a call that is not an order.
 */
export async function reconcileOrder(
  bss: BssClient,
  error: unknown,
  options: ReconcileOptions = {},
): Promise<ReconcileResult> {
  const attempt = ambiguousAttempt(error);
  const { clockSkewMs = 300_000, settleMs = 120_000, pollDelayMs = 5000, signal } = options;
  const settled = Date.now() + settleMs;
  for (;;) {
    const answer = attempt.record.pays
      ? await paymentOutcome(bss, attempt, signal)
      : await matchingOrders(bss, attempt, clockSkewMs, signal);
    const left = settled - Date.now();
    if (answer.outcome !== 'not-placed' || left <= 0) return answer;
    await pause(Math.min(pollDelayMs, left), signal);
  }
}

function ambiguousAttempt(error: unknown): OrderAttempt {
  if (!(error instanceof HwsecError))
    throw new HwsecReconcileError(
      undefined,
      'not-ambiguous',
      'is not an HwsecError of a client call.',
    );
  if (!error.mayHaveBeenProcessed)
    throw new HwsecReconcileError(
      error.operation,
      'not-ambiguous',
      `failed with mayHaveBeenProcessed false: nothing was placed, so there is nothing to reconcile.`,
    );
  if (!error.order)
    throw new HwsecReconcileError(
      error.operation,
      'not-an-order',
      'is not an order call (no x-hwsec-order in its spec, or a request that places no order, such as a SecMaster POSTPAID change): no BSS order records it.',
    );
  return error.order;
}

async function paymentOutcome(
  bss: BssClient,
  attempt: OrderAttempt,
  signal?: AbortSignal,
): Promise<ReconcileResult> {
  const order = await readOrder(bss, String(attempt.facts[attempt.record.pays!]), signal);
  return UNPAID.includes(order.order.status ?? -1)
    ? { outcome: 'not-placed' }
    : { outcome: 'placed', order, uncompared: [] };
}

async function matchingOrders(
  bss: BssClient,
  attempt: OrderAttempt,
  clockSkewMs: number,
  signal?: AbortSignal,
): Promise<ReconcileResult> {
  const matches: OrderDetails[] = [];
  const { compared, uncompared } = comparableFacts(attempt);
  for (const candidate of await listCandidates(bss, attempt, clockSkewMs, signal)) {
    const details = await readOrder(bss, candidate.order_id!, signal);
    if (matchesFacts(details, attempt, compared)) matches.push(details);
  }
  if (matches.length === 0) return { outcome: 'not-placed' };
  return matches.length === 1
    ? { outcome: 'placed', order: matches[0]!, uncompared }
    : { outcome: 'ambiguous', orders: matches, uncompared };
}

/** Every order of the service created in [sentAt - skew, now + skew], one year per list at most. */
async function listCandidates(
  bss: BssClient,
  attempt: OrderAttempt,
  clockSkewMs: number,
  signal?: AbortSignal,
): Promise<CustomerOrderV2[]> {
  const found = new Map<string, CustomerOrderV2>();
  const begin = Date.parse(attempt.sentAt) - clockSkewMs;
  const end = Date.now() + clockSkewMs;
  for (let from = begin; from <= end; from += MAX_WINDOW_MS) {
    const to = Math.min(end, from + MAX_WINDOW_MS - 1000);
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const data = unwrap(
        await bss.listCustomerOrders({
          params: {
            query: {
              service_type_code: attempt.record.serviceType!,
              create_time_begin: bssTime(from, Math.floor),
              create_time_end: bssTime(to, Math.ceil),
              limit: PAGE_SIZE,
              offset,
            },
          },
          signal,
        }),
      );
      const page = data.order_infos ?? [];
      for (const order of page) {
        const types = attempt.record.orderTypes;
        if (
          order.order_id &&
          (!types || order.order_type === undefined || types.includes(order.order_type))
        )
          found.set(order.order_id, order);
      }
      if (page.length === 0 || offset + page.length >= (data.total_count ?? 0)) break;
    }
  }
  return [...found.values()];
}

/** `yyyy-MM-ddTHH:mm:ssZ`, whole seconds rounded outwards (BSS takes no fractions). */
const bssTime = (ms: number, round: (x: number) => number) =>
  new Date(round(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The facts a line item can be compared on (fact -> line-item field), and the others: those BSS
 * keeps no copy of (null in x-hwsec-order, e.g. the spec code) and those of a list in the body
 * (`a[].b`), whose items need not map one to one onto line items.
 */
function comparableFacts(attempt: OrderAttempt) {
  const compared: Array<[string, string]> = [];
  const uncompared: string[] = [];
  for (const [fact, field] of Object.entries(attempt.record.facts))
    if (field === null || fact.includes('[]')) uncompared.push(fact);
    else compared.push([fact, field]);
  return { compared, uncompared };
}

/** Some line item records every compared fact with the value sent. */
function matchesFacts(
  { lineItems }: OrderDetails,
  attempt: OrderAttempt,
  compared: ReadonlyArray<[string, string]>,
): boolean {
  return lineItems.some((item) =>
    compared.every(
      ([fact, field]) => (item as Record<string, unknown>)[field] === attempt.facts[fact],
    ),
  );
}
