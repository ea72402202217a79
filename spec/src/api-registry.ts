/**
 * What the apps know about each registered API, all read from the spec: the ids from redocly.yaml,
 * the facts OpenAPI has no field for from the `x-hwsec-*` extensions of each root document
 * (documented in spec/README.md), and the service's own error wording from its 400 example.
 */
import { apiFiles, apiIds, SPEC_DIR, type ApiFiles } from './api-ids.js';
import type { Json } from './json-pointer.js';
import { listOperations } from './list-operations.js';
import { loadBundle } from './load-bundle.js';
import { resolveRef } from './json-pointer.js';

/** A service's `{ error_code, error_msg }` for one kind of refusal. */
export interface ServiceError {
  readonly code: string;
  /** The start of `error_msg`, in the service's own capitalisation (`invalid parameter`). */
  readonly message: string;
}

export interface ApiEntry {
  /** The key under `apis:` in redocly.yaml, e.g. `hss`. */
  readonly id: string;
  /** Short name for logs, menus and page titles (`x-hwsec-name`), e.g. `HSS`. */
  readonly name: string;
  /** The service's long name (`x-hwsec-title`), e.g. `Host Security Service`. */
  readonly title: string;
  readonly files: ApiFiles;
  /** The `@hwsec/spec` export of the JSON bundle, e.g. `@hwsec/spec/hss.json`. */
  readonly bundleExport: string;
  /** The mock's default port for this service (`x-hwsec-mock-port`). */
  readonly mockPort: number;
  /** The client package wrapping it (`x-hwsec-client`), absent for an API without one. */
  readonly client: { readonly package: string; readonly factory: string } | undefined;
  readonly errors: {
    /** From the 400 example of the API's operations. */
    readonly invalidParameter: ServiceError;
    /** `x-hwsec-unparseable-body-error`, else the same as `invalidParameter`. */
    readonly unparseableBody: ServiceError;
  };
}

export interface ApiRegistry {
  /** Registered ids, in redocly.yaml's order. */
  readonly ids: readonly string[];
  readonly apis: readonly ApiEntry[];
  /** The entry of `id`; throws naming the registered ids when there is none. */
  get(id: string): ApiEntry;
  has(id: string): boolean;
}

function fail(id: string, message: string): never {
  throw new Error(`API ${id} (spec/openapi/${id}/openapi.yaml): ${message}`);
}

function text(id: string, document: Json, key: string): string {
  const value = document[key];
  if (typeof value !== 'string' || value === '') fail(id, `${key} must be a non-empty string`);
  return value;
}

function serviceError(id: string, where: string, body: Json): ServiceError {
  if (typeof body?.error_code !== 'string' || typeof body?.error_msg !== 'string')
    fail(id, `${where} must be an { error_code, error_msg } object`);
  return { code: body.error_code, message: body.error_msg };
}

/** The first example of the first operation's 400 answer: how the service words a bad parameter. */
function badRequestExample(id: string, document: Json): Json {
  for (const { operation } of listOperations(document)) {
    const response = operation.responses?.['400'];
    if (response === undefined) continue;
    const media = resolveRef(document, response)?.content?.['application/json'];
    const named = Object.values<Json>(media?.examples ?? {})[0];
    const example = media?.example ?? (named && resolveRef(document, named).value);
    if (example !== undefined) return example;
  }
  fail(id, 'no operation has a 400 response with an example (its error_code is the mock’s)');
}

function entryOf(id: string, specDir: string): ApiEntry {
  const document = loadBundle(id, specDir);
  const port = document['x-hwsec-mock-port'];
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    fail(id, 'x-hwsec-mock-port must be a port number (1-65535)');
  const client = document['x-hwsec-client'];
  if (
    client !== undefined &&
    (typeof client?.package !== 'string' || typeof client?.factory !== 'string')
  )
    fail(id, 'x-hwsec-client must be { package, factory }');
  const invalidParameter = serviceError(id, 'the 400 example', badRequestExample(id, document));
  const unparseable = document['x-hwsec-unparseable-body-error'];
  return {
    id,
    name: text(id, document, 'x-hwsec-name'),
    title: text(id, document, 'x-hwsec-title'),
    files: apiFiles(id, specDir),
    bundleExport: `@hwsec/spec/${id}.json`,
    mockPort: port,
    client: client && { package: client.package, factory: client.factory },
    errors: {
      invalidParameter,
      unparseableBody:
        unparseable === undefined
          ? invalidParameter
          : serviceError(id, 'x-hwsec-unparseable-body-error', unparseable),
    },
  };
}

const registries = new Map<string, ApiRegistry>();

/** Every registered API with its facts. Needs the bundles (`pnpm exec turbo run bundle`). */
export function readApiRegistry(specDir: string = SPEC_DIR): ApiRegistry {
  let registry = registries.get(specDir);
  if (registry === undefined) {
    const ids = apiIds(specDir);
    const apis = ids.map((id) => entryOf(id, specDir));
    const byId = new Map(apis.map((api) => [api.id, api]));
    const ports = new Map<number, string>();
    for (const api of apis) {
      const other = ports.get(api.mockPort);
      if (other !== undefined) fail(api.id, `x-hwsec-mock-port ${api.mockPort} is ${other}'s too`);
      ports.set(api.mockPort, api.id);
    }
    registry = {
      ids,
      apis,
      has: (id) => byId.has(id),
      get(id) {
        const api = byId.get(id);
        if (api === undefined)
          throw new Error(`unknown API "${id}"; registered: ${ids.join(', ')}`);
        return api;
      },
    };
    registries.set(specDir, registry);
  }
  return registry;
}
