export { createSecMasterClient, DEFAULT_LANGUAGE } from './client.js';
export type {
  SecMasterClient,
  SecMasterClientOptions,
  SecMasterLanguage,
  SecMasterRegion,
} from './client.js';
export {
  servers as secMasterServers,
  operations as secMasterOperations,
  defaultRegion as secMasterDefaultRegion,
} from './generated/service.js';
export type { paths, components, operations } from './generated/schema.js';
export type * from './generated/schemas.js';
export { errorCodes as secmasterErrorCodes } from './generated/error-codes.js';
export type { ErrorCode as SecMasterErrorCode } from './generated/error-codes.js';
export { HwsecApiError } from './api-error.js';
export {
  unwrap,
  HwsecError,
  HwsecConfigError,
  HwsecNetworkError,
  HwsecTimeoutError,
  isHwsecError,
} from '@hwsec/core';
export type {
  Credentials,
  TokenCredentials,
  AkSkCredentials,
  RetryOptions,
  ApiResult,
  ErrorBody,
} from '@hwsec/core';
