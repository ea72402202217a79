// Typed errors shared by all clients. One class per kind of failure:
// - HwsecApiError: the service answered with a non-2xx status (and its error body);
// - HwsecNetworkError: no HTTP answer (DNS, refused, reset, TLS...);
// - HwsecTimeoutError: no answer within the per-request timeout.
// Messages are built only from redacted text, and no error keeps a reference to a request's
// headers, so no message, toString(), JSON.stringify() or util.inspect() shows a secret.
// (Kept terse on purpose: this file ships in every browser bundle.)
import { redactSignatures, type Redactor } from './redact.js';

export type HwsecErrorKind = 'api' | 'network' | 'timeout' | 'config';

export abstract class HwsecError extends Error {
  abstract readonly kind: HwsecErrorKind;

  /** The operationId (e.g. `CreateQuotasOrder`), or `METHOD /path` for a raw call. */
  declare readonly operation: string;

  /** `fields` (operation, name, kind, ...) become own properties, as the subclasses declare them. */
  constructor(message: string, fields: object, options?: { cause?: unknown }) {
    super(message, options);
    Object.assign(this, fields);
  }
}

export interface ErrorBody {
  error_code?: string;
  error_msg?: string;
  request_id?: string;
  encoded_authorization_message?: string;
  /** Some gateways nest the error (api-reference §7.1). */
  error?: { code?: string; message?: string };
}

export class HwsecApiError<Body = unknown> extends HwsecError {
  declare readonly name: 'HwsecApiError';
  declare readonly kind: 'api';
  declare readonly status: number;
  declare readonly errorCode: string | undefined;
  declare readonly errorMsg: string | undefined;
  /** From the `X-Request-Id` response header (or the body's request_id): quote it to support. */
  declare readonly requestId: string | undefined;
  /** The typed error body as the service sent it, with secrets redacted. */
  declare readonly body: Body;

  constructor(
    status: number,
    operation: string,
    body: Body,
    requestId?: string | null,
    redact: Redactor = redactSignatures,
  ) {
    const safeBody = (
      typeof body === 'string'
        ? redact(body)
        : body && typeof body === 'object'
          ? JSON.parse(redact(JSON.stringify(body)))
          : body
    ) as Body;
    const fields: ErrorBody = (
      safeBody && typeof safeBody === 'object' ? safeBody : {}
    ) as ErrorBody;
    const errorCode = fields.error_code ?? fields.error?.code;
    const errorMsg =
      fields.error_msg ??
      fields.error?.message ??
      (typeof safeBody === 'string' ? safeBody : undefined);
    requestId ??= fields.request_id;
    super(
      `${operation} failed: HTTP ${status}${errorCode ? ` ${errorCode}` : ''}${errorMsg ? `: ${errorMsg}` : ''}${requestId ? ` (request id ${requestId})` : ''}`,
      {
        operation,
        name: 'HwsecApiError',
        kind: 'api',
        status,
        errorCode,
        errorMsg,
        requestId: requestId ?? undefined,
        body: safeBody,
      },
    );
  }
}

const notRetried = (idempotent: boolean) =>
  idempotent ? '' : ' Not retried: the order may or may not have been placed.';

export class HwsecNetworkError extends HwsecError {
  declare readonly name: 'HwsecNetworkError';
  declare readonly kind: 'network';
  declare readonly attempts: number;
  /** False for reads, which are safe to repeat; true when a write may have reached the service. */
  declare readonly mayHaveBeenProcessed: boolean;

  constructor(
    operation: string,
    idempotent: boolean,
    attempts: number,
    cause: unknown,
    redact: Redactor,
  ) {
    // fetch implementations may quote a header value (e.g. an invalid token character) in their
    // errors: the cause is replaced by a redacted copy holding text only.
    const source = (cause instanceof Error ? cause : {}) as Error;
    const safe = new Error(
      redact(
        `${source.name}: ${source.message}${source.cause instanceof Error ? ` (${source.cause.message})` : ''}`,
      ),
    );
    safe.stack = safe.message;
    super(
      `${operation}: network error (attempt ${attempts}): ${safe.message}.${notRetried(idempotent)}`,
      {
        operation,
        name: 'HwsecNetworkError',
        kind: 'network',
        attempts,
        mayHaveBeenProcessed: !idempotent,
      },
      { cause: safe },
    );
  }
}

export class HwsecTimeoutError extends HwsecError {
  declare readonly name: 'HwsecTimeoutError';
  declare readonly kind: 'timeout';
  declare readonly attempts: number;
  declare readonly timeoutMs: number;
  declare readonly mayHaveBeenProcessed: boolean;

  constructor(operation: string, idempotent: boolean, attempts: number, timeoutMs: number) {
    super(
      `${operation}: no response within ${timeoutMs} ms (attempt ${attempts}).${notRetried(idempotent)}`,
      {
        operation,
        name: 'HwsecTimeoutError',
        kind: 'timeout',
        attempts,
        timeoutMs,
        mayHaveBeenProcessed: !idempotent,
      },
    );
  }
}

export const isHwsecError = (value: unknown): value is HwsecError => value instanceof HwsecError;
