// Builds a service's client from its generated description (servers + operations) and the
// generated `paths` types: an openapi-fetch client on our transport, plus one method per
// operation. Each package (@hwsec/hss, ...) is a thin typed wrapper around this.
import createClient, { type Client } from 'openapi-fetch';
import { resolveClientConfig, type ClientEnv } from './client-config.js';
import type { Credentials } from './credentials.js';
import type { ServerTemplate } from './endpoint.js';
import { checkCallInput } from './input-checks.js';
import { checkProjectIdOption } from './option-checks.js';
import type {
  FilledParams,
  MediaType,
  OperationInfo,
  OperationMethods,
} from './operation-types.js';
import { strictPathSerializer } from './path-serializer.js';
import { PlainRequest } from './plain-request.js';
import { createTransport, type TransportOptions } from './transport.js';

export interface CommonClientOptions extends Omit<TransportOptions, 'projectId' | 'credentials'> {
  /**
   * Fills `{project_id}` in every operation unless the call gives `params.path.project_id`.
   * Default: `HUAWEICLOUD_SDK_PROJECT_ID`; a client with neither is refused at creation.
   */
  projectId?: string | undefined;
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

export interface ServiceDescription<Ops extends Record<string, OperationInfo>> {
  /** The spec's API name (`hss`): names `HWSEC_HSS_BASE_URL` and the service in errors. */
  id?: string | undefined;
  servers: readonly ServerTemplate[];
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
>(
  options: ServiceClientOptions<string>,
  service: ServiceDescription<Ops>,
): ServiceClient<Paths, Ops, F> {
  const needsProjectId = Object.values(service.operations).some((op) =>
    op.path.includes('{project_id}'),
  );
  checkProjectIdOption(options.projectId);
  const { baseUrl, ...resolved } = resolveClientConfig(options, { ...service, needsProjectId });
  // A project id read from HUAWEICLOUD_SDK_PROJECT_ID must be as plain as one given directly.
  checkProjectIdOption(resolved.projectId);
  options = { ...options, ...resolved };
  const { transport } = createTransport(options as typeof options & { credentials: Credentials });
  const client = createClient<Paths, MediaType>({
    baseUrl,
    fetch: transport as unknown as (input: Request) => Promise<Response>,
    Request: PlainRequest as unknown as typeof Request,
    pathSerializer: strictPathSerializer,
  });
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
    methods[operationId[0]!.toLowerCase() + operationId.slice(1)] = (init = {}) => {
      const params = init.params ?? {};
      const pathParams = needsProject
        ? { project_id: options.projectId || undefined, ...params.path }
        : params.path;
      try {
        checkCallInput(operationId, info, {
          path: pathParams,
          query: params['query'] as Record<string, unknown> | undefined,
          header: params.header,
          body: init['body'],
        });
      } catch (error) {
        return Promise.reject(error);
      }
      return send(path, {
        ...init,
        params: { ...params, path: pathParams, header: { ...headerDefaults, ...params.header } },
        hwsecOperation: operationId,
        // The transport sends it as X-Project-Id with AK/SK (build-request.ts decides).
        hwsecProjectId: pathParams?.['project_id'],
      });
    };
  }
  return Object.assign(client, methods) as ServiceClient<Paths, Ops, F>;
}
