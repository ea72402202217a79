// What an order call's error carries when it may have placed the order: no Huawei API takes an
// idempotency key, so the only way to learn the outcome is to find the order again in the
// Billing Center (reconcileOrder of @hwsec/bss). That needs the request's facts, which body
// fields the spec's `x-hwsec-order` names (never a header, so never a credential), redacted like
// everything else, plus where and when the attempt was sent. Core knows no client: how BSS records
// the order (service type, line-item fields) travels along as the spec describes it.
import { HwsecError } from './errors.js';
import { redactJson, type Redactor } from './redact.js';

/** An order operation as the spec's `x-hwsec-order` describes it (generated into operations). */
export interface OrderRecord {
  /** The BSS `service_type_code` its orders are listed under. */
  readonly serviceType?: string;
  /** The BSS `order_type` values its orders have. */
  readonly orderTypes?: readonly number[];
  /** A payment: the body field naming the order it pays. */
  readonly pays?: string;
  /** Body values the request must have to be an order (SecMaster: `scene: PREPAID`). */
  readonly onlyWhen?: Readonly<Record<string, unknown>>;
  /** Body field (`a`, `a[].b`) -> the BSS line-item field recording it, or null. */
  readonly facts: Readonly<Record<string, string | null>>;
}

/** `error.order`: the attempt of an order call that may have been placed, for reconciliation. */
export interface OrderAttempt {
  /** The API id (`hss`, `dsc`, `secmaster`, `bss`). */
  readonly service: string;
  readonly operation: string;
  readonly region?: string | undefined;
  readonly projectId?: string | undefined;
  /** When the call was handed to the transport (the client's clock), ISO 8601 UTC. */
  readonly sentAt: string;
  /** The values the request body had at each of `record.facts`' fields. */
  readonly facts: Readonly<Record<string, unknown>>;
  readonly record: OrderRecord;
}

const attempts = new WeakMap<Response, OrderAttempt>();

/** The value at `a.b` / `a[].b` (an array of values) in a JSON body. */
function valueAt(node: unknown, path: string): unknown {
  const [head, ...rest] = path.split('.');
  const list = head!.endsWith('[]');
  const value = (node as Record<string, unknown> | null)?.[list ? head!.slice(0, -2) : head!];
  if (!rest.length) return value;
  return list
    ? Array.isArray(value)
      ? value.map((item) => valueAt(item, rest.join('.')))
      : undefined
    : valueAt(value, rest.join('.'));
}

/**
 * Runs `send` and puts the order's facts on its error (or, for `unwrap`, beside its response);
 * a request the record's `onlyWhen` excludes is no order and gets none.
 */
export function trackOrder<R extends { response: Response }>(
  record: OrderRecord,
  call: Omit<OrderAttempt, 'facts' | 'record' | 'sentAt'> & { body: unknown; now: Date },
  redact: Redactor,
  send: () => Promise<R>,
): Promise<R> {
  const { body, now, ...where } = call;
  for (const [field, value] of Object.entries(record.onlyWhen ?? {}))
    if (valueAt(body, field) !== value) return send();
  const facts: Record<string, unknown> = {};
  for (const field of Object.keys(record.facts)) facts[field] = valueAt(body, field);
  const attempt: OrderAttempt = {
    ...where,
    sentAt: now.toISOString(),
    facts: redactJson(facts, redact) as Record<string, unknown>,
    record,
  };
  return send().then(
    (result) => (attempts.set(result.response, attempt), result),
    (error) => {
      throw withOrder(error, attempt);
    },
  );
}

/** The order attempt a response answered, if it was one. */
export const orderAttemptOf = (response: Response) => attempts.get(response);

/** Puts `order` on an error that may have placed it (and only on such an error). */
export function withOrder<E>(error: E, attempt: OrderAttempt | undefined): E {
  if (attempt && error instanceof HwsecError && error.mayHaveBeenProcessed)
    Object.assign(error, { order: attempt });
  return error;
}
