// Region -> endpoint, read from the spec's `servers` (generated into each client's
// src/generated/service.ts), never from a hand-kept table.
import { HwsecConfigError } from './config-error.js';

export interface ServerTemplate {
  /** e.g. `https://hss.{region}.myhuaweicloud.com` */
  readonly url: string;
  /** The `{region}` variable's enum for this server. */
  readonly regions: readonly string[];
}

/**
 * An unknown or missing region is refused with every region of the service and its endpoint;
 * regions the spec does not list take `baseUrl` (or `baseUrlVariable`, e.g. HWSEC_HSS_BASE_URL).
 */
export function endpointForRegion(
  servers: readonly ServerTemplate[],
  region: string | undefined,
  serviceId?: string,
  baseUrlVariable?: string,
): string {
  const endpoints = servers.flatMap((server) =>
    server.regions.map((r) => [r, server.url.replace('{region}', r)] as const),
  );
  const found = endpoints.find(([r]) => r === region);
  if (found) return found[1];
  const of = serviceId ? ` of ${serviceId}` : '';
  const orBaseUrl = `\`baseUrl\`${baseUrlVariable ? ` (or set ${baseUrlVariable})` : ''}`;
  const list = `regions${of}: ${endpoints.map(([r, url]) => `${r} (${url})`).join(', ')}`;
  throw region === undefined
    ? new HwsecConfigError(
        'region',
        'neither `region` nor `baseUrl` is given',
        `give \`region\` or ${orBaseUrl}; ${list}`,
      )
    : new HwsecConfigError(
        'region',
        `unknown region ${JSON.stringify(String(region).slice(0, 64))}${of}`,
        `${list}; or ${orBaseUrl} for another endpoint`,
      );
}

/** Origin plus path, without a trailing slash, as openapi-fetch joins it with the API paths. */
export function normalizeBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
