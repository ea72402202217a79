// Typed errors shared by all clients. One class per kind of failure:
// - HwsecApiError: the service answered with a non-2xx status (and its error body);
// - HwsecNetworkError: no HTTP answer (DNS, refused, reset, TLS...);
// - HwsecTimeoutError: no answer within the per-request timeout.
// Messages are built only from redacted text, and no error keeps a reference to a request's
// headers, so no message, toString(), JSON.stringify() or util.inspect() shows a secret.
import { redactSignatures, type Redactor } from './redact.js';

export type HwsecErrorKind = 'api' | 'network' | 'timeout';

export abstract class HwsecError extends Error {
  abstract readonly kind: HwsecErrorKind;
  /** The operationId (e.g. `CreateQuotasOrder`), or `METHOD /path` for a raw call. */
  readonly operation: string;

  protected constructor(message: string, operation: string, options?: { cause?: unknown }) {
    super(message, options);
    this.operation = operation;
  }

  toJSON(): Record<string, unknown> {
    const { cause: _cause, stack: _stack, ...fields } = this as unknown as Record<string, unknown>;
    return { name: this.name, message: this.message, ...fields };
  }
}

export interface ErrorBody {
  error_code?: string;
  error_msg?: string;
  request_id?: string;
  encoded_authorization_message?: string;
  /** Older gateways nest the error (api-reference §7.1). */
  error?: { code?: string; message?: string };
}

export class HwsecApiError<Body = unknown> extends HwsecError {
  override readonly name = 'HwsecApiError';
  readonly kind = 'api' as const;
  readonly status: number;
  readonly errorCode: string | undefined;
  readonly errorMsg: string | undefined;
  /** From the `X-Request-Id` response header (or the body's request_id): quote it to support. */
  readonly requestId: string | undefined;
  /** The typed error body as the service sent it (redacted strings only). */
  readonly body: Body;

  constructor(init: {
    status: number;
    operation: string;
    body: Body;
    requestId?: string | null | undefined;
    redact?: Redactor;
  }) {
    const redact = init.redact ?? redactSignatures;
    const fields = typeof init.body === 'object' && init.body !== null ? (init.body as ErrorBody) : {};
    const errorCode = fields.error_code ?? fields.error?.code;
    const rawMsg = fields.error_msg ?? fields.error?.message ?? (typeof init.body === 'string' ? init.body : undefined);
    const errorMsg = rawMsg === undefined ? undefined : redact(redactSignatures(String(rawMsg)));
    const requestId = init.requestId ?? fields.request_id ?? undefined;
    super(
      `${init.operation} failed: HTTP ${init.status}` +
        (errorCode ? ` ${errorCode}` : '') +
        (errorMsg ? `: ${errorMsg}` : '') +
        (requestId ? ` (request id ${requestId})` : ''),
      init.operation,
    );
    this.status = init.status;
    this.errorCode = errorCode;
    this.errorMsg = errorMsg;
    this.requestId = requestId;
    this.body = redactBody(init.body, (text) => redact(redactSignatures(text)));
  }
}

function redactBody<Body>(body: Body, redact: Redactor): Body {
  if (typeof body === 'string') return redact(body) as Body;
  if (typeof body !== 'object' || body === null) return body;
  return JSON.parse(redact(JSON.stringify(body))) as Body;
}

const ORDER_WARNING =
  ' The request was not idempotent and was not retried: it may or may not have been processed' +
  ' (an order may have been placed). Check before sending it again.';

export class HwsecNetworkError extends HwsecError {
  override readonly name = 'HwsecNetworkError';
  readonly kind = 'network' as const;
  /** False for reads, which are safe to repeat; true when a write may have reached the service. */
  readonly mayHaveBeenProcessed: boolean;
  readonly attempts: number;

  constructor(init: { operation: string; idempotent: boolean; attempts: number; cause: unknown; redact: Redactor }) {
    const causeText = init.cause instanceof Error ? `${init.cause.name}: ${init.cause.message}` : String(init.cause);
    super(
      `${init.operation}: network error after ${init.attempts} attempt(s): ${init.redact(redactSignatures(causeText))}.` +
        (init.idempotent ? '' : ORDER_WARNING),
      init.operation,
      { cause: sanitizeCause(init.cause, init.redact) },
    );
    this.mayHaveBeenProcessed = !init.idempotent;
    this.attempts = init.attempts;
  }
}

export class HwsecTimeoutError extends HwsecError {
  override readonly name = 'HwsecTimeoutError';
  readonly kind = 'timeout' as const;
  readonly timeoutMs: number;
  readonly mayHaveBeenProcessed: boolean;
  readonly attempts: number;

  constructor(init: { operation: string; idempotent: boolean; attempts: number; timeoutMs: number }) {
    super(
      `${init.operation}: no response within ${init.timeoutMs} ms (attempt ${init.attempts}).` +
        (init.idempotent ? '' : ORDER_WARNING),
      init.operation,
    );
    this.timeoutMs = init.timeoutMs;
    this.mayHaveBeenProcessed = !init.idempotent;
    this.attempts = init.attempts;
  }
}

/**
 * fetch implementations may quote a header value in their own errors (e.g. an invalid token
 * character), so the original error is replaced by a copy with redacted text and no nested
 * objects.
 */
function sanitizeCause(cause: unknown, redact: Redactor): Error {
  const source = cause instanceof Error ? cause : new Error(String(cause));
  const copy = new Error(redact(redactSignatures(source.message)));
  copy.name = source.name;
  const code = (source as { code?: unknown }).code ?? (source.cause as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') (copy as Error & { code?: string }).code = code;
  const inner = source.cause;
  if (inner instanceof Error) copy.message += ` (${redact(redactSignatures(`${inner.name}: ${inner.message}`))})`;
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}

export const isHwsecError = (value: unknown): value is HwsecError => value instanceof HwsecError;
