// Builds a service's client from its generated description (servers + operations) and the
// generated `paths` types: an openapi-fetch client on our transport, plus one method per
// operation. Each package (@hwsec/hss, ...) is a thin typed wrapper around this.
import createClient, { type Client } from 'openapi-fetch';
import { endpointForRegion, normalizeBaseUrl, type ServerTemplate } from './endpoint.js';
import { checkCallInput } from './input-checks.js';
import { checkBaseUrl, checkProjectIdOption } from './option-checks.js';
import type {
  FilledParams,
  MediaType,
  OperationInfo,
  OperationMethods,
} from './operation-types.js';
import { strictPathSerializer } from './path-serializer.js';
import { PlainRequest } from './plain-request.js';
import { createTransport, type TransportOptions } from './transport.js';

export interface CommonClientOptions extends Omit<TransportOptions, 'projectId'> {
  /** Fills `{project_id}` in every operation unless the call gives `params.path.project_id`. */
  projectId?: string | undefined;
}

/** Either a region (the endpoint comes from the spec's servers) or an explicit baseUrl (mock, proxy). */
export type ServiceClientOptions<Region extends string> = CommonClientOptions &
  (
    | { region: Region; baseUrl?: string | undefined }
    | { baseUrl: string; region?: Region | undefined }
  );

export interface ServiceDescription<Ops extends Record<string, OperationInfo>> {
  servers: readonly ServerTemplate[];
  operations: Ops;
  /** Header values every operation gets unless the call sets them (e.g. X-Language). */
  headerDefaults?: Readonly<Record<string, string>>;
}

export type ServiceClient<
  Paths extends {},
  Ops extends Record<string, OperationInfo>,
  F extends FilledParams,
> = Client<Paths, MediaType> & OperationMethods<Paths, Ops, F>;

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
  const baseUrl =
    options.baseUrl !== undefined
      ? normalizeBaseUrl(checkBaseUrl(options.baseUrl))
      : endpointForRegion(service.servers, options.region as string);
  checkProjectIdOption(options.projectId);
  const { transport } = createTransport(options);
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
