/**
 * The request as the API gateway sees it, before any routing: its target, its header values read
 * as the gateway reads them, and the checks a gateway applies to the request line and the Host
 * header (a malformed one gets the gateway's 400, never an error of our own making).
 */
import type { IncomingHttpHeaders } from 'node:http';
import { utf8Text } from './request-body.js';

export interface ReceivedRequest {
  readonly method: string;
  /** Path and query exactly as on the request line. */
  readonly target: string;
  /** Header values as text: the bytes on the wire, read as UTF-8 (see headerText). */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The body bytes, exactly as received. */
  readonly body: Buffer;
  /** Instead of `body`: a control-API import read as it arrives. */
  readonly stream?: AsyncIterable<Buffer> | undefined;
  /**
   * Names (lower case) of the headers that must appear once but came more than once. Node keeps
   * only the first `Host` or `Authorization` and joins other repeats, so a verifier reading
   * `headers` would judge a different request than a server reading the last one.
   */
  readonly repeated?: readonly string[];
}

/** Headers a request carries at most once (RFC 9110/9112), and the gateway's signature inputs. */
export const SINGLE_HEADERS = ['host', 'authorization', 'x-sdk-date', 'content-length'] as const;

/** Which of SINGLE_HEADERS appear more than once in Node's `rawHeaders` (name, value, …). */
export function repeatedHeaders(rawHeaders: readonly string[]): string[] {
  const seen = new Map<string, number>();
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    if ((SINGLE_HEADERS as readonly string[]).includes(name))
      seen.set(name, (seen.get(name) ?? 0) + 1);
  }
  return [...seen].filter(([, count]) => count > 1).map(([name]) => name);
}

/** `.` or `..` as a whole path segment, written plainly or percent-encoded (`%2e`). */
const DOT_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)/i;

/**
 * Node hands header values over as Latin-1 (one character per byte). The gateway keeps the bytes,
 * and a signature covers the bytes: so the bytes are recovered and read as UTF-8. Bytes that are
 * not UTF-8 cannot be what a client signed as text, and read as U+FFFD they fail its signature.
 */
export function headerText(value: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(value)) return value;
  const bytes = Buffer.from(value, 'latin1');
  return utf8Text(bytes) ?? bytes.toString('utf8');
}

export function receivedHeaders(raw: IncomingHttpHeaders): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    headers[name] = headerText(Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

// RFC 3986 host (reg-name, IPv4 or an IP literal) with an optional port.
const HOST =
  /^(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})*(?::\d*)?$|^\[[0-9A-Fa-f:.]+\](?::\d*)?$/;

/** Why the gateway refuses the request line or Host outright (HTTP 400), or undefined. */
export function malformedRequest(request: ReceivedRequest): string | undefined {
  const repeated = request.repeated?.[0];
  if (repeated !== undefined) return `more than one ${repeated} header`;
  const host = request.headers['host'];
  if (host !== undefined && !HOST.test(host)) return 'invalid Host header';
  if (!request.target.startsWith('/')) return 'the request target must be a path';
  const path = request.target.split('?', 1)[0]!;
  // A signature is made over one reading of the path; `/v5/./p` and `/v5/p` are two readings.
  if (DOT_SEGMENT.test(path)) return 'the request path has a "." or ".." segment';
  try {
    decodeURIComponent(path);
  } catch {
    return 'the request path is not percent-encoded UTF-8';
  }
  return undefined;
}
