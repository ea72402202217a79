// Typed errors shared by all clients. Every way a call can fail is one of these, with the same
// fields: `operation`, `kind`, `attempts`, `requestId` (when an answer came back) and
// `mayHaveBeenProcessed` (may the service have acted on it: an order placed?). One class per kind:
// - HwsecApiError: the service answered with a non-2xx status (and its error body);
// - HwsecNetworkError: no complete HTTP answer (DNS, refused, reset, TLS, cut off mid-body...);
// - HwsecTimeoutError: no complete answer within `timeoutMs` (the body included);
// - HwsecRedirectError: a 3xx that was not followed (orders never are; reads only same-origin);
// - HwsecResponseError: a 2xx whose body is not the JSON it must be;
// - HwsecAbortError: the caller's signal aborted the call;
// - HwsecInputError: a call refused before sending (a value the types forbid);
// - HwsecConfigError (config-error.ts): a client that cannot work as configured;
// - HwsecLookupError (lookup-error.ts): a project or account id IAM could not give; not sent.
// Messages are built only from redacted text, and no error keeps a reference to a request's
// headers, so no message, toString(), JSON.stringify() or util.inspect() shows a secret.
// (Kept terse on purpose: this file ships in every browser bundle.)
import type { OrderAttempt } from './order-facts.js';
import { redactJson, redactSignatures, type Redactor } from './redact.js';

export type HwsecErrorKind =
  'api' | 'network' | 'timeout' | 'redirect' | 'response' | 'abort' | 'input' | 'config' | 'lookup';

export abstract class HwsecError extends Error {
  abstract readonly kind: HwsecErrorKind;

  /** The operationId (e.g. `CreateQuotasOrder`), or `METHOD /path` for a raw call. */
  declare readonly operation: string;
  /**
   * True when the service may have acted on the call (an order may have been placed): check
   * before placing it again. False when the request provably never left, when the service
   * refused it (4xx), and for reads (GET/HEAD change nothing).
   */
  declare readonly mayHaveBeenProcessed: boolean;
  /** The attempt that failed (1 for the first; reads may make several). Absent for config errors. */
  declare readonly attempts?: number;
  /** The `X-Request-Id` the answer carried (or its body's request_id): quote it to support. */
  declare readonly requestId?: string | undefined;
  /**
   * Set when `mayHaveBeenProcessed` is true on an order call (the spec's `x-hwsec-order`): the
   * service, operation, region, project, send time and the request body's order facts that
   * `reconcileOrder` of @hwsec/bss needs to find the order again. Never a header or a secret.
   */
  declare readonly order?: OrderAttempt;

  /** `fields` (operation, name, kind, ...) become own properties, as the subclasses declare them. */
  constructor(message: string, fields: object, options?: { cause?: unknown }) {
    super(message, options);
    Object.assign(this, fields);
  }
}

/** What a failed call knows about itself, gathered by the transport. */
export interface CallState {
  operation: string;
  /** GET/HEAD: repeatable and without effect. */
  idempotent: boolean;
  attempts: number;
  requestId?: string | undefined;
}

/** The sentence every order error ends with, so no reader has to guess. */
const outcome = (call: CallState, processed: boolean) =>
  call.idempotent
    ? ''
    : processed
      ? ' Not retried: the order may or may not have been placed.'
      : ' Nothing was placed.';

const id = (call: CallState) => (call.requestId ? ` (request id ${call.requestId})` : '');

/** The common own fields of errors raised for a call (flag false for reads). */
const callFields = (call: CallState, name: string, kind: string, processed: boolean) => ({
  operation: call.operation,
  name,
  kind,
  attempts: call.attempts,
  requestId: call.requestId,
  mayHaveBeenProcessed: processed && !call.idempotent,
});

export interface ErrorBody {
  error_code?: string;
  error_msg?: string;
  request_id?: string;
  encoded_authorization_message?: string;
  /** Some gateways nest the error under `error`. */
  error?: { code?: string; message?: string };
}

export class HwsecApiError<Body = unknown> extends HwsecError {
  declare readonly name: 'HwsecApiError';
  declare readonly kind: 'api';
  declare readonly status: number;
  declare readonly errorCode: string | undefined;
  declare readonly errorMsg: string | undefined;
  declare readonly requestId: string | undefined;
  declare readonly attempts: number;
  /** The typed error body as the service sent it, with secrets redacted. */
  declare readonly body: Body;

  constructor(
    status: number,
    operation: string | CallState,
    body: Body,
    requestId?: string | null,
    redact: Redactor = redactSignatures,
  ) {
    const call: CallState =
      typeof operation === 'string' ? { operation, idempotent: false, attempts: 1 } : operation;
    const safeBody = redactJson(body, redact) as Body;
    const fields: ErrorBody = (
      safeBody && typeof safeBody === 'object' ? safeBody : {}
    ) as ErrorBody;
    const errorCode = fields.error_code ?? fields.error?.code;
    const errorMsg =
      fields.error_msg ??
      fields.error?.message ??
      (typeof safeBody === 'string' ? safeBody : undefined);
    const rid = requestId ?? call.requestId ?? fields.request_id;
    // A 4xx is the service refusing the call; a 5xx (even a gateway's 502/504) may follow a
    // placed order.
    const processed = status >= 500;
    super(
      `${call.operation} failed: HTTP ${status}${errorCode ? ` ${errorCode}` : ''}${errorMsg ? `: ${errorMsg}` : ''}${rid ? ` (request id ${rid})` : ''}.${outcome(call, processed)}`,
      {
        ...callFields({ ...call, requestId: rid ?? undefined }, 'HwsecApiError', 'api', processed),
        status,
        errorCode,
        errorMsg,
        body: safeBody,
      },
    );
  }
}

export class HwsecNetworkError extends HwsecError {
  declare readonly name: 'HwsecNetworkError';
  declare readonly kind: 'network';
  declare readonly attempts: number;

  constructor(call: CallState, cause: unknown, redact: Redactor, processed: boolean) {
    // fetch implementations may quote a header value (e.g. an invalid token character) in their
    // errors: the cause is replaced by a redacted copy holding text only.
    const safe = new Error(redact(describe(cause)));
    safe.stack = safe.message;
    super(
      `${call.operation}: network error (attempt ${call.attempts}): ${safe.message}${id(call)}.${outcome(call, processed)}`,
      callFields(call, 'HwsecNetworkError', 'network', processed),
      { cause: safe },
    );
  }
}

/** `Name: message (cause's message, code)`, a few levels deep. */
export function describe(error: unknown): string {
  let text = '';
  for (let depth = 0, e = error as any; e && depth < 4; depth++, e = e.cause) {
    const code = typeof e.code === 'string' ? ` ${e.code}` : '';
    const part = e instanceof Error ? `${e.name}: ${e.message}${code}` : String(e);
    text += depth ? ` (${part})` : part;
  }
  return text;
}

export class HwsecTimeoutError extends HwsecError {
  declare readonly name: 'HwsecTimeoutError';
  declare readonly kind: 'timeout';
  declare readonly attempts: number;
  declare readonly timeoutMs: number;

  /** `sent`: false when the time ran out before the request was handed to fetch. */
  constructor(call: CallState, timeoutMs: number, sent: boolean) {
    super(
      `${call.operation}: no complete answer within ${timeoutMs} ms (attempt ${call.attempts})${id(call)}.${outcome(call, sent)}`,
      { ...callFields(call, 'HwsecTimeoutError', 'timeout', sent), timeoutMs },
    );
  }
}

export class HwsecRedirectError extends HwsecError {
  declare readonly name: 'HwsecRedirectError';
  declare readonly kind: 'redirect';
  declare readonly attempts: number;
  /** 0 when a browser hides the redirect (an opaque redirect). */
  declare readonly status: number;
  /** The `Location` asked for, when the runtime lets us read it. */
  declare readonly location: string | undefined;

  constructor(call: CallState, status: number, location: string | undefined, why: string) {
    super(
      `${call.operation}: redirect${status ? ` ${status}` : ''} ${location ? `to ${location} ` : ''}not followed: ${why}${id(call)}.${outcome(call, true)}`,
      { ...callFields(call, 'HwsecRedirectError', 'redirect', true), status, location },
    );
  }
}

export class HwsecResponseError extends HwsecError {
  declare readonly name: 'HwsecResponseError';
  declare readonly kind: 'response';
  declare readonly attempts: number;
  declare readonly status: number;

  constructor(call: CallState, status: number) {
    // The body itself is not quoted: it may echo anything.
    super(
      `${call.operation}: HTTP ${status} with a body that is not valid JSON${id(call)}.${outcome(call, true)}`,
      { ...callFields(call, 'HwsecResponseError', 'response', true), status },
    );
  }
}

export class HwsecAbortError extends HwsecError {
  declare readonly name: 'HwsecAbortError';
  declare readonly kind: 'abort';
  declare readonly attempts: number;

  /** `sent`: whether the request may have left before the caller aborted. */
  constructor(call: CallState, reason: unknown, redact: Redactor, sent: boolean) {
    const safe = redact(reason instanceof Error ? reason.message : String(reason));
    super(
      `${call.operation}: aborted by the caller: ${safe}${id(call)}.${outcome(call, sent)}`,
      callFields(call, 'HwsecAbortError', 'abort', sent),
      { cause: safe },
    );
  }
}

export class HwsecInputError extends HwsecError {
  declare readonly name: 'HwsecInputError';
  declare readonly kind: 'input';
  /** Where the bad value is, e.g. `params.path.project_id` or `body.period_num`. */
  declare readonly field: string;
  /** What the value must be. */
  declare readonly rule: string;
  declare readonly mayHaveBeenProcessed: false;

  constructor(operation: string, field: string, rule: string) {
    super(`${operation}: ${field} must be ${rule}. Nothing was sent.`, {
      operation,
      name: 'HwsecInputError',
      kind: 'input',
      field,
      rule,
      attempts: 0,
      mayHaveBeenProcessed: false,
    });
  }
}

export const isHwsecError = (value: unknown): value is HwsecError => value instanceof HwsecError;
