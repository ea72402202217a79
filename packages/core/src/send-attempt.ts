// One attempt of a call: send, follow what may be followed, read the whole body, all within
// `timeoutMs`, and turn every way it can go wrong into a typed error that says truthfully whether
// the request may have reached the service. Redirects: fetch is always told `redirect: 'manual'`
// (browsers then give an opaque redirect, status 0, no Location; Node, Deno and Bun the 3xx
// itself). An order is never redirected; a read follows a same-origin Location up to
// MAX_REDIRECTS times, re-signed; another origin is refused, so credentials never go there.
import type { MaybePromise } from './crypto/types.js';
import {
  HwsecAbortError,
  HwsecNetworkError,
  HwsecRedirectError,
  HwsecResponseError,
  HwsecTimeoutError,
  type CallState,
} from './errors.js';
import type { FetchLike } from './fetch/types.js';
import { provablyNotSent } from './never-sent.js';
import { ReadResponse } from './read-response.js';
import { redactJson, type Redactor } from './redact.js';

export const MAX_REDIRECTS = 5;

export interface AttemptRequest {
  method: string;
  url: string;
  body: string | null;
  /** The caller's RequestInit (credentials, cache, ...), passed through to fetch. */
  init: RequestInit;
  /** The caller's signal, if any. */
  signal: AbortSignal | undefined;
  /** The headers to send to `url` (signed for it). */
  headersFor(url: string): MaybePromise<Record<string, string>>;
}

export interface AttemptContext {
  fetch: FetchLike;
  timeoutMs: number;
  redact: Redactor;
}

/** Settles with `work`, or rejects as soon as `signal` aborts (even if `work` ignores it). */
function bounded<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    // Already aborted (the timeout can fire between two steps): `work` fails too, unheard.
    if (signal.aborted) {
      work.catch(() => undefined);
      return stop();
    }
    signal.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

export async function sendAttempt(
  request: AttemptRequest,
  call: CallState,
  { fetch, timeoutMs, redact }: AttemptContext,
): Promise<ReadResponse> {
  const { method, body, init, signal } = request;
  let url = request.url;
  const controller = new AbortController();
  let timedOut = false;
  const timer =
    timeoutMs > 0 ? setTimeout(() => controller.abort((timedOut = true)), timeoutMs) : undefined;
  // AbortSignal.any holds its sources weakly: a caller's long-lived signal (say, one per app
  // shutdown) gathers no listener per call. (Node >= 20.3, every current browser.)
  const stop = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;
  /** Past this point a byte may have reached the server. */
  let sent = false;
  const fail = (error: unknown, processed: boolean) =>
    signal?.aborted
      ? new HwsecAbortError(call, signal.reason, redact, sent)
      : timedOut
        ? new HwsecTimeoutError(call, timeoutMs, processed)
        : new HwsecNetworkError(call, error, redact, processed);

  try {
    for (let hop = 0; ; hop++) {
      const headers = await request.headersFor(url);
      // Signing may be asynchronous (Web Crypto): the time may have run out meanwhile, or the
      // caller given up (before or meanwhile: `stop` follows the caller's signal too).
      if (stop.aborted) throw fail(undefined, sent);
      let response: Response;
      try {
        sent = true;
        response = await bounded(
          fetch(url, { ...init, method, headers, body, signal: stop, redirect: 'manual' }),
          stop,
        );
      } catch (error) {
        // The node:http transport reads the body inside fetch: a cut-off body still had an id.
        const id = (error as { requestId?: unknown } | undefined)?.requestId;
        if (typeof id === 'string') call.requestId = id;
        throw fail(error, !provablyNotSent(error));
      }
      call.requestId = response.headers.get('X-Request-Id') ?? undefined;
      const { status } = response;
      if (response.type === 'opaqueredirect' || (status >= 300 && status < 400 && status !== 304)) {
        const location = response.headers.get('Location') ?? undefined;
        await response.body?.cancel().catch(() => undefined);
        let target: URL | undefined;
        try {
          target = new URL(location!, url);
        } catch {}
        const why = !call.idempotent
          ? 'an order is never sent twice'
          : !location
            ? 'the runtime hides its target'
            : !target
              ? 'its Location is not a URL'
              : target.origin !== new URL(url).origin
                ? 'another origin never receives our credentials'
                : hop >= MAX_REDIRECTS
                  ? `more than ${MAX_REDIRECTS} redirects`
                  : '';
        if (why) throw new HwsecRedirectError(call, status, location && redact(location), why);
        url = target!.href;
        continue;
      }

      let text: string;
      let read = response instanceof ReadResponse ? response : undefined;
      if (read) text = read.bodyText;
      else {
        try {
          text = await bounded(response.text(), stop);
        } catch (error) {
          // The answer had begun: the request reached the server.
          throw fail(error, true);
        }
      }
      if (response.ok) {
        read ??= new ReadResponse(text, {
          status,
          statusText: response.statusText,
          headers: response.headers,
          url,
        });
        // No body to parse: a 204 (fetch gives it none) or an empty 200.
        if (text !== '') {
          try {
            read.parsed();
          } catch {
            throw new HwsecResponseError(call, status);
          }
        }
        return read;
      }
      // An error body is shown to the caller as `result.error`: its secrets are masked first.
      const safe = redactBody(text, redact);
      return safe === text && read
        ? read
        : new ReadResponse(safe, {
            status,
            statusText: response.statusText,
            headers: response.headers,
            url,
          });
    }
  } finally {
    clearTimeout(timer);
  }
}

/** An error body with every string redacted, still JSON when it was JSON. */
function redactBody(text: string, redact: Redactor): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return redact(text);
  }
  return JSON.stringify(redactJson(parsed, redact));
}
