// The two ways Huawei Cloud authenticates an API call: an IAM token, or an access key pair that
// signs each request. Which one a client uses is decided here, once, when it is created.
import { HwsecConfigError } from './config-error.js';

/** An IAM token, sent as `X-Auth-Token`. */
export interface TokenCredentials {
  token: string;
}

/** A permanent or temporary access key; temporary ones carry a security token. */
export interface AkSkCredentials {
  accessKey: string;
  secretKey: string;
  /** Present for temporary credentials (STS); sent, and signed, as `X-Security-Token`. */
  securityToken?: string;
}

export type Credentials = TokenCredentials | AkSkCredentials;

export function isAkSk(credentials: Credentials): credentials is AkSkCredentials {
  return 'accessKey' in credentials;
}

const field = (credentials: object, name: string, optional = false) => {
  const value = (credentials as Record<string, unknown>)[name];
  if (optional && value === undefined) return;
  // The value is never quoted: it is a secret, whatever its type.
  if (typeof value !== 'string' || value === '')
    throw new HwsecConfigError(
      `credentials.${name}`,
      typeof value === 'string'
        ? 'is empty'
        : `is ${value === undefined ? 'missing' : `a ${typeof value}`}`,
      'a non-empty string',
    );
};

/** Checks the credentials' shape (never quoting a value) and says whether they are AK/SK. */
export function checkCredentials(credentials: unknown): credentials is AkSkCredentials {
  if (!credentials || typeof credentials !== 'object')
    throw new HwsecConfigError(
      'credentials',
      'is missing',
      '{ token } or { accessKey, secretKey, securityToken? }',
    );
  const aksk = 'accessKey' in credentials;
  if (aksk) {
    field(credentials, 'accessKey');
    field(credentials, 'secretKey');
    field(credentials, 'securityToken', true);
  } else field(credentials, 'token');
  return aksk;
}

/** Every secret string the credentials hold, for redaction. */
export function secretsOf(credentials: Credentials): string[] {
  const secrets = isAkSk(credentials)
    ? [credentials.accessKey, credentials.secretKey, credentials.securityToken]
    : [credentials.token];
  return secrets.filter((secret): secret is string => !!secret);
}
