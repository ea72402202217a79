// The SecMaster client: everything it knows about the API comes from src/generated/ (the spec).
import {
  createServiceClient,
  type CommonClientOptions,
  type ServiceClient,
  type ServiceClientOptions,
} from '@hwsec/core';
import type { ErrorCode } from './generated/error-codes.js';
import type { paths } from './generated/schema.js';
import { operations, serviceId, servers, type Region } from './generated/service.js';

/** Every SecMaster region in the spec's servers. */
export type SecMasterRegion = Region;

/** The `X-Language` header every SecMaster operation requires, as the spec types it. */
export type SecMasterLanguage =
  paths['/v1/{project_id}/subscriptions/orders']['put']['parameters']['header']['X-Language'];

/** Sent as `X-Language` unless a call sets it: `en-us`, the language of Huawei's international site. */
export const DEFAULT_LANGUAGE = 'en-us' satisfies SecMasterLanguage;

/**
 * `region` (endpoint from the spec's servers) or `baseUrl` (mock, proxy); `projectId`;
 * `credentials` ({ token } or { accessKey, secretKey, securityToken? }); `language` (X-Language,
 * default `en-us`); and optionally `fetch`, `timeoutMs`, `retry`, `userAgent`, `clock`.
 */
export type SecMasterClientOptions = ServiceClientOptions<SecMasterRegion> & {
  /** `X-Language` for every call that does not set it; `zh-cn` or `en-us`. Default `en-us`. */
  language?: SecMasterLanguage | undefined;
};

/**
 * The openapi-fetch client (`PUT` by path, `{ data, error, response }`) plus
 * `updateSubscriptionOrder`, whose `X-Language` header is optional (filled from the options).
 */
export type SecMasterClient = ServiceClient<
  paths,
  typeof operations,
  { path: 'project_id'; header: 'X-Language' },
  ErrorCode
>;

export function createSecMasterClient(options: SecMasterClientOptions): SecMasterClient {
  const { language = DEFAULT_LANGUAGE, ...common } = options;
  return createServiceClient<
    paths,
    typeof operations,
    { path: 'project_id'; header: 'X-Language' }
  >(common as CommonClientOptions & typeof common, {
    id: serviceId,
    servers,
    operations,
    headerDefaults: { 'X-Language': language },
  });
}
