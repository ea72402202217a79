// Region -> endpoint, read from the spec's `servers` (generated into each client's
// src/generated/service.ts), never from a hand-kept table.
import { closestNames } from './closest-name.js';
import { HwsecConfigError } from './config-error.js';

export interface ServerTemplate {
  /** e.g. `https://hss.{region}.myhuaweicloud.com` */
  readonly url: string;
  /** The `{region}` variable's enum for this server. */
  readonly regions: readonly string[];
}

/**
 * An unknown or missing region is refused in a few words: the value, the nearest regions, and
 * where every region is listed (the client's exported servers; the API reference's servers).
 * Regions the spec does not list take `baseUrl` (or `baseUrlVariable`, e.g. HWSEC_HSS_BASE_URL).
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
  return pick('region', endpoints, region, serviceId, baseUrlVariable);
}

/** Origin plus path, without a trailing slash, as the by-path client joins it with the API paths. */
export function normalizeBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * The endpoint of `name`, a region or (for a global service, from the spec's `x-hwsec-sites`) a
 * site such as `cn`, `intl`, `eu`; or a HwsecConfigError listing every one.
 */
export function pick(
  option: 'region' | 'site',
  endpoints: ReadonlyArray<readonly [string, string]>,
  name: string | undefined,
  serviceId: string | undefined,
  baseUrlVariable: string | undefined,
): string {
  const found = endpoints.find(([key]) => key === name);
  if (found) return found[1];
  const of = serviceId ? ` of ${serviceId}` : '';
  const orBaseUrl = `\`baseUrl\`${baseUrlVariable ? ` (or set ${baseUrlVariable})` : ''}`;
  // Thirty regions would bury the message: they are counted and pointed at; the few sites are listed.
  const where =
    option === 'region'
      ? `${endpoints.length} regions${of}, listed in the client's \`servers\` export`
      : `sites${of}: ${endpoints.map(([key, url]) => `${key} (${url})`).join(', ')}`;
  if (name === undefined)
    throw new HwsecConfigError(
      option,
      `neither \`${option}\` nor \`baseUrl\` is given`,
      `\`${option}\` (${where}) or ${orBaseUrl}`,
    );
  const near = closestNames(String(name), new Set(endpoints.map(([key]) => key)));
  throw new HwsecConfigError(
    option,
    `unknown ${option} ${JSON.stringify(String(name).slice(0, 64))}${of}${near.length ? ` (did you mean ${near.map((key) => JSON.stringify(key)).join(' or ')}?)` : ''}`,
    `${where}; or ${orBaseUrl} for another endpoint`,
  );
}
