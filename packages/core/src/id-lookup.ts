// The ids Huawei's SDKs find by themselves, found the same way but read-only: a regional client
// with AK/SK and a region but no project id asks IAM KeystoneListProjects (`?name=<region>`) on
// first use; a global client (BSS) with AK/SK but no account id asks KeystoneListAuthDomains.
// Exactly one match is used; zero or several is a HwsecLookupError, and nothing is ever created
// (Huawei's Node core POSTs a new project then; Go and Python refuse, as we do). With a token there
// is no lookup: the token's scope decides, as in Huawei's SDKs.
//
// The request is core's own: signed with the client's AK/SK (no X-Project-Id or X-Domain-Id, as
// the official cores sign it), with its timeout, retries of reads and logger. Where IAM is and
// its paths come from the spec (the client's generated `identity` facts); the `iamEndpoint` option
// or HUAWEICLOUD_SDK_IAM_ENDPOINT move it (a mock's IAM, another site).
//
// Most clients never look anything up (they have the id, or a token), so only the decision and the
// check of `iamEndpoint` run at creation; the asking (ask-iam.ts, with HwsecLookupError) is loaded
// with a dynamic import on the first call that needs it, and bundlers that split code leave it out
// of what an app loads before its first request.
import { read as readEnv, type ClientConfig } from './client-config.js';
import type { AkSkCredentials } from './credentials.js';
import { endpointForRegion, normalizeBaseUrl, type ServerTemplate } from './endpoint.js';
import { HwsecLookupError } from './lookup-error.js';
import { checkBaseUrl } from './option-checks.js';
import { PlainRequest } from './plain-request.js';
import { transportFor } from './transport.js';
import { signerCrypto } from '#crypto';

/** What a generated client knows about IAM, from the spec (`identity` in its service.ts). */
export interface IdentityFacts {
  /**
   * The lookup's path: KeystoneListProjects' (`/v3/projects`) for a regional service,
   * KeystoneListAuthDomains' (`/v3/auth/domains`) for a global one.
   */
  readonly path: string;
  /** IAM's endpoint for each region of a regional service. */
  readonly servers?: readonly ServerTemplate[] | undefined;
  /** IAM's endpoint for each site of a global service, site → URL. */
  readonly sites?: Readonly<Record<string, string>> | undefined;
}

/** The options the lookup reads besides the resolved config. */
const ENDPOINT = 'HUAWEICLOUD_SDK_IAM_ENDPOINT';

export interface LookupInput {
  region?: string | undefined;
  site?: string | undefined;
  iamEndpoint?: string | undefined;
  env?: Readonly<Record<string, string | undefined>> | undefined;
}

/**
 * The client's id lookup, or undefined when it has nothing to look up (the id is set, a token is
 * used, or no IAM endpoint is known: a client whose endpoint `baseUrl` or HWSEC_<ID>_BASE_URL
 * moved, without `iamEndpoint`, as the official SDK built with an endpoint only). Bad
 * `iamEndpoint` values are refused here, at creation.
 */
export function idLookup(
  config: ClientConfig,
  input: LookupInput,
  identity: IdentityFacts | undefined,
  global: boolean | undefined,
): ((operation: string) => Promise<string>) | undefined {
  const { region, site } = input;
  if (!identity || !config.aksk || (global ? config.domainId : config.projectId)) return undefined;
  if (!global && region === undefined) return undefined;
  const given = input.iamEndpoint ?? readEnv(input.env, ENDPOINT);
  if (given === undefined && !config.onSpecHost) return undefined;
  let endpoint: string | undefined;
  if (given !== undefined)
    endpoint = normalizeBaseUrl(
      checkBaseUrl(given, input.iamEndpoint === undefined ? ENDPOINT : 'iamEndpoint'),
    );
  else if (!global) endpoint = endpointForRegion(identity.servers ?? [], region, 'iam', ENDPOINT);
  else if (site !== undefined) endpoint = identity.sites?.[site];
  if (endpoint === undefined) return undefined;

  const url = endpoint + identity.path + (global ? '' : `?name=${encodeURIComponent(region!)}`);
  let asker: Promise<(operation: string) => Promise<string>> | undefined;
  return (operation) => {
    asker ??= import('./ask-iam.js').then(
      (lazy) => {
        // IAM is called with the client's keys but neither of the ids this lookup exists to find.
        const iam = transportFor({
          ...config,
          projectId: undefined,
          domainId: undefined,
        }).transport;
        // What ask-iam.ts needs of core is handed to it rather than imported there: a bundler that
        // splits code would otherwise move what both use into a chunk of its own, one more file
        // (and a worse compression) before every app's first call.
        return lazy.askIam({
          url,
          region: global ? undefined : region,
          send: (hwsecOperation) => iam(new PlainRequest(url, { method: 'GET', hwsecOperation })),
          accessKeyHash: () =>
            signerCrypto.sha256Hex((config.credentials as AkSkCredentials).accessKey),
          LookupError: HwsecLookupError,
        });
      },
      (error: unknown) => {
        // A module that failed to load (a chunk the network lost) is loaded again by the next call.
        asker = undefined;
        throw error;
      },
    );
    return asker.then((ask) => ask(operation));
  };
}
