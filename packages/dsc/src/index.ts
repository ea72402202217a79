export { createDscClient } from './client.js';
export type { DscClient, DscClientOptions, DscRegion } from './client.js';
export {
  servers as dscServers,
  operations as dscOperations,
  defaultRegion as dscDefaultRegion,
} from './generated/service.js';
export type { paths, components, operations } from './generated/schema.js';
export type * from './generated/schemas.js';
export {
  unwrap,
  HwsecError,
  HwsecApiError,
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
