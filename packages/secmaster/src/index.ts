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
