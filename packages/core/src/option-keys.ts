// An option the client does not know is refused when the client is created: in plain JavaScript
// `projectID` for `projectId` would otherwise be ignored and HUAWEICLOUD_SDK_PROJECT_ID used, so
// an order would go to another project. The lists below are checked against the option types at
// compile time (a new option that is not listed fails `typecheck`), so they cannot drift.
import { didYouMean } from './closest-name.js';
import { HwsecConfigError } from './config-error.js';
import type { AkSkCredentials, TokenCredentials } from './credentials.js';
import type { RetryOptions } from './retry.js';
import type { ServiceClientOptions } from './service-client.js';

type Exactly<T, Listed extends readonly PropertyKey[]> = [
  Exclude<keyof T, Listed[number]>,
] extends [never]
  ? Listed
  : { missing: Exclude<keyof T, Listed[number]> };

type AllOptions =
  ServiceClientOptions<string> extends infer U ? (U extends unknown ? keyof U : never) : never;

const CLIENT_OPTIONS = [
  'region',
  'site',
  'baseUrl',
  'projectId',
  'domainId',
  'iamEndpoint',
  'credentials',
  'env',
  'fetch',
  'timeoutMs',
  'retry',
  'userAgent',
  'clock',
  'logger',
] as const;
const RETRY_OPTIONS = ['maxAttempts', 'baseDelayMs', 'maxDelayMs', 'random', 'sleep'] as const;
const CREDENTIAL_FIELDS = ['token', 'accessKey', 'secretKey', 'securityToken'] as const;

// Compile-time only (no bytes shipped): each list names every key of its type.
type Listed<T extends readonly PropertyKey[]> = T;
export type CheckedOptionLists = [
  Listed<Exactly<Record<AllOptions, 1>, typeof CLIENT_OPTIONS>>,
  Listed<Exactly<Required<RetryOptions>, typeof RETRY_OPTIONS>>,
  Listed<Exactly<TokenCredentials & AkSkCredentials, typeof CREDENTIAL_FIELDS>>,
];

function refuseUnknown(value: unknown, known: readonly string[], prefix: string): void {
  if (!value || typeof value !== 'object') return;
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    throw new HwsecConfigError(
      prefix + key,
      'unknown option' +
        didYouMean(
          prefix + key,
          known.map((k) => prefix + k),
          1,
        ),
      known.map((k) => prefix + k).join(', '),
    );
  }
}

/** Throws HwsecConfigError for the first option key (also in `retry`, `credentials`) not known. */
export function checkOptionKeys(options: object): void {
  refuseUnknown(options, CLIENT_OPTIONS, '');
  const { retry, credentials } = options as { retry?: unknown; credentials?: unknown };
  refuseUnknown(retry, RETRY_OPTIONS, 'retry.');
  refuseUnknown(credentials, CREDENTIAL_FIELDS, 'credentials.');
}
