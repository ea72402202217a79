// The two ways Huawei Cloud authenticates an API call: an IAM token, or an access key pair that
// signs each request. Which one a client uses is decided once, when its config is resolved
// (client-config.ts).

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

/** Every secret string the credentials hold, for redaction. */
export function secretsOf(credentials: Credentials): string[] {
  const secrets = isAkSk(credentials)
    ? [credentials.accessKey, credentials.secretKey, credentials.securityToken]
    : [credentials.token];
  return secrets.filter((secret): secret is string => !!secret);
}
