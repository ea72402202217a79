// The HSS client: everything it knows about the API comes from src/generated/ (the spec).
import { createServiceClient, type ServiceClient, type ServiceClientOptions } from '@hwsec/core';
import type { ErrorCode } from './generated/error-codes.js';
import type { paths } from './generated/schema.js';
import { operations, serviceId, servers, type Region } from './generated/service.js';

/** Every HSS region in the spec's servers (eu-west-101 is served from myhuaweicloud.eu). */
export type HssRegion = Region;

/**
 * `region` (endpoint from the spec's servers) or `baseUrl` (mock, proxy); `projectId`;
 * `credentials` ({ token } or { accessKey, secretKey, securityToken? }); and optionally
 * `fetch`, `timeoutMs`, `retry`, `userAgent`, `clock`.
 */
export type HssClientOptions = ServiceClientOptions<HssRegion>;

/**
 * The openapi-fetch client (`GET`/`POST`/... by path, `{ data, error, response }`) plus one
 * method per operation: `createQuotasOrder`, `showResourceQuotas`.
 */
export type HssClient = ServiceClient<
  paths,
  typeof operations,
  { path: 'project_id'; header: never },
  ErrorCode
>;

export function createHssClient(options: HssClientOptions): HssClient {
  return createServiceClient(options, { id: serviceId, servers, operations });
}
