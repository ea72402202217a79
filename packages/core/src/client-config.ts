// Turns a client's options into what it needs to send anything: the base URL, the credentials and
// the default project. What the options leave out is read from the environment the way Huawei's
// SDKs read it (HUAWEICLOUD_SDK_AK, _SK, _SECURITY_TOKEN, _PROJECT_ID), plus two variables of ours:
// HWSEC_IAM_TOKEN (Huawei's SDKs define none for tokens) and HWSEC_<SERVICE>_BASE_URL (points a
// client at the mock or a proxy without editing code, like AWS_ENDPOINT_URL_<SERVICE>).
// Precedence: explicit option > environment variable > region. Everything wrong is refused here,
// at creation, with an HwsecConfigError naming the option or variable; a secret is never quoted.
import { HwsecConfigError } from './config-error.js';
import { isAkSk, type Credentials } from './credentials.js';
import { endpointForRegion, normalizeBaseUrl, type ServerTemplate } from './endpoint.js';

/** Where omitted settings are read from: `process.env` by default, or e.g. a Worker's `env`. */
export type ClientEnv = Readonly<Record<string, string | undefined>>;

export const ENV = {
  accessKey: 'HUAWEICLOUD_SDK_AK',
  secretKey: 'HUAWEICLOUD_SDK_SK',
  securityToken: 'HUAWEICLOUD_SDK_SECURITY_TOKEN',
  projectId: 'HUAWEICLOUD_SDK_PROJECT_ID',
  token: 'HWSEC_IAM_TOKEN',
} as const;

/** `HWSEC_HSS_BASE_URL` for the service `hss`. */
export const baseUrlVariable = (serviceId: string) => `HWSEC_${serviceId.toUpperCase()}_BASE_URL`;

export interface ConfigInput {
  region?: string | undefined;
  baseUrl?: string | undefined;
  credentials?: Credentials | undefined;
  projectId?: string | undefined;
  env?: ClientEnv | undefined;
}

export interface ClientConfig {
  baseUrl: string;
  credentials: Credentials;
  projectId: string | undefined;
}

/** No `process` (browsers, workers) or no permission to read it (Deno without --allow-env): `{}`. */
export function processEnv(): ClientEnv {
  try {
    const env = (globalThis as { process?: { env?: ClientEnv } }).process?.env;
    return env && typeof env === 'object' ? env : {};
  } catch {
    return {};
  }
}

/** An unset variable and an empty one mean the same: `VAR= cmd` is how shells unset for a run. */
function read(env: ClientEnv, name: string): string | undefined {
  try {
    const value = env[name];
    return typeof value === 'string' && value !== '' ? value : undefined;
  } catch {
    return undefined;
  }
}

function resolveBaseUrl(
  input: ConfigInput,
  env: ClientEnv,
  service: { id?: string | undefined; servers: readonly ServerTemplate[] },
): string {
  const variable = service.id ? baseUrlVariable(service.id) : undefined;
  const [option, value] =
    input.baseUrl !== undefined
      ? ['baseUrl', input.baseUrl]
      : [variable, variable && read(env, variable)];
  if (value !== undefined) {
    try {
      return normalizeBaseUrl(value);
    } catch {
      throw new HwsecConfigError(
        option!,
        `not an absolute URL: ${JSON.stringify(value.slice(0, 200))}`,
        'an absolute http(s) URL such as http://127.0.0.1:4010',
      );
    }
  }
  return endpointForRegion(service.servers, input.region, {
    serviceId: service.id,
    baseUrlVariable: variable,
  });
}

function checkGiven(credentials: Credentials): Credentials {
  if (!credentials || typeof credentials !== 'object') {
    throw new HwsecConfigError('credentials', 'not an object', CREDENTIALS_ALLOWED);
  }
  const fields: string[] = isAkSk(credentials) ? ['accessKey', 'secretKey'] : ['token'];
  if (isAkSk(credentials) && credentials.securityToken !== undefined) fields.push('securityToken');
  for (const field of fields) {
    const value = (credentials as unknown as Record<string, unknown>)[field];
    if (typeof value !== 'string' || value === '') {
      throw new HwsecConfigError(
        `credentials.${field}`,
        value === undefined ? 'missing' : typeof value === 'string' ? 'empty' : 'not a string',
        isAkSk(credentials)
          ? 'a non-empty accessKey and secretKey (and securityToken for temporary credentials)'
          : 'a non-empty IAM token',
      );
    }
  }
  return credentials;
}

const CREDENTIALS_ALLOWED = `the credentials option ({ token } or { accessKey, secretKey, securityToken? }), or ${ENV.accessKey} and ${ENV.secretKey} (+ ${ENV.securityToken}), or ${ENV.token}`;

function credentialsFromEnv(env: ClientEnv): Credentials {
  const accessKey = read(env, ENV.accessKey);
  const secretKey = read(env, ENV.secretKey);
  const securityToken = read(env, ENV.securityToken);
  const token = read(env, ENV.token);
  const unset = (name: string) => `${name} is unset or empty`;
  if (accessKey || secretKey || securityToken) {
    if (token) {
      throw new HwsecConfigError(
        'credentials',
        `both ${ENV.token} and ${accessKey ? ENV.accessKey : secretKey ? ENV.secretKey : ENV.securityToken} are set, so the credential kind is ambiguous`,
        `unset one of them, or pass the credentials option`,
      );
    }
    if (!accessKey)
      throw new HwsecConfigError(
        'credentials.accessKey',
        unset(ENV.accessKey),
        CREDENTIALS_ALLOWED,
      );
    if (!secretKey)
      throw new HwsecConfigError(
        'credentials.secretKey',
        unset(ENV.secretKey),
        CREDENTIALS_ALLOWED,
      );
    return securityToken ? { accessKey, secretKey, securityToken } : { accessKey, secretKey };
  }
  if (token) return { token };
  throw new HwsecConfigError(
    'credentials',
    `not given, and none of ${ENV.accessKey}, ${ENV.secretKey}, ${ENV.token} is set`,
    CREDENTIALS_ALLOWED,
  );
}

export function resolveClientConfig(
  input: ConfigInput,
  service: {
    id?: string | undefined;
    servers: readonly ServerTemplate[];
    needsProjectId: boolean;
  },
): ClientConfig {
  const env = input.env ?? processEnv();
  const baseUrl = resolveBaseUrl(input, env, service);
  const credentials =
    input.credentials !== undefined ? checkGiven(input.credentials) : credentialsFromEnv(env);
  const projectId = input.projectId ?? read(env, ENV.projectId);
  if (input.projectId === '' || (service.needsProjectId && projectId === undefined)) {
    throw new HwsecConfigError(
      'projectId',
      input.projectId === '' ? 'empty' : `not given, and ${ENV.projectId} is unset or empty`,
      `the projectId option or ${ENV.projectId}: your project's ID for the region (IAM console, "My Credentials" > "Projects")`,
    );
  }
  return { baseUrl, credentials, projectId };
}
