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
/** The rule HEADER_VALUE enforces, in the one wording every error uses. */
export const HEADER_VALUE_RULE =
  'a header value: no CR, LF, other control characters or characters above U+00FF';

export function checkUserAgent(userAgent: unknown): void {
  if (userAgent !== undefined && (typeof userAgent !== 'string' || !HEADER_VALUE.test(userAgent)))
    throw new HwsecConfigError('userAgent', 'is not sendable', HEADER_VALUE_RULE);
}

/**
 * Huawei project ids are 32 hex digits; any segment of letters, digits, `_` and `-` (1 to 64) is
 * accepted, so that mocks and future ids work, but nothing that could change the path (`/`,
 * `..`, `%`), break a header (controls, non-ASCII) or be an object.
 */
export const PROJECT_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const PROJECT_ID_RULE =
  '1 to 64 letters, digits, _ or - (a Huawei project id is 32 hex digits)';

/** A project id given as an option or read from HUAWEICLOUD_SDK_PROJECT_ID. */
export function checkProjectId(projectId: unknown): void {
  checkPlainId(projectId, 'projectId', 'project');
}

/**
 * A project id, or an account (domain) id given as `domainId` or read from
 * HUAWEICLOUD_SDK_DOMAIN_ID (`option` names where it came from): as plain as a project id.
 */
export function checkPlainId(id: unknown, option: string, what: 'project' | 'domain'): void {
  if (!(typeof id === 'string' && PROJECT_ID.test(id)))
    throw new HwsecConfigError(option, `is not a plain ${what} id`, PROJECT_ID_RULE);
}

/**
 * An absolute http(s) URL with a host, as `https://hss.example.com` or `http://127.0.0.1:4010`;
 * `option` names where it came from in the error (`baseUrl`, `iamEndpoint`, a variable).
 */
export function checkBaseUrl(baseUrl: unknown, option = 'baseUrl'): string {
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
      option,
      // Quoted unless it might hold credentials (user:password@).
      `${typeof baseUrl === 'string' && !baseUrl.includes('@') ? JSON.stringify(baseUrl) : 'the value'} is not an http(s) base URL`,
      'an absolute http: or https: URL with a host and no credentials, query or fragment, e.g. http://127.0.0.1:4010',
    );
  return baseUrl;
}
