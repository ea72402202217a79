// Options that would make a client misbehave are refused when it is created (HwsecConfigError),
// never discovered at call time: nothing has been sent, so nothing can have been placed.
import { HwsecConfigError } from './config-error.js';

/** The largest delay timers accept (2^31-1 ms, about 24.8 days); above it they fire at once. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export function checkTimeoutMs(timeoutMs: unknown): number {
  if (timeoutMs === undefined) return 30_000;
  if (typeof timeoutMs !== 'number' || !(timeoutMs >= 0 && timeoutMs <= MAX_TIMEOUT_MS))
    throw new HwsecConfigError(
      'timeoutMs',
      `${String(timeoutMs)} is not a usable timeout`,
      `a number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, or 0 for none`,
    );
  return timeoutMs;
}

/** A header value: visible ASCII and Latin-1, spaces and tabs; no CR, LF or other controls. */
export const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

export function checkUserAgent(userAgent: unknown): void {
  if (userAgent !== undefined && (typeof userAgent !== 'string' || !HEADER_VALUE.test(userAgent)))
    throw new HwsecConfigError(
      'userAgent',
      'is not a valid header value',
      'a string without CR, LF or other control characters',
    );
}

/**
 * Huawei project ids are 32 hex digits; any segment of letters, digits, `_` and `-` (1 to 64) is
 * accepted, so that mocks and future ids work, but nothing that could change the path (`/`,
 * `..`, `%`), break a header (controls, non-ASCII) or be an object.
 */
export const PROJECT_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const PROJECT_ID_RULE =
  '1 to 64 letters, digits, _ or - (a Huawei project id is 32 hex digits)';

export function checkProjectIdOption(projectId: unknown): void {
  if (
    projectId !== undefined &&
    projectId !== '' &&
    !(typeof projectId === 'string' && PROJECT_ID.test(projectId))
  )
    throw new HwsecConfigError('projectId', 'is not a plain project id', PROJECT_ID_RULE);
}

/** An absolute http(s) URL with a host, as `https://hss.example.com` or `http://127.0.0.1:4010`. */
export function checkBaseUrl(baseUrl: unknown): string {
  let url: URL | undefined;
  try {
    url = new URL(String(baseUrl));
  } catch {}
  if (
    typeof baseUrl !== 'string' ||
    !url ||
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    !url.host ||
    url.username ||
    url.password ||
    url.search ||
    url.hash
  )
    throw new HwsecConfigError(
      'baseUrl',
      // Quoted unless it might hold credentials (user:password@).
      `${typeof baseUrl === 'string' && !baseUrl.includes('@') ? JSON.stringify(baseUrl) : 'the value'} is not an http(s) base URL`,
      'an absolute http: or https: URL with a host and no credentials, query or fragment, e.g. http://127.0.0.1:4010',
    );
  return baseUrl;
}
