// Provider mode against a real endpoint, configured only through environment variables (never
// through files, so no credential lands in the repo). Orders cost money: without
// HWSEC_PROVIDER_ALLOW_ORDERS=1 only the read operations are sent.
import { apiIds } from '@hwsec/spec';
import type { ApiName } from './operation-model.js';

export type ProviderAuth =
  | { kind: 'token'; token: string }
  | { kind: 'aksk'; accessKey: string; secretKey: string; securityToken?: string };

export interface ProviderConfig {
  /** Real base URL per API, e.g. `{ hss: 'https://hss.cn-north-4.myhuaweicloud.com' }`. */
  baseUrls: Partial<Record<ApiName, string>>;
  auth: ProviderAuth;
  projectId: string;
  allowOrders: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

export class ProviderConfigError extends Error {}

/** Undefined when no real endpoint is configured (then the suite proves itself on a fake one). */
export function readProviderConfig(env: Env): ProviderConfig | undefined {
  const baseUrls: Partial<Record<ApiName, string>> = {};
  for (const api of apiIds()) {
    const value = env[`HWSEC_PROVIDER_BASE_URL_${api.toUpperCase().replaceAll('-', '_')}`];
    if (value) baseUrls[api] = value.replace(/\/+$/, '');
  }
  if (Object.keys(baseUrls).length === 0) return undefined;

  const projectId = env['HWSEC_PROVIDER_PROJECT_ID'];
  if (!projectId)
    throw new ProviderConfigError('HWSEC_PROVIDER_PROJECT_ID is required in provider mode');
  const token = env['HWSEC_PROVIDER_TOKEN'];
  const accessKey = env['HWSEC_PROVIDER_AK'];
  const secretKey = env['HWSEC_PROVIDER_SK'];
  const securityToken = env['HWSEC_PROVIDER_SECURITY_TOKEN'];
  let auth: ProviderAuth;
  if (accessKey && secretKey)
    auth = { kind: 'aksk', accessKey, secretKey, ...(securityToken && { securityToken }) };
  else if (token) auth = { kind: 'token', token };
  else
    throw new ProviderConfigError(
      'set HWSEC_PROVIDER_TOKEN, or HWSEC_PROVIDER_AK and HWSEC_PROVIDER_SK',
    );
  return { baseUrls, auth, projectId, allowOrders: env['HWSEC_PROVIDER_ALLOW_ORDERS'] === '1' };
}
