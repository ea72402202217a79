// The `fetch` handed to openapi-fetch. Per call it adds the headers Huawei's SDK adds, signs
// (AK/SK) or attaches the token, enforces the timeout, retries reads only, and calls the real
// fetch with a plain (url, init), which is much cheaper than passing a Request.
import { assertCredentials, isAkSk, secretsOf, type Credentials } from './credentials.js';
import { HwsecNetworkError, HwsecTimeoutError } from './errors.js';
import { PlainRequest } from './plain-request.js';
import { createRedactor, redactSignatures, type Redactor } from './redact.js';
import { rememberResponse } from './response-context.js';
import { RETRYABLE_STATUSES, delayAfterStatus, backoffDelay, isIdempotent, resolveRetryPolicy, type RetryOptions } from './retry.js';
import { createAkSkSigner } from './signer/aksk-signer.js';
import { formatSdkDate } from './signer/sdk-date.js';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface TransportOptions {
  credentials: Credentials;
  /** Sent as `X-Project-Id` on AK/SK requests, as the official SDK does. */
  projectId?: string | undefined;
  /** The real fetch; default `globalThis.fetch` (looked up per call, so it can be replaced). */
  fetch?: FetchLike | undefined;
  /** Per attempt, until the response headers arrive. Default 30000; 0 disables. */
  timeoutMs?: number | undefined;
  retry?: RetryOptions | false | undefined;
  /** Sent as `User-Agent` (not signed, as in the official SDK). Browsers may ignore it. */
  userAgent?: string | undefined;
  /** The clock for `X-Sdk-Date` and Retry-After dates. */
  clock?: (() => Date) | undefined;
}

export type Transport = (request: PlainRequest | Request) => Promise<Response>;

const TIMEOUT = Symbol('timeout');

export function createTransport(options: TransportOptions): { transport: Transport; redact: Redactor } {
  assertCredentials(options.credentials);
  const credentials = options.credentials;
  const signer = isAkSk(credentials) ? createAkSkSigner(credentials) : undefined;
  const token = isAkSk(credentials) ? undefined : credentials.token;
  const securityToken = isAkSk(credentials) ? credentials.securityToken : undefined;
  const projectId = options.projectId;
  const userAgent = options.userAgent;
  const clock = options.clock ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? 30_000;
  const policy = resolveRetryPolicy(options.retry);
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const secretRedactor = createRedactor(secretsOf(credentials));
  const redact: Redactor = (text) => secretRedactor(redactSignatures(text));
  if (!(timeoutMs >= 0)) throw new RangeError('timeoutMs must be >= 0');

  async function transport(input: PlainRequest | Request): Promise<Response> {
    const request = input instanceof PlainRequest ? input : await fromRequest(input);
    const { url, method } = request;
    const body = request.body;
    if (body !== null && typeof body !== 'string') {
      throw new TypeError(`${request.operation ?? method}: only JSON (string) bodies can be signed and sent`);
    }
    const idempotent = isIdempotent(method);
    const operation = request.operation ?? `${method} ${url.split('?')[0]!.replace(/^[a-z]+:\/\/[^/]+/i, '')}`;
    const callerSignal = request.signal;

    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    // The official HcClient always sends `content-type: application/json` for these APIs,
    // even on GET, and reduces any JSON variant to exactly that (api-reference §8.1).
    const contentType = headers['content-type'];
    if (contentType === undefined || contentType.includes('application/json')) headers['content-type'] = 'application/json';
    if (token !== undefined) headers['x-auth-token'] = token;
    if (signer !== undefined) {
      if (projectId && headers['x-project-id'] === undefined) headers['x-project-id'] = projectId;
      if (securityToken) headers['x-security-token'] = securityToken;
    }

    const maxAttempts = idempotent ? policy.maxAttempts : 1;
    for (let attempt = 1; ; attempt++) {
      const sent: Record<string, string> = signer === undefined ? headers : { ...headers };
      if (signer !== undefined) {
        // Every attempt is signed afresh, with a fresh date.
        sent['x-sdk-date'] = formatSdkDate(clock());
        sent['authorization'] = await signer.sign({ method, url, headers: sent, body });
      }
      if (userAgent !== undefined) sent['user-agent'] = userAgent;

      let response: Response;
      try {
        response = await fetchWithTimeout(url, { ...request.init, method, headers: sent, body }, callerSignal);
      } catch (error) {
        if (callerSignal?.aborted) throw callerSignal.reason;
        if (attempt < maxAttempts) {
          await policy.sleep(backoffDelay(policy, attempt), callerSignal ?? undefined);
          continue;
        }
        if (error === TIMEOUT) throw new HwsecTimeoutError({ operation, idempotent, attempts: attempt, timeoutMs });
        throw new HwsecNetworkError({ operation, idempotent, attempts: attempt, cause: error, redact });
      }

      if (attempt < maxAttempts && RETRYABLE_STATUSES.has(response.status)) {
        const delay = delayAfterStatus(policy, attempt, response.headers.get('Retry-After'), clock().getTime());
        if (delay !== undefined) {
          // Free the connection for reuse before waiting.
          await response.body?.cancel().catch(() => undefined);
          await policy.sleep(delay, callerSignal ?? undefined);
          continue;
        }
      }
      rememberResponse(response, { operation, redact });
      return response;
    }
  }

  async function fetchWithTimeout(url: string, init: RequestInit, callerSignal: AbortSignal | null): Promise<Response> {
    if (timeoutMs === 0 && callerSignal === null) return fetchImpl(url, init);
    const controller = new AbortController();
    if (callerSignal !== null) {
      if (callerSignal.aborted) throw callerSignal.reason;
      // Left attached on purpose: the caller's abort must also cancel the body being read.
      callerSignal.addEventListener('abort', () => controller.abort(callerSignal.reason), { once: true });
    }
    let timedOut = false;
    const timer =
      timeoutMs === 0
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, timeoutMs);
    try {
      return await fetchImpl(url, { ...init, signal: controller.signal });
    } catch (error) {
      throw timedOut ? TIMEOUT : error;
    } finally {
      clearTimeout(timer);
    }
  }

  return { transport, redact };
}

/** A real Request (e.g. returned by a user's openapi-fetch middleware): the slow path. */
async function fromRequest(request: Request): Promise<PlainRequest> {
  const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.text();
  return new PlainRequest(request.url, {
    method: request.method,
    headers: request.headers,
    body: body === '' ? null : body,
    signal: request.signal,
  });
}
