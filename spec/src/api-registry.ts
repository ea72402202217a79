/**
 * What the apps know about each registered API, all read from the spec: the ids from redocly.yaml,
 * the facts OpenAPI has no field for from the `x-hwsec-*` extensions of each root document
 * (documented in spec/README.md), and the service's own error wording from its 400 example.
 */
import { apiFiles, apiIds, SPEC_DIR, type ApiFiles } from './api-ids.js';
import type { Json } from './json-pointer.js';
import { listOperations } from './list-operations.js';
import { loadBundle } from './load-bundle.js';
import { pointerTokens, resolveRef } from './json-pointer.js';

/** A service's code and message for one kind of refusal (`error_code`, `error_msg` by default). */
export interface ServiceError {
  /** The code as text; a service whose codes are numbers (IAM's `400`) gets it back as one. */
  readonly code: string;
  /** The start of the message, in the service's own capitalisation (`invalid parameter`). */
  readonly message: string;
}

/**
 * Where a service's error body keeps its code and message (`x-hwsec-error-body`, JSON pointers):
 * `/error_code` and `/error_msg` unless the API says otherwise (IAM: `/error/code`,
 * `/error/message`). `example` is the 400 example, the body's other members (IAM's `title`).
 */
export interface ErrorBodyShape {
  readonly code: string;
  readonly message: string;
  readonly example: Json;
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
  /**
   * The Billing Center's code of the service (`x-hwsec-service-type-code`), e.g.
   * `hws.service.type.hss`: the `service_type_code` of the orders placed through it. Absent for
   * an API that places no orders.
   */
  readonly serviceTypeCode: string | undefined;
  /** The client package wrapping it (`x-hwsec-client`), absent for an API without one. */
  readonly client: { readonly package: string; readonly factory: string } | undefined;
  /**
   * `x-hwsec-global`: one host per site rather than per region, no `{project_id}` in the paths,
   * and AK/SK requests signed with `X-Domain-Id` (the account ID) instead of `X-Project-Id`.
   */
  readonly global: boolean;
  /**
   * The server of each site (`x-hwsec-sites` of a server: `cn`, `intl`, `eu`), site → URL;
   * empty for an API whose servers are per region only.
   */
  readonly sites: Readonly<Record<string, string>>;
  readonly errors: {
    /** Where the code and message sit in the service's error body. */
    readonly body: ErrorBodyShape;
    /** From the 400 example of the API's operations. */
    readonly invalidParameter: ServiceError;
    /** `x-hwsec-unparseable-body-error`, else the same as `invalidParameter`. */
    readonly unparseableBody: ServiceError;
    /**
     * `x-hwsec-error-languages`: the request header that picks the language of the service's own
     * `error_msg` (SecMaster's `X-Language`) and, per value of it, the translation of each English
     * wording. Absent for a service that answers in one language.
     */
    readonly languages: ErrorLanguages | undefined;
  };
}

export interface ErrorLanguages {
  /** Lower-case header name, e.g. `x-language`. */
  readonly header: string;
  /** Header value (lower case, e.g. `zh-cn`) → English wording → that language's wording. */
  readonly translations: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** `english` in the language the request's header asks for; English for any other value. */
export function localizedErrorMessage(
  languages: ErrorLanguages | undefined,
  english: string,
  headerValue: string | undefined,
): string {
  if (languages === undefined || headerValue === undefined) return english;
  return languages.translations[headerValue.trim().toLowerCase()]?.[english] ?? english;
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

const DEFAULT_ERROR_BODY = { code: '/error_code', message: '/error_msg' };

/** The member of an error body at a JSON pointer (`/error/code`), undefined when absent. */
function at(body: Json, pointer: string): Json {
  let node = body;
  for (const token of pointerTokens(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = node[token];
  }
  return node;
}

function serviceError(
  id: string,
  where: string,
  body: Json,
  shape: { code: string; message: string },
): ServiceError {
  const code = at(body, shape.code);
  const message = at(body, shape.message);
  if (!['string', 'number'].includes(typeof code) || typeof message !== 'string')
    fail(id, `${where} must hold a code at ${shape.code} and a message at ${shape.message}`);
  return { code: String(code), message };
}

function errorBodyPointers(id: string, value: Json): { code: string; message: string } {
  if (value === undefined) return DEFAULT_ERROR_BODY;
  for (const key of ['code', 'message'])
    if (typeof value?.[key] !== 'string' || !value[key].startsWith('/'))
      fail(id, `x-hwsec-error-body.${key} must be a JSON pointer such as /error/${key}`);
  return { code: value.code, message: value.message };
}

/**
 * The service's error body for `error`: the 400 example with its code and message replaced (the
 * code keeps the example's JSON type), so a mock answers in the service's own shape.
 */
export function serviceErrorBody(api: ApiEntry, error: ServiceError): Json {
  const { code, message, example } = api.errors.body;
  const body = structuredClone(example);
  const set = (pointer: string, value: unknown) => {
    const tokens = pointerTokens(pointer);
    const last = tokens.pop()!;
    tokens.reduce((node, token) => node[token], body)[last] = value;
  };
  set(code, typeof at(example, code) === 'number' ? Number(error.code) : error.code);
  set(message, error.message);
  return body;
}

/** `x-hwsec-global` and the sites of the servers, checked against the paths. */
function siteFacts(id: string, document: Json): { global: boolean; sites: Record<string, string> } {
  const global = document['x-hwsec-global'] ?? false;
  if (typeof global !== 'boolean') fail(id, 'x-hwsec-global must be true or false');
  const sites: Record<string, string> = {};
  for (const server of document.servers ?? []) {
    const names = server['x-hwsec-sites'];
    if (names === undefined) continue;
    if (!Array.isArray(names) || names.length === 0)
      fail(id, `x-hwsec-sites of ${server.url} must list sites, e.g. [cn]`);
    if (server.variables !== undefined)
      fail(id, `${server.url} has x-hwsec-sites, so its URL must be fixed (no variables)`);
    for (const name of names) {
      if (typeof name !== 'string' || !/^[a-z]+$/.test(name))
        fail(id, `x-hwsec-sites of ${server.url}: "${name}" is not a site name (a-z)`);
      if (sites[name] !== undefined) fail(id, `site ${name} has two servers`);
      sites[name] = server.url;
    }
  }
  if (global) {
    if (Object.keys(sites).length === 0)
      fail(id, 'x-hwsec-global: true needs a server with x-hwsec-sites per site');
    const regional = Object.keys(document.paths ?? {}).find((path) =>
      path.includes('{project_id}'),
    );
    if (regional !== undefined)
      fail(id, `x-hwsec-global: true, yet ${regional} takes a {project_id}`);
  }
  return { global, sites };
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

function errorLanguages(
  id: string,
  value: Json,
  mustTranslate: readonly string[],
): ErrorLanguages | undefined {
  if (value === undefined) return undefined;
  const where = 'x-hwsec-error-languages';
  if (typeof value?.header !== 'string' || value.header === '')
    fail(id, `${where}.header must name a request header`);
  const translations: Record<string, Record<string, string>> = {};
  for (const [language, words] of Object.entries<Json>(value.translations ?? {})) {
    if (words === null || typeof words !== 'object')
      fail(id, `${where}.translations.${language} must map English wording to its translation`);
    for (const [english, translated] of Object.entries<Json>(words))
      if (typeof translated !== 'string' || translated === '')
        fail(id, `${where}.translations.${language}["${english}"] must be a non-empty string`);
    for (const english of mustTranslate)
      if (typeof words[english] !== 'string')
        fail(id, `${where}.translations.${language} has no translation of "${english}"`);
    translations[language.toLowerCase()] = { ...words };
  }
  if (Object.keys(translations).length === 0)
    fail(id, `${where}.translations must name at least one language`);
  return { header: value.header.toLowerCase(), translations };
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
  const serviceTypeCode = document['x-hwsec-service-type-code'];
  if (serviceTypeCode !== undefined && !/^hws\.service\.type\.[a-z0-9]+$/.test(serviceTypeCode))
    fail(id, 'x-hwsec-service-type-code must look like hws.service.type.<code>');
  const pointers = errorBodyPointers(id, document['x-hwsec-error-body']);
  const example = badRequestExample(id, document);
  const invalidParameter = serviceError(id, 'the 400 example', example, pointers);
  const unparseable = document['x-hwsec-unparseable-body-error'];
  const unparseableBody =
    unparseable === undefined
      ? invalidParameter
      : serviceError(id, 'x-hwsec-unparseable-body-error', unparseable, pointers);
  return {
    id,
    name: text(id, document, 'x-hwsec-name'),
    title: text(id, document, 'x-hwsec-title'),
    files: apiFiles(id, specDir),
    bundleExport: `@hwsec/spec/${id}.json`,
    mockPort: port,
    serviceTypeCode,
    client: client && { package: client.package, factory: client.factory },
    ...siteFacts(id, document),
    errors: {
      body: { ...pointers, example },
      invalidParameter,
      unparseableBody,
      languages: errorLanguages(id, document['x-hwsec-error-languages'], [
        invalidParameter.message,
        unparseableBody.message,
      ]),
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
