// The `fetch` of the by-path client (path-client.ts): the attempt loop. Per call it builds the request once
// (build-request.ts), sends attempts (send-attempt.ts: timeout, redirects, body, error mapping)
// and retries reads only (retry.ts). It calls the real fetch with a plain (url, init), which is
// much cheaper than passing a Request.
// (Written compactly on purpose: it ships in every browser bundle.)
import { logAttempt } from './attempt-log.js';
import { createRequestBuilder } from './build-request.js';
import {
  resolveTransportConfig,
  type TransportConfig,
  type TransportOptions,
} from './client-config.js';
import { secretsOf } from './credentials.js';
import { HwsecAbortError, HwsecError, HwsecInputError, type CallState } from './errors.js';
import type { PlainRequest } from './plain-request.js';
import { createRedactor, type Redactor } from './redact.js';
import { rememberResponse } from './response-context.js';
import { RETRYABLE_STATUSES, delayAfterStatus, backoffDelay, isIdempotent } from './retry.js';
import { sendAttempt } from './send-attempt.js';
import { defaultFetch } from '#fetch';
import type { FetchLike } from './fetch/types.js';

export type { FetchLike, TransportOptions };

/**
 * Receives the PlainRequest the by-path client builds. (A middleware may only hand back that
 * same class, so a real Request never arrives here; middlewares change headers in place on
 * `request.headers`.)
 */
export type Transport = (request: PlainRequest) => Promise<Response>;

/** A transport on its own (a client makes one from its resolved config). */
export function createTransport(options: TransportOptions): {
  transport: Transport;
  redact: Redactor;
} {
  return transportFor(resolveTransportConfig(options));
}

export function transportFor(config: TransportConfig): { transport: Transport; redact: Redactor } {
  const { credentials, clock, logger, timeoutMs, retry: policy } = config;
  const builder = createRequestBuilder(config);
  const fetch: FetchLike = config.fetch ?? defaultFetch;
  const redact = createRedactor(secretsOf(credentials));
  const context = { fetch, timeoutMs, redact };

  async function transport({ url, method, headers: given, init }: PlainRequest): Promise<Response> {
    const idempotent = isIdempotent(method);
    const operation = init.hwsecOperation ?? `${method} ${url.split('?')[0]}`;
    const call: CallState = { operation, idempotent, attempts: 0 };
    const signal = init.signal ?? undefined;
    if (signal !== undefined && !(signal instanceof AbortSignal))
      throw new HwsecInputError(operation, 'signal', 'an AbortSignal');
    const body = init.body ?? null;
    if (body !== null && typeof body !== 'string')
      throw new HwsecInputError(operation, 'body', 'JSON (serialized by the client)');
    const headers = builder.headers(operation, given, init.hwsecProjectId);
    const request = {
      method,
      url,
      body,
      init,
      signal,
      headersFor: (to: string) => builder.attempt(method, to, headers, body),
    };
    const wait = async (ms: number) => {
      try {
        await policy.sleep(ms, signal);
      } catch (error) {
        // A read that waits has no effect to reconcile: nothing was placed.
        throw signal?.aborted ? new HwsecAbortError(call, signal.reason, redact, false) : error;
      }
    };

    for (let attempt = 1; ; attempt++) {
      call.attempts = attempt;
      call.requestId = undefined;
      // Only reads are retried: an order is never sent twice by this code.
      const canRetry = idempotent && attempt < policy.maxAttempts;
      let response: Response;
      const started = logger && performance.now();
      const log = (status: number | undefined, outcome: string) =>
        logAttempt(
          logger!,
          {
            operation,
            method,
            path: url.split('?')[0]!.replace(/^[a-z]+:\/\/[^/]*/i, ''),
            status,
            outcome,
            durationMs: Math.round(performance.now() - started!),
            attempt,
            requestId: call.requestId,
          },
          redact,
        );
      try {
        response = await sendAttempt(request, call, context);
        if (logger) log(response.status, 'ok');
      } catch (error) {
        const kind = (error as HwsecError).kind;
        if (logger) log((error as { status?: number }).status, kind ?? 'error');
        if (canRetry && (kind === 'network' || kind === 'timeout')) {
          await wait(backoffDelay(policy, attempt));
          continue;
        }
        throw error;
      }
      if (canRetry && RETRYABLE_STATUSES.includes(response.status)) {
        const delay = delayAfterStatus(
          policy,
          attempt,
          response.headers.get('Retry-After'),
          clock().getTime(),
        );
        if (delay !== undefined) {
          await wait(delay);
          continue;
        }
      }
      rememberResponse(response, { ...call, redact });
      return response;
    }
  }

  return { transport, redact };
}
