export { createHssClient } from './client.js';
export type { HssClient, HssClientOptions, HssRegion } from './client.js';
export {
  servers as hssServers,
  operations as hssOperations,
  defaultRegion as hssDefaultRegion,
} from './generated/service.js';
export type { paths, components, operations } from './generated/schema.js';
export type * from './generated/schemas.js';
export { errorCodes as hssErrorCodes } from './generated/error-codes.js';
export type { ErrorCode as HssErrorCode } from './generated/error-codes.js';
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
