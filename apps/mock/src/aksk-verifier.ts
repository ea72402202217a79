/**
 * Checks an `Authorization: SDK-HMAC-SHA256 …` header the way the API gateway does: the AK must
 * be known, X-Sdk-Date must be signed and within 15 minutes of our clock, and the signature,
 * recomputed over the request exactly as received, must match.
 */
import { timingSafeEqual } from 'node:crypto';
import type { AuthFailure } from './error-bodies.js';
import { expectedAuthorization } from './signer.js';

export interface AkSkCredential {
  readonly accessKey: string;
  readonly secretKey: string;
}

export interface ReceivedRequest {
  readonly method: string;
  /** Path and query exactly as on the request line. */
  readonly target: string;
  /** Node's lowercased request headers. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

export interface ParsedAuthorization {
  readonly accessKey: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
const AUTHORIZATION =
  /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]+)\s*$/;
const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

export function parseAuthorization(value: string): ParsedAuthorization | undefined {
  const match = AUTHORIZATION.exec(value);
  if (!match) return undefined;
  const [, accessKey = '', signedHeaders = '', signature = ''] = match;
  return {
    accessKey,
    signedHeaders: signedHeaders.toLowerCase().split(';'),
    signature: signature.toLowerCase(),
  };
}

export function parseSdkDate(value: string): Date | undefined {
  const m = SDK_DATE.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function headerValue(headers: ReceivedRequest['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Resolves to undefined when the signature is good, otherwise to why the gateway refuses it. */
export async function verifyAkSk(
  request: ReceivedRequest,
  credentials: readonly AkSkCredential[],
  now: Date,
): Promise<AuthFailure | undefined> {
  const received = headerValue(request.headers, 'authorization') ?? '';
  const authorization = parseAuthorization(received);
  if (!authorization) return { kind: 'malformed-authorization' };

  const dateHeader = headerValue(request.headers, 'x-sdk-date');
  const signedDate = dateHeader === undefined ? undefined : parseSdkDate(dateHeader);
  if (!signedDate || !authorization.signedHeaders.includes('x-sdk-date'))
    return { kind: 'missing-date' };
  if (Math.abs(now.getTime() - signedDate.getTime()) > MAX_CLOCK_SKEW_MS) {
    return { kind: 'expired', signatureTime: dateHeader ?? '', serverTime: formatSdkDate(now) };
  }

  const credential = credentials.find((c) => c.accessKey === authorization.accessKey);
  if (!credential) return { kind: 'unknown-access-key' };

  // Re-sign the request as received, with exactly the headers the client says it signed.
  const signed: Record<string, string> = {};
  for (const name of authorization.signedHeaders) {
    const value = headerValue(request.headers, name);
    if (value === undefined) return { kind: 'bad-signature' };
    signed[name] = value;
  }
  const host = signed['host'] ?? headerValue(request.headers, 'host') ?? 'localhost';
  const expected = await expectedAuthorization(credential, {
    method: request.method.toUpperCase(),
    url: new URL(request.target, `http://${host}`).href,
    headers: signed,
    body: request.body,
  });
  return sameText(expected, received.trim()) ? undefined : { kind: 'bad-signature' };
}
