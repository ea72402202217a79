export { createDscClient } from './client.js';
export type { DscClient, DscClientOptions, DscRegion } from './client.js';
export {
  servers as dscServers,
  operations as dscOperations,
  defaultRegion as dscDefaultRegion,
} from './generated/service.js';
export type { paths, components, operations } from './generated/schema.js';
export type * from './generated/schemas.js';
export { errorCodes as dscErrorCodes } from './generated/error-codes.js';
export type { ErrorCode as DscErrorCode } from './generated/error-codes.js';
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
