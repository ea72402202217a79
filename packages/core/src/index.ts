export { createAkSkSigner, SIGNING_ALGORITHM, EMPTY_BODY_SHA256 } from './signer/aksk-signer.js';
export type { AkSkSigner, AkSkKeyPair, SignableRequest } from './signer/aksk-signer.js';
export { formatSdkDate } from './signer/sdk-date.js';
export type { MaybePromise } from './crypto/types.js';
export type { Credentials, TokenCredentials, AkSkCredentials } from './credentials.js';
export {
  HwsecError,
  HwsecApiError,
  HwsecNetworkError,
  HwsecTimeoutError,
  HwsecRedirectError,
  HwsecResponseError,
  HwsecAbortError,
  HwsecInputError,
  isHwsecError,
} from './errors.js';
export { HwsecConfigError } from './config-error.js';
export { HwsecLookupError } from './lookup-error.js';
export type { HwsecErrorKind, ErrorBody } from './errors.js';
export { unwrap } from './unwrap.js';
export type { OrderAttempt, OrderRecord } from './order-facts.js';
export { extraFields } from './unknown-keys.js';
export type { ExtraFields, InputShape, OperationInputs } from './unknown-keys.js';
export type { ApiResult, DataOf, ErrorOf } from './unwrap.js';
export type { RetryOptions } from './retry.js';
export { createTransport } from './transport.js';
export { PlainRequest } from './plain-request.js';
export { ReadResponse } from './read-response.js';
export { REDACTED, MIN_FRAGMENT } from './redact.js';
export { MAX_REDIRECTS } from './send-attempt.js';
export type { PlainRequestInit } from './plain-request.js';
export type { Transport, TransportOptions, FetchLike } from './transport.js';
export type { AttemptLogger, AttemptLogEntry } from './attempt-log.js';
export { endpointForRegion } from './endpoint.js';
export type { ServerTemplate } from './endpoint.js';
export { createServiceClient } from './service-client.js';
export type { ClientEnv } from './client-config.js';
export type { IdentityFacts } from './id-lookup.js';
export type {
  CommonClientOptions,
  GlobalServiceClientOptions,
  ServiceClientOptions,
  ServiceDescription,
  ServiceClient,
} from './service-client.js';
export type {
  FilledParams,
  HttpMethod,
  MediaType,
  OperationInfo,
  OperationInit,
  OperationMethod,
  OperationMethods,
  OperationResult,
} from './operation-types.js';
export type {
  KnownOr,
  ServiceApiError,
  ServiceApiErrorClass,
  ServiceErrorBody,
} from './service-api-error.js';
