/**
 * Checks an `Authorization: SDK-HMAC-SHA256 …` header the way the API gateway does: the AK must
 * be known, X-Sdk-Date must be signed and within 15 minutes of our clock, and the signature,
 * recomputed over the request exactly as received, must match. Dates are written and requests
 * signed by `@hwsec/core`'s own code (`formatSdkDate`, `createAkSkSigner` via signer.ts).
 */
import { timingSafeEqual } from 'node:crypto';
import { formatSdkDate } from '@hwsec/core';
import type { AuthFailure } from './error-bodies.js';
import type { ReceivedRequest } from './received-request.js';
import { utf8Text } from './request-body.js';
import { expectedAuthorization } from './signer.js';

export interface AkSkCredential {
  readonly accessKey: string;
  readonly secretKey: string;
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
/** Stands in for the host in the URL handed to the signer; the signed `host` header wins. */
const SIGNING_ORIGIN = 'http://signing.invalid';

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
  const received = request.headers['authorization'] ?? '';
  const authorization = parseAuthorization(received);
  if (!authorization) return { kind: 'malformed-authorization' };

  const dateHeader = request.headers['x-sdk-date'];
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
    const value = request.headers[name];
    if (value === undefined) return { kind: 'bad-signature' };
    signed[name] = value;
  }
  signed['host'] ??= request.headers['host'] ?? 'localhost';
  const expected = await expectedAuthorization(credential, {
    method: request.method.toUpperCase(),
    url: new URL(`${SIGNING_ORIGIN}${request.target}`).href,
    headers: signed,
    // Bytes that are not UTF-8 cannot be what a client signed as text: read lossily, they fail.
    body: utf8Text(request.body) ?? request.body.toString('utf8'),
  });
  return sameText(expected, received.trim()) ? undefined : { kind: 'bad-signature' };
}
