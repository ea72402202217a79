// Every option of a client (or of a bare transport) is resolved here, once, into one validated,
// frozen config; nothing downstream checks an option again. What the options leave out is read
// from the environment the way Huawei's SDKs read it (HUAWEICLOUD_SDK_AK, _SK, _SECURITY_TOKEN,
// _PROJECT_ID, and _DOMAIN_ID for a global service), plus two variables of ours: HWSEC_IAM_TOKEN (Huawei's SDKs define none for
// tokens) and HWSEC_<SERVICE>_BASE_URL (points a client at the mock or a proxy without editing
// code, like AWS_ENDPOINT_URL_<SERVICE>). Precedence: explicit option > environment variable >
// region. Everything wrong is refused with an HwsecConfigError naming the option or variable,
// one message per rule; a secret is never quoted.
import type { AttemptLogger } from './attempt-log.js';
import { HwsecConfigError } from './config-error.js';
import type { Credentials } from './credentials.js';
import { endpointForRegion, normalizeBaseUrl, pick, type ServerTemplate } from './endpoint.js';
import type { FetchLike } from './fetch/types.js';
import type { IdentityFacts } from './id-lookup.js';
import {
  checkBaseUrl,
  checkPlainId,
  checkProjectId,
  checkTimeoutMs,
  checkUserAgent,
} from './option-checks.js';
import { resolveRetryPolicy, type RetryOptions, type RetryPolicy } from './retry.js';

/** Where omitted settings are read from: `process.env` by default, or e.g. a Worker's `env`. */
export type ClientEnv = Readonly<Record<string, string | undefined>>;

const SDK = 'HUAWEICLOUD_SDK_';
const AK = SDK + 'AK';
const SK = SDK + 'SK';
const STS = SDK + 'SECURITY_TOKEN';
const PROJECT = SDK + 'PROJECT_ID';
const DOMAIN = SDK + 'DOMAIN_ID';
const TOKEN = 'HWSEC_IAM_TOKEN';

/** What a bare transport is created with (`createTransport`); a client adds the rest. */
export interface TransportOptions {
  credentials: Credentials;
  /** Sent as `X-Project-Id` on AK/SK requests, as the official SDK does. */
  projectId?: string | undefined;
  /**
   * Sent as `X-Domain-Id` on AK/SK requests, inside the signature, as the official SDK's
   * `GlobalCredentials` does for global services (BSS, IAM).
   */
  domainId?: string | undefined;
  /**
   * The real fetch. Default: on Node, node:http/node:https keep-alive agents (about twice as fast
   * as the built-in fetch; `fetch: globalThis.fetch` opts back into it); elsewhere the global
   * `fetch`, looked up per call.
   */
  fetch?: FetchLike | undefined;
  /**
   * Per attempt, from sending until the whole body is read. Default 30000; 0 disables; anything
   * else but 1 to 2^31-1 is a HwsecConfigError.
   */
  timeoutMs?: number | undefined;
  retry?: RetryOptions | false | undefined;
  /** Sent as `User-Agent` (not signed, as in the official SDK). Browsers may ignore it. */
  userAgent?: string | undefined;
  /** The clock for `X-Sdk-Date` and Retry-After dates. */
  clock?: (() => Date) | undefined;
  /**
   * Opt-in: called once per attempt with one line (operation, method, path, status, duration,
   * attempt, request id; never a secret) and the same fields as an object.
   */
  logger?: AttemptLogger | undefined;
}

/** A transport's options, validated: what every call of a client runs on. */
export interface TransportConfig {
  readonly credentials: Readonly<Credentials>;
  /** Whether the credentials are an access key pair (each request is then signed). */
  readonly aksk: boolean;
  readonly projectId: string | undefined;
  readonly domainId: string | undefined;
  readonly fetch: FetchLike | undefined;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  readonly userAgent: string | undefined;
  readonly clock: () => Date;
  readonly logger: AttemptLogger | undefined;
}

/** A client's options, validated: the transport's plus where its service is. */
export interface ClientConfig extends TransportConfig {
  readonly baseUrl: string;
  /**
   * True when `baseUrl` is the spec's host for the region or site; false when the `baseUrl` option
   * or HWSEC_<ID>_BASE_URL moved it (a mock, a proxy). A moved client never asks the spec's IAM
   * host for an id: that would send its signed keys to the cloud while it talks to a mock.
   */
  readonly onSpecHost: boolean;
}

export interface ClientInput extends Omit<TransportOptions, 'credentials'> {
  region?: string | undefined;
  /** A global service's site (`cn`, `intl`, `eu`): picks its endpoint. */
  site?: string | undefined;
  baseUrl?: string | undefined;
  credentials?: Credentials | undefined;
  env?: ClientEnv | undefined;
}

export interface ServiceFacts {
  /** `hss`: names HWSEC_HSS_BASE_URL. */
  id?: string | undefined;
  servers: readonly ServerTemplate[];
  /** Whether any operation has `{project_id}` in its path (global services have none). */
  needsProjectId: boolean;
  /**
   * A global service (`x-hwsec-global`): its endpoint comes from `sites` (site → URL), it has no
   * project, and AK/SK requests carry the account's `X-Domain-Id`.
   */
  global?: boolean | undefined;
  sites?: Readonly<Record<string, string>> | undefined;
  /** Where IAM is (from the spec): a missing project or account id is looked up there. */
  identity?: IdentityFacts | undefined;
}

const fail = (option: string, problem: string, allowed: string): never => {
  throw new HwsecConfigError(option, problem, allowed);
};

/**
 * One variable, '' counting as unset (`VAR= cmd`). No `process` (browsers, workers) or no
 * permission to read it (Deno without --allow-env) reads as unset too.
 */
export function read(env: ClientEnv | undefined, name: string): string | undefined {
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
    return { accessKey: accessKey!, secretKey: secretKey!, securityToken };
  }
  return token
    ? { token }
    : fail('credentials', `not given, and none of ${AK}, ${SK}, ${TOKEN} is set`, CREDENTIALS);
}

/**
 * The credentials, every field a non-empty string (a value is never quoted), as a frozen copy
 * holding only their own fields; and whether they are an access key pair.
 */
function checkedCredentials(credentials: unknown): [Readonly<Credentials>, boolean] {
  if (!credentials || typeof credentials !== 'object')
    fail('credentials', 'not an object', CREDENTIALS);
  const given = credentials as Record<string, unknown>;
  const aksk = 'accessKey' in given;
  const copy: Record<string, string> = {};
  for (const field of aksk ? ['accessKey', 'secretKey', 'securityToken'] : ['token']) {
    const value = given[field];
    if (field === 'securityToken' && value === undefined) continue;
    if (typeof value !== 'string' || !value)
      fail(
        `credentials.${field}`,
        value === undefined ? 'missing' : value === '' ? 'empty' : 'not a string',
        CREDENTIALS,
      );
    copy[field] = value as string;
  }
  return [Object.freeze(copy) as unknown as Credentials, aksk];
}

/** A bare transport's options, validated once. */
export function resolveTransportConfig(options: TransportOptions): TransportConfig {
  return transportConfig(options, checkedCredentials(options.credentials));
}

function transportConfig(
  options: Omit<TransportOptions, 'credentials'>,
  [credentials, aksk]: [Readonly<Credentials>, boolean],
): TransportConfig {
  checkUserAgent(options.userAgent);
  return Object.freeze({
    credentials,
    aksk,
    projectId: options.projectId,
    domainId: options.domainId,
    fetch: options.fetch,
    timeoutMs: checkTimeoutMs(options.timeoutMs),
    retry: resolveRetryPolicy(options.retry),
    userAgent: options.userAgent,
    clock: options.clock ?? (() => new Date()),
    logger: options.logger,
  });
}

/**
 * A client's options, validated once: endpoint, credentials, project and transport settings. A
 * global service (`service.global`) takes its endpoint from `site` (or `baseUrl`) and has no
 * project (its paths have none and no `X-Project-Id` is sent); its account id for `X-Domain-Id`
 * comes from `domainId` or HUAWEICLOUD_SDK_DOMAIN_ID, optional as in the official SDK (which
 * looks it up when missing).
 */
export function resolveClientConfig(input: ClientInput, service: ServiceFacts): ClientConfig {
  const { env } = input;
  const global = service.global;
  const variable = service.id && `HWSEC_${service.id.toUpperCase()}_BASE_URL`;
  const explicitUrl = input.baseUrl !== undefined;
  const url = explicitUrl ? input.baseUrl : variable ? read(env, variable) : undefined;
  let baseUrl: string;
  if (!global && input.projectId !== undefined && input.projectId !== '')
    checkProjectId(input.projectId);
  if (url === undefined) {
    baseUrl = global
      ? pick('site', Object.entries(service.sites ?? {}), input.site, service.id, variable)
      : endpointForRegion(service.servers, input.region, service.id, variable);
  } else {
    // A variable moves the endpoint, not the code: a region typo must fail here, not in production.
    if (!explicitUrl && input.region !== undefined)
      endpointForRegion(service.servers, input.region, service.id, variable);
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
  const given = input.credentials;
  const credentials = checkedCredentials(given !== undefined ? given : fromEnv(env));
  if (global) {
    const domainId = input.domainId ?? read(env, DOMAIN);
    if (domainId !== undefined)
      checkPlainId(domainId, input.domainId === undefined ? DOMAIN : 'domainId', 'domain');
    return Object.freeze({
      ...transportConfig({ ...input, projectId: undefined, domainId }, credentials),
      baseUrl,
      onSpecHost: url === undefined,
    });
  }
  const projectId = input.projectId ?? read(env, PROJECT);
  // With AK/SK and a region it is looked up on first use (id-lookup.ts); a token is never.
  const lookup = credentials[1] && input.region !== undefined && service.identity;
  if (input.projectId === '' || (service.needsProjectId && !projectId && !lookup))
    fail(
      'projectId',
      input.projectId === ''
        ? 'empty'
        : `not given, and ${PROJECT} is unset or empty${service.identity && !credentials[1] ? ' (with a token it is not looked up: the token is scoped to a project)' : ''}`,
      `the projectId option or ${PROJECT} (IAM console, My Credentials > Projects)${service.identity && credentials[1] ? ', or `region` to look it up through IAM' : ''}`,
    );
  // A project id read from HUAWEICLOUD_SDK_PROJECT_ID must be as plain as one given directly.
  if (input.projectId === undefined && projectId !== undefined) checkProjectId(projectId);
  return Object.freeze({
    ...transportConfig({ ...input, projectId, domainId: undefined }, credentials),
    baseUrl,
    onSpecHost: url === undefined,
  });
}
