// Retries for reads only. A read (GET/HEAD) that meets a network error, a timeout, 429 or
// 502/503/504 is sent again after a bounded, fully jittered exponential backoff, or after the
// server's Retry-After. Writes (POST/PUT/...) are never sent twice by this code: a duplicate
// order costs the user money.

export interface RetryOptions {
  /** Total attempts for a read, the first included (1 to 10). Default 3; 1 disables retries. */
  maxAttempts?: number;
  /** Backoff base: attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))). Default 200. */
  baseDelayMs?: number;
  /** Cap of one wait, also for Retry-After: a longer Retry-After ends the retries. Default 5000. */
  maxDelayMs?: number;
  /** Injectable randomness in [0, 1) for tests. */
  random?: () => number;
  /** Injectable sleep for tests; should reject when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export type RetryPolicy = Required<RetryOptions>;

/** Within what a timer can wait (2^31-1 ms); NaN counts as 0. */
const clampDelay = (ms: number) => Math.min(2 ** 31 - 1, Math.max(0, ms)) || 0;

export const RETRYABLE_STATUSES: readonly number[] = [429, 502, 503, 504];

export const isIdempotent = (method: string): boolean => method === 'GET' || method === 'HEAD';

export function resolveRetryPolicy(options: RetryOptions | false | undefined): RetryPolicy {
  const {
    maxAttempts = options === false ? 1 : 3,
    baseDelayMs = 200,
    maxDelayMs = 5000,
    random = Math.random,
    sleep: wait = sleep,
  } = options || {};
  return {
    // Clamped rather than validated: a bad value can never mean "retry forever".
    maxAttempts: Math.min(10, Math.max(1, Math.floor(maxAttempts) || 1)),
    baseDelayMs: clampDelay(baseDelayMs),
    maxDelayMs: clampDelay(maxDelayMs),
    random,
    sleep: wait,
  };
}

/** Full jitter: a uniformly random wait below the capped exponential bound. */
export const backoffDelay = (policy: RetryPolicy, attempt: number): number =>
  Math.floor(
    policy.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)),
  );

/** Retry-After as delta-seconds or an HTTP-date, in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  // Stryker disable next-line ConditionalExpression: Date.parse(null) is NaN, so undefined too
  if (value === null) return undefined;
  const ms = /^\s*\d+\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  // A date in the past means "now".
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

/**
 * The wait before the next attempt of a read that got a retryable status, or undefined when
 * it must not be retried (the server asks for longer than `maxDelayMs`).
 */
export function delayAfterStatus(
  policy: RetryPolicy,
  attempt: number,
  retryAfter: string | null,
  now: number,
): number | undefined {
  const asked = parseRetryAfter(retryAfter, now);
  if (asked === undefined) return backoffDelay(policy, attempt);
  return asked <= policy.maxDelayMs ? asked : undefined;
}

/** Waits `ms`, or rejects with the signal's reason; leaves no listener on the signal either way. */
export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const stop = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    signal?.addEventListener('abort', stop, { once: true });
  });
