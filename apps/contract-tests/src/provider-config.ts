// Provider mode against a real endpoint, configured only through environment variables (never
// through files, so no credential lands in the repo), with the names the clients read:
// HWSEC_<API>_BASE_URL, HUAWEICLOUD_SDK_PROJECT_ID, HUAWEICLOUD_SDK_AK/_SK/_SECURITY_TOKEN or
// HWSEC_IAM_TOKEN. It is on only with HWSEC_PROVIDER=1 (set by the `provider` script), so the
// variables that point the samples at the mock never turn a plain `pnpm test` into a real run.
// Orders cost money: without HWSEC_PROVIDER_ALLOW_ORDERS=1 only the read operations are sent.
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
  if (env['HWSEC_PROVIDER'] !== '1') return undefined;
  const baseUrls: Partial<Record<ApiName, string>> = {};
  for (const api of apiIds()) {
    const value = env[`HWSEC_${api.toUpperCase().replaceAll('-', '_')}_BASE_URL`];
    if (value) baseUrls[api] = value.replace(/\/+$/, '');
  }
  if (Object.keys(baseUrls).length === 0)
    throw new ProviderConfigError(
      `provider mode needs at least one of ${apiIds()
        .map((api) => `HWSEC_${api.toUpperCase().replaceAll('-', '_')}_BASE_URL`)
        .join(', ')}`,
    );

  const projectId = env['HUAWEICLOUD_SDK_PROJECT_ID'];
  if (!projectId)
    throw new ProviderConfigError('HUAWEICLOUD_SDK_PROJECT_ID is required in provider mode');
  const token = env['HWSEC_IAM_TOKEN'];
  const accessKey = env['HUAWEICLOUD_SDK_AK'];
  const secretKey = env['HUAWEICLOUD_SDK_SK'];
  const securityToken = env['HUAWEICLOUD_SDK_SECURITY_TOKEN'];
  let auth: ProviderAuth;
  if (accessKey && secretKey)
    auth = { kind: 'aksk', accessKey, secretKey, ...(securityToken && { securityToken }) };
  else if (token) auth = { kind: 'token', token };
  else
    throw new ProviderConfigError(
      'set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or HWSEC_IAM_TOKEN',
    );
  return { baseUrls, auth, projectId, allowOrders: env['HWSEC_PROVIDER_ALLOW_ORDERS'] === '1' };
}
