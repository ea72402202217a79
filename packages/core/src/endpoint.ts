// Region -> endpoint, read from the spec's `servers` (generated into each client's
// src/generated/servers.ts), never from a hand-kept table.

export interface ServerTemplate {
  /** e.g. `https://hss.{region}.myhuaweicloud.com` */
  readonly url: string;
  /** The `{region}` variable's enum for this server. */
  readonly regions: readonly string[];
}

export function endpointForRegion(servers: readonly ServerTemplate[], region: string): string {
  for (const server of servers) {
    if (server.regions.includes(region)) return server.url.replace('{region}', region);
  }
  // Regions the spec does not list take `baseUrl`.
  throw new RangeError(`unknown region ${region}`);
}

/** Origin plus path, without a trailing slash, as openapi-fetch joins it with the API paths. */
export function normalizeBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
