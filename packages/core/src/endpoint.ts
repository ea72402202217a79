// Region -> endpoint, read from the spec's `servers` (generated into each client's
// src/generated/service.ts), never from a hand-kept table.
import { HwsecConfigError } from './config-error.js';

export interface ServerTemplate {
  /** e.g. `https://hss.{region}.myhuaweicloud.com` */
  readonly url: string;
  /** The `{region}` variable's enum for this server. */
  readonly regions: readonly string[];
}

/** Every region of the service with its endpoint, for an error a user can act on. */
function regionList(servers: readonly ServerTemplate[]): string {
  return servers
    .flatMap((server) =>
      server.regions.map((region) => `${region} (${server.url.replace('{region}', region)})`),
    )
    .join(', ');
}

export function endpointForRegion(
  servers: readonly ServerTemplate[],
  region: string | undefined,
  about: { serviceId?: string | undefined; baseUrlVariable?: string | undefined } = {},
): string {
  for (const server of servers) {
    if (typeof region === 'string' && server.regions.includes(region))
      return server.url.replace('{region}', region);
  }
  const service = about.serviceId ? ` of ${about.serviceId}` : '';
  const orBaseUrl = `\`baseUrl\`${about.baseUrlVariable ? ` (or set ${about.baseUrlVariable})` : ''}`;
  // Regions the spec does not list take `baseUrl`.
  throw region === undefined
    ? new HwsecConfigError(
        'region',
        'neither `region` nor `baseUrl` is given',
        `give \`region\` or ${orBaseUrl}; regions${service}: ${regionList(servers)}`,
      )
    : new HwsecConfigError(
        'region',
        `unknown region ${JSON.stringify(String(region).slice(0, 64))}${service}`,
        `one of the regions${service}: ${regionList(servers)}; or ${orBaseUrl} for another endpoint`,
      );
}

/** Origin plus path, without a trailing slash, as openapi-fetch joins it with the API paths. */
export function normalizeBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
