// Retries for reads only. A read (GET/HEAD) that meets a network error, a timeout, 429 or
// 502/503/504 is sent again after a bounded, fully jittered exponential backoff, or after the
// server's Retry-After. Writes (POST/PUT/...) are never sent twice by this code: a duplicate
// order costs the user money.

export interface RetryOptions {
  /** Total attempts for a read, the first included. Default 3; 1 disables retries. */
  maxAttempts?: number;
  /** Backoff base: attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))). Default 200. */
  baseDelayMs?: number;
  /** Cap of one wait, also for Retry-After: a longer Retry-After ends the retries. Default 5000. */
  maxDelayMs?: number;
  /** Injectable randomness in [0, 1) for tests. */
  random?: () => number;
  /** Injectable sleep for tests; must reject when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

export function isIdempotent(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

export function resolveRetryPolicy(options: RetryOptions | false | undefined): RetryPolicy {
  const given = options === false ? { maxAttempts: 1 } : (options ?? {});
  const policy: RetryPolicy = {
    maxAttempts: given.maxAttempts ?? 3,
    baseDelayMs: given.baseDelayMs ?? 200,
    maxDelayMs: given.maxDelayMs ?? 5000,
    random: given.random ?? Math.random,
    sleep: given.sleep ?? sleep,
  };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1 || policy.maxAttempts > 10) {
    throw new RangeError('retry.maxAttempts must be an integer from 1 to 10');
  }
  if (!(policy.baseDelayMs >= 0) || !(policy.maxDelayMs >= 0)) {
    throw new RangeError('retry.baseDelayMs and retry.maxDelayMs must be >= 0');
  }
  return policy;
}

/** Full jitter: a uniformly random wait below the capped exponential bound. */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  const bound = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(policy.random() * bound);
}

/** Retry-After as delta-seconds or an HTTP-date, in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * The wait before the next attempt of a read that got a retryable status, or undefined when
 * it must not be retried (the server asks for longer than `maxDelayMs`).
 */
export function delayAfterStatus(policy: RetryPolicy, attempt: number, retryAfter: string | null, now: number): number | undefined {
  const asked = parseRetryAfter(retryAfter, now);
  if (asked === undefined) return backoffDelay(policy, attempt);
  return asked <= policy.maxDelayMs ? asked : undefined;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
