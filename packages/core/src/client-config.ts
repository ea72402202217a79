// Turns a client's options into what it needs to send anything: the base URL, the credentials and
// the default project. What the options leave out is read from the environment the way Huawei's
// SDKs read it (HUAWEICLOUD_SDK_AK, _SK, _SECURITY_TOKEN, _PROJECT_ID), plus two variables of ours:
// HWSEC_IAM_TOKEN (Huawei's SDKs define none for tokens) and HWSEC_<SERVICE>_BASE_URL (points a
// client at the mock or a proxy without editing code, like AWS_ENDPOINT_URL_<SERVICE>).
// Precedence: explicit option > environment variable > region. Everything wrong is refused here,
// at creation, with an HwsecConfigError naming the option or variable; a secret is never quoted.
// (Written compactly on purpose: it ships in every browser bundle.)
import { HwsecConfigError } from './config-error.js';
import { isAkSk, type Credentials } from './credentials.js';
import { endpointForRegion, normalizeBaseUrl, type ServerTemplate } from './endpoint.js';
import { checkBaseUrl } from './option-checks.js';

/** Where omitted settings are read from: `process.env` by default, or e.g. a Worker's `env`. */
export type ClientEnv = Readonly<Record<string, string | undefined>>;

const SDK = 'HUAWEICLOUD_SDK_';
const AK = SDK + 'AK';
const SK = SDK + 'SK';
const STS = SDK + 'SECURITY_TOKEN';
const PROJECT = SDK + 'PROJECT_ID';
const TOKEN = 'HWSEC_IAM_TOKEN';

export interface ConfigInput {
  region?: string | undefined;
  baseUrl?: string | undefined;
  credentials?: Credentials | undefined;
  projectId?: string | undefined;
  env?: ClientEnv | undefined;
}

export interface ServiceFacts {
  /** `hss`: names HWSEC_HSS_BASE_URL. */
  id?: string | undefined;
  servers: readonly ServerTemplate[];
  needsProjectId: boolean;
}

const fail = (option: string, problem: string, allowed: string): never => {
  throw new HwsecConfigError(option, problem, allowed);
};

/**
 * One variable, '' counting as unset (`VAR= cmd`). No `process` (browsers, workers) or no
 * permission to read it (Deno without --allow-env) reads as unset too.
 */
function read(env: ClientEnv | undefined, name: string): string | undefined {
  let value: unknown;
  // A missing `process` or `env` throws here, as a denied permission does: both read as unset.
  try {
    value = (env ?? (globalThis as unknown as { process: { env: ClientEnv } }).process.env)[name];
  } catch {}
  return typeof value === 'string' && value ? value : undefined;
}

const CREDENTIALS = `{ token } or { accessKey, secretKey, securityToken? }, or ${AK} + ${SK} (+ ${STS}), or ${TOKEN}`;

function fromEnv(env: ClientEnv | undefined): Credentials {
  const [accessKey, secretKey, securityToken, token] = [AK, SK, STS, TOKEN].map((name) =>
    read(env, name),
  );
  if (accessKey || secretKey || securityToken) {
    if (token)
      fail(
        'credentials',
        `both ${TOKEN} and ${accessKey ? AK : secretKey ? SK : STS} are set`,
        'one kind: unset one, or pass credentials',
      );
    const unset = (name: string) => `not given, and ${name} is unset or empty`;
    if (!accessKey) fail('credentials.accessKey', unset(AK), CREDENTIALS);
    if (!secretKey) fail('credentials.secretKey', unset(SK), CREDENTIALS);
    return securityToken
      ? { accessKey: accessKey!, secretKey: secretKey!, securityToken }
      : { accessKey: accessKey!, secretKey: secretKey! };
  }
  return token
    ? { token }
    : fail('credentials', `not given, and none of ${AK}, ${SK}, ${TOKEN} is set`, CREDENTIALS);
}

/** Explicit credentials: every field present and a non-empty string (the value is never quoted). */
function checked(credentials: Credentials): Credentials {
  if (!credentials || typeof credentials !== 'object')
    fail('credentials', 'not an object', CREDENTIALS);
  const aksk = isAkSk(credentials);
  const fields = aksk ? ['accessKey', 'secretKey', 'securityToken'] : ['token'];
  for (const field of fields) {
    const value = (credentials as unknown as Record<string, unknown>)[field];
    if (field === 'securityToken' && value === undefined) continue;
    if (typeof value !== 'string' || !value)
      fail(
        `credentials.${field}`,
        value === undefined ? 'missing' : value === '' ? 'empty' : 'not a string',
        CREDENTIALS,
      );
  }
  return credentials;
}

export function resolveClientConfig(
  input: ConfigInput,
  service: ServiceFacts,
): { baseUrl: string; credentials: Credentials; projectId: string | undefined } {
  const { env } = input;
  const variable = service.id && `HWSEC_${service.id.toUpperCase()}_BASE_URL`;
  const explicitUrl = input.baseUrl !== undefined;
  const url = explicitUrl ? input.baseUrl : variable ? read(env, variable) : undefined;
  let baseUrl: string;
  if (url === undefined) {
    baseUrl = endpointForRegion(service.servers, input.region, service.id, variable);
  } else {
    try {
      baseUrl = normalizeBaseUrl(checkBaseUrl(url));
    } catch (error) {
      // checkBaseUrl's own HwsecConfigError names the `baseUrl` option.
      if (explicitUrl) throw error;
      throw new HwsecConfigError(
        variable!,
        `not an absolute http(s) URL with a host: ${JSON.stringify(String(url).slice(0, 200))}`,
        'e.g. http://127.0.0.1:4010',
      );
    }
  }
  const credentials = input.credentials !== undefined ? checked(input.credentials) : fromEnv(env);
  const projectId = input.projectId ?? read(env, PROJECT);
  if (input.projectId === '' || (service.needsProjectId && !projectId))
    fail(
      'projectId',
      input.projectId === '' ? 'empty' : `not given, and ${PROJECT} is unset or empty`,
      `the projectId option or ${PROJECT} (IAM console, My Credentials > Projects)`,
    );
  return { baseUrl, credentials, projectId };
}
