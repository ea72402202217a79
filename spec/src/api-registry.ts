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
  const invalidParameter = serviceError(id, 'the 400 example', badRequestExample(id, document));
  const unparseable = document['x-hwsec-unparseable-body-error'];
  const unparseableBody =
    unparseable === undefined
      ? invalidParameter
      : serviceError(id, 'x-hwsec-unparseable-body-error', unparseable);
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
