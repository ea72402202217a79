/**
 * The API gateway's authentication step. Without signature checking it only demands what the
 * spec's two alternative schemes demand, a bit more strictly than Prism (Prism accepts any
 * Authorization value; the gateway needs the SDK-HMAC-SHA256 form). With signature checking,
 * AK/SK requests must carry a valid signature by one of the configured test credentials.
 * IAM tokens cannot be checked offline, so any non-empty X-Auth-Token passes.
 */
import type { AuthFailure } from './error-bodies.js';
import { verifyAkSk, type AkSkCredential } from './aksk-verifier.js';
import type { ReceivedRequest } from './received-request.js';

export interface AuthGateOptions {
  readonly verifySignatures: boolean;
  readonly credentials: readonly AkSkCredential[];
  readonly now: () => Date;
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
      ? verifyAkSk(request, options.credentials, options.now())
      : undefined;
  }
  return token ? undefined : { kind: 'missing' };
}
