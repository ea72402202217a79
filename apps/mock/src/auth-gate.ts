/**
 * The API gateway's authentication step. Without signature checking it only demands what the
 * spec's two alternative schemes demand, a bit more strictly than Prism (Prism accepts any
 * Authorization value; the gateway needs the SDK-HMAC-SHA256 form). With signature checking,
 * AK/SK requests must carry a valid signature by one of the configured test credentials.
 * IAM tokens cannot be checked offline, so any non-empty X-Auth-Token passes.
 */
import type { AuthFailure } from './error-bodies.js';
import { parseAuthorization, verifyAkSk, type AkSkCredential } from './aksk-verifier.js';
import type { ReceivedRequest } from './received-request.js';
import type { SignatureLockout } from './signature-lockout.js';

export interface AuthGateOptions {
  readonly verifySignatures: boolean;
  readonly credentials: readonly AkSkCredential[];
  readonly now: () => Date;
  /** Locks an AK after too many bad signatures in a row (signature mode only). */
  readonly lockout?: SignatureLockout | undefined;
}

async function verifyWithLockout(
  request: ReceivedRequest,
  authorization: string,
  options: AuthGateOptions,
): Promise<AuthFailure | undefined> {
  const now = options.now();
  const accessKey = parseAuthorization(authorization)?.accessKey;
  const { lockout } = options;
  if (lockout && accessKey !== undefined) {
    const until = lockout.lockedAt(accessKey, now);
    if (until !== undefined) return { kind: 'locked', until: new Date(until) };
  }
  const failure = await verifyAkSk(request, options.credentials, now);
  if (lockout && accessKey !== undefined) {
    if (failure === undefined) lockout.succeeded(accessKey);
    else if (failure.kind === 'bad-signature') lockout.failed(accessKey, now);
  }
  return failure;
}

const AKSK_SCHEME = /^SDK-HMAC-SHA256\s/;

export async function checkAuthentication(
  request: ReceivedRequest,
  options: AuthGateOptions,
): Promise<AuthFailure | undefined> {
  const authorization = request.headers['authorization'];
  const token = request.headers['x-auth-token'];
  if (authorization !== undefined && authorization !== '') {
    if (!AKSK_SCHEME.test(authorization)) return token ? undefined : { kind: 'unsupported-scheme' };
    return options.verifySignatures
      ? verifyWithLockout(request, authorization, options)
      : undefined;
  }
  return token ? undefined : { kind: 'missing' };
}
