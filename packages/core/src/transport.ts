// The `fetch` handed to openapi-fetch. Per call it adds the headers Huawei's SDK adds, signs
// (AK/SK) or attaches the token, enforces the timeout, retries reads only, and calls the real
// fetch with a plain (url, init), which is much cheaper than passing a Request.
// (Written compactly on purpose: it ships in every browser bundle.)
import { isAkSk, secretsOf, type Credentials } from './credentials.js';
import { HwsecNetworkError, HwsecTimeoutError } from './errors.js';
import type { PlainRequest } from './plain-request.js';
import { createRedactor, type Redactor } from './redact.js';
import { rememberResponse } from './response-context.js';
import {
  RETRYABLE_STATUSES,
  delayAfterStatus,
  backoffDelay,
  isIdempotent,
  resolveRetryPolicy,
  type RetryOptions,
} from './retry.js';
import { createAkSkSigner } from './signer/aksk-signer.js';
import { formatSdkDate } from './signer/sdk-date.js';
import { defaultFetch } from '#fetch';
import type { FetchLike } from './fetch/types.js';

export type { FetchLike };

export interface TransportOptions {
  credentials: Credentials;
  /** Sent as `X-Project-Id` on AK/SK requests, as the official SDK does. */
  projectId?: string | undefined;
  /**
   * The real fetch. Default: on Node, node:http/node:https keep-alive agents (about twice as fast
   * as the built-in fetch; `fetch: globalThis.fetch` opts back into it); elsewhere the global
   * `fetch`, looked up per call.
   */
  fetch?: FetchLike | undefined;
  /** Per attempt, until the response headers arrive. Default 30000; 0 disables. */
  timeoutMs?: number | undefined;
  retry?: RetryOptions | false | undefined;
  /** Sent as `User-Agent` (not signed, as in the official SDK). Browsers may ignore it. */
  userAgent?: string | undefined;
  /** The clock for `X-Sdk-Date` and Retry-After dates. */
  clock?: (() => Date) | undefined;
}

/**
 * Receives the PlainRequest openapi-fetch builds with our `Request` class. (openapi-fetch only
 * accepts that same class back from a middleware, so a real Request never arrives here;
 * middlewares change headers in place on `request.headers`.)
 */
export type Transport = (request: PlainRequest) => Promise<Response>;

export function createTransport(options: TransportOptions): {
  transport: Transport;
  redact: Redactor;
} {
  const {
    credentials,
    projectId,
    userAgent,
    clock = () => new Date(),
    timeoutMs = 30_000,
  } = options;
  const aksk = credentials && isAkSk(credentials);
  if (
    !credentials ||
    !(aksk ? credentials.accessKey && credentials.secretKey : credentials.token)
  ) {
    throw new TypeError('credentials: { token } or { accessKey, secretKey }');
  }
  const signer = aksk ? createAkSkSigner(credentials) : undefined;
  const policy = resolveRetryPolicy(options.retry);
  const fetchImpl: FetchLike = options.fetch ?? defaultFetch;
  const redact = createRedactor(secretsOf(credentials));

  async function transport({ url, method, headers: given, init }: PlainRequest): Promise<Response> {
    const body = init.body ?? null;
    if (body !== null && typeof body !== 'string') throw new TypeError('JSON bodies only');
    const idempotent = isIdempotent(method);
    const operation = init.hwsecOperation ?? `${method} ${url.split('?')[0]}`;
    const signal = init.signal ?? undefined;

    const headers: Record<string, string> = {};
    given.forEach((value, name) => (headers[name] = value));
    // The official HcClient always sends `content-type: application/json` for these APIs,
    // even on GET, and reduces any JSON variant to exactly that (api-reference §8.1).
    const type = headers['content-type'];
    if (!type || type.includes('application/json')) headers['content-type'] = 'application/json';
    if (!aksk) headers['x-auth-token'] = credentials.token;
    else {
      if (projectId) headers['x-project-id'] ??= projectId;
      if (credentials.securityToken) headers['x-security-token'] = credentials.securityToken;
    }

    for (let attempt = 1; ; attempt++) {
      const sent = { ...headers };
      if (signer) {
        // Every attempt is signed afresh, with a fresh date.
        sent['x-sdk-date'] = formatSdkDate(clock());
        sent['authorization'] = await signer.sign({ method, url, headers: sent, body });
      }
      if (userAgent) sent['user-agent'] = userAgent;
      const canRetry = idempotent && attempt < policy.maxAttempts;

      let response: Response;
      const controller = new AbortController();
      let timedOut = false;
      const timer =
        timeoutMs > 0
          ? setTimeout(() => controller.abort((timedOut = true)), timeoutMs)
          : undefined;
      try {
        if (signal?.aborted) throw signal.reason;
        response = await fetchImpl(url, {
          ...init,
          method,
          headers: sent,
          body,
          // AbortSignal.any holds its sources weakly: a caller's long-lived signal (say, one per
          // app shutdown) gathers no listener per call. (Node >= 20.3, every current browser.)
          signal: signal ? AbortSignal.any([signal, controller.signal]) : controller.signal,
        });
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (canRetry) {
          await policy.sleep(backoffDelay(policy, attempt), signal);
          continue;
        }
        throw timedOut
          ? new HwsecTimeoutError(operation, idempotent, attempt, timeoutMs)
          : new HwsecNetworkError(operation, idempotent, attempt, error, redact);
      } finally {
        // The timer stops once headers arrive; the caller's abort still cancels the body.
        clearTimeout(timer);
      }

      if (canRetry && RETRYABLE_STATUSES.includes(response.status)) {
        const delay = delayAfterStatus(
          policy,
          attempt,
          response.headers.get('Retry-After'),
          clock().getTime(),
        );
        if (delay !== undefined) {
          // Free the connection for reuse before waiting.
          await response.body?.cancel().catch(() => undefined);
          await policy.sleep(delay, signal);
          continue;
        }
      }
      rememberResponse(response, { operation, redact });
      return response;
    }
  }

  return { transport, redact };
}
