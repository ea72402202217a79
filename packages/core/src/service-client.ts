// Builds a service's client from its generated description (servers + operations) and the
// generated `paths` types: the by-path client (openapi-fetch's API, path-client.ts) on our
// transport, plus one method per operation. Each package (@hwsec/hss, ...) is a thin typed wrapper around this.
import type { Client } from 'openapi-fetch';
import { resolveClientConfig, type ClientEnv, type TransportOptions } from './client-config.js';
import type { Credentials } from './credentials.js';
import type { ServerTemplate } from './endpoint.js';
import { checkCallInput } from './input-checks.js';
import { checkOptionKeys } from './option-keys.js';
import { trackOrder } from './order-facts.js';
import { checkUnknownKeys } from './unknown-keys.js';
import type {
  FilledParams,
  MediaType,
  OperationInfo,
  OperationMethods,
} from './operation-types.js';
import { idLookup, type IdentityFacts } from './id-lookup.js';
import { createPathClient } from './path-client.js';
import { transportFor } from './transport.js';

export interface CommonClientOptions extends Omit<TransportOptions, 'projectId' | 'credentials'> {
  /**
   * Fills `{project_id}` in every operation unless the call gives `params.path.project_id`.
   * Default: `HUAWEICLOUD_SDK_PROJECT_ID`; with neither, an AK/SK client with a region looks it
   * up through IAM on first use (read-only, once per access key and region); any other client
   * with neither is refused at creation.
   */
  projectId?: string | undefined;
  /**
   * IAM's endpoint, where a project id (or a global service's account id) that is not set is
   * looked up with AK/SK. Default: `HUAWEICLOUD_SDK_IAM_ENDPOINT`, else the spec's IAM host for
   * the region (or site).
   */
  iamEndpoint?: string | undefined;
  /**
   * `{ token }` or `{ accessKey, secretKey, securityToken? }`. Default: `HUAWEICLOUD_SDK_AK` +
   * `HUAWEICLOUD_SDK_SK` (+ `HUAWEICLOUD_SDK_SECURITY_TOKEN`), or else `HWSEC_IAM_TOKEN`.
   */
  credentials?: Credentials | undefined;
  /**
   * Where omitted settings are read from. Default `process.env` where there is one (nothing in
   * browsers); pass a Worker's `env`, or `{}` to use explicit options only.
   */
  env?: ClientEnv | undefined;
}

/**
 * Either a region (the endpoint comes from the spec's servers) or an explicit baseUrl (mock,
 * proxy). `HWSEC_<SERVICE>_BASE_URL` (e.g. `HWSEC_HSS_BASE_URL`) overrides the region's endpoint.
 */
export type ServiceClientOptions<Region extends string> = CommonClientOptions &
  (
    | { region: Region; baseUrl?: string | undefined }
    | { baseUrl: string; region?: Region | undefined }
  );

/**
 * A global service's client (BSS, IAM): a `site` (the endpoint comes from the spec's servers of
 * each site) or an explicit baseUrl; no project. `HWSEC_<SERVICE>_BASE_URL` overrides the site's
 * endpoint as for a regional service.
 */
export type GlobalServiceClientOptions<Site extends string> = Omit<
  CommonClientOptions,
  'projectId'
> & {
  /**
   * The account (domain) id, sent as `X-Domain-Id` inside the AK/SK signature as the official
   * SDK's `GlobalCredentials` does. Default: `HUAWEICLOUD_SDK_DOMAIN_ID`; without either the
   * header is left out (token requests never send it).
   */
  domainId?: string | undefined;
} & ({ site: Site; baseUrl?: string | undefined } | { baseUrl: string; site?: Site | undefined });

export interface ServiceDescription<Ops extends Record<string, OperationInfo>> {
  /** The spec's API name (`hss`): names `HWSEC_HSS_BASE_URL` and the service in errors. */
  id?: string | undefined;
  servers: readonly ServerTemplate[];
  /**
   * A global service (`x-hwsec-global`): one endpoint per site (`sites`, site → URL) instead of
   * per region, no project, and `X-Domain-Id` on AK/SK requests.
   */
  global?: boolean | undefined;
  sites?: Readonly<Record<string, string>> | undefined;
  /** Where IAM is and its lookup paths (from the spec), for ids the options leave out. */
  identity?: IdentityFacts | undefined;
  operations: Ops;
  /** Header values every operation gets unless the call sets them (e.g. X-Language). */
  headerDefaults?: Readonly<Record<string, string>>;
}

export type ServiceClient<
  Paths extends {},
  Ops extends Record<string, OperationInfo>,
  F extends FilledParams,
  /** The service's documented error codes (generated), typing `error.error_code`. */
  Code extends string = never,
> = Client<Paths, MediaType> & OperationMethods<Paths, Ops, F, Code>;

interface LooseInit {
  params?: {
    path?: Record<string, unknown>;
    header?: Record<string, unknown>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export function createServiceClient<
  Paths extends {},
  Ops extends Record<string, OperationInfo>,
  F extends FilledParams = { path: 'project_id'; header: never },
  // The generated client's own error codes: returning exactly its declared type spares the
  // compiler a structural comparison of every method (about 9 s of each client's build).
  Code extends string = never,
>(
  options: ServiceClientOptions<string> | GlobalServiceClientOptions<string>,
  service: ServiceDescription<Ops>,
): ServiceClient<Paths, Ops, F, Code> {
  const needsProjectId = Object.values(service.operations).some((op) =>
    op.path.includes('{project_id}'),
  );
  checkOptionKeys(options);
  const config = resolveClientConfig(options, { ...service, needsProjectId });
  const { transport, redact } = transportFor(config);
  const { global } = service;
  const lookup = idLookup(config, options, service.identity, global);
  const client = createPathClient<Paths>(config.baseUrl, transport);
  const headerDefaults = service.headerDefaults ?? {};
  const methods: Record<string, (init?: LooseInit) => Promise<unknown>> = {};

  for (const operationId of Object.keys(service.operations)) {
    const info = service.operations[operationId]!;
    const { method, path } = info;
    const send = client[method.toUpperCase() as 'GET'] as unknown as (
      path: string,
      init: LooseInit,
    ) => Promise<unknown>;
    const needsProject = path.includes('{project_id}');
    const call = (init: LooseInit, found?: string) => {
      const params = init.params ?? {};
      const pathParams = needsProject
        ? { project_id: found ?? config.projectId, ...params.path }
        : params.path;
      // A looked-up account id is sent (and signed) as X-Domain-Id, as the option's would be.
      const header = found && global ? { 'x-domain-id': found, ...params.header } : params.header;
      try {
        checkUnknownKeys(operationId, info.inputs, init);
        checkCallInput(operationId, info, {
          path: pathParams,
          query: params['query'] as Record<string, unknown> | undefined,
          header: params.header,
          body: init['body'],
        });
      } catch (error) {
        return Promise.reject(error);
      }
      const sendOnce = () =>
        send(path, {
          ...init,
          params: { ...params, path: pathParams, header: { ...headerDefaults, ...header } },
          hwsecOperation: operationId,
          // The transport sends it as X-Project-Id with AK/SK (build-request.ts decides).
          hwsecProjectId: pathParams?.['project_id'],
        }) as Promise<{ response: Response }>;
      if (!info.order) return sendOnce();
      // An order's ambiguous failure carries what reconciliation needs (order-facts.ts).
      const where = options as { region?: string };
      return trackOrder(
        info.order,
        {
          service: service.id ?? '',
          operation: operationId,
          region: where.region,
          projectId: pathParams?.['project_id'] as string | undefined,
          body: init['body'],
          now: config.clock(),
        },
        redact,
        sendOnce,
      );
    };
    // The id is looked up (once) only where the call needs it and does not give it.
    methods[operationId[0]!.toLowerCase() + operationId.slice(1)] = (init = {}) =>
      lookup && (global || (needsProject && init.params?.path?.['project_id'] === undefined))
        ? lookup(operationId).then((id) => call(init, id))
        : call(init);
  }
  return Object.assign(client, methods) as ServiceClient<Paths, Ops, F, Code>;
}
