// The DSC client: everything it knows about the API comes from src/generated/ (the spec).
import { createServiceClient, type ServiceClient, type ServiceClientOptions } from '@hwsec/core';
import type { ErrorCode } from './generated/error-codes.js';
import type { paths } from './generated/schema.js';
import { operations, serviceId, servers, type Region } from './generated/service.js';

/** Every DSC region in the spec's servers (DSC's host prefix is `sdg`). */
export type DscRegion = Region;

/**
 * `region` (endpoint from the spec's servers) or `baseUrl` (mock, proxy); `projectId`;
 * `credentials` ({ token } or { accessKey, secretKey, securityToken? }); and optionally
 * `fetch`, `timeoutMs`, `retry`, `userAgent`, `clock`.
 */
export type DscClientOptions = ServiceClientOptions<DscRegion>;

/** The openapi-fetch client (`POST` by path, `{ data, error, response }`) plus `createProductOrder`. */
export type DscClient = ServiceClient<
  paths,
  typeof operations,
  { path: 'project_id'; header: never },
  ErrorCode
>;

export function createDscClient(options: DscClientOptions): DscClient {
  return createServiceClient(options, { id: serviceId, servers, operations });
}
