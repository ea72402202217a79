/**
 * Who may use the control API. It can reset every project, so bound to anything but loopback the
 * mock gives it a token (the user's, or a random one printed once at start): a request from
 * another machine must carry `Authorization: Bearer <token>`, else 401. From loopback it needs
 * none, as before. The token is compared in constant time and never written anywhere else.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/** Whether a listen address only takes connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true;
  return isLoopbackAddress(host);
}

/** Whether a peer address is this machine's loopback (127.0.0.0/8, ::1, or IPv4-mapped 127.x). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(plain) === 4) return plain.startsWith('127.');
  return plain === '::1';
}

export function newControlToken(): string {
  return randomBytes(24).toString('base64url');
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Whether the request may use the control API. */
export function controlAllowed(
  token: string | undefined,
  remoteAddress: string | undefined,
  authorization: string | undefined,
): boolean {
  if (token === undefined || isLoopbackAddress(remoteAddress)) return true;
  const given = BEARER.exec(authorization ?? '')?.[1];
  if (given === undefined) return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(token, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export const CONTROL_TOKEN_REQUIRED =
  'the control API needs "Authorization: Bearer <token>" from another machine: the token the mock printed at start, or the one given with --control-token / HWSEC_MOCK_CONTROL_TOKEN';
