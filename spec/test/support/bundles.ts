// Loads the bundled APIs (dist/<api>.json, written by the `bundle` task) and compiles JSON Schema
// 2020-12 validators for any node of them, so tests check the bundle the clients, mock and docs
// consume rather than the split sources.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export const apiNames = ['hss', 'dsc', 'secmaster'] as const;
export type ApiName = (typeof apiNames)[number];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

const distDir = join(import.meta.dirname, '..', '..', 'dist');

export function loadBundle(api: ApiName): Json {
  return JSON.parse(readFileSync(join(distDir, `${api}.json`), 'utf8'));
}

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

function createAjv(): Ajv2020 {
  // strict: OpenAPI adds keywords (example, discriminator, xml, externalDocs) that JSON Schema lacks.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= INT32.min && n <= INT32.max,
  });
  ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  return ajv;
}

export interface SchemaValidator {
  /** Error messages naming the field (`/period_num must be <= 1000`), empty when valid. */
  errors(value: unknown): string[];
}

export function describeError(error: ErrorObject): string {
  const field =
    error.keyword === 'required'
      ? `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}`
      : error.instancePath || '/';
  const detail =
    error.keyword === 'enum'
      ? `must be one of ${JSON.stringify((error.params as { allowedValues: unknown[] }).allowedValues)}`
      : error.keyword === 'required'
        ? 'is required'
        : error.message;
  return `${field} ${detail}`;
}

/** Validators for JSON pointers into one bundle, e.g. `#/components/schemas/UpdateProduct`. */
export function validatorsFor(api: ApiName) {
  const ajv = createAjv();
  const id = `https://hwsec.invalid/${api}.json`;
  ajv.addSchema({ $id: id, ...stripForAjv(loadBundle(api)) });
  const cache = new Map<string, ValidateFunction>();
  return (pointer: string): SchemaValidator => {
    const compiled = cache.get(pointer) ?? ajv.compile({ $ref: `${id}${pointer}` });
    cache.set(pointer, compiled);
    return {
      errors(value) {
        return compiled(value) ? [] : (compiled.errors ?? []).map(describeError);
      },
    };
  };
}

// The whole OpenAPI document becomes one addressable schema resource; its top-level keys are not
// JSON Schema keywords, which is fine with strict off, but `openapi`'s `$ref`s must stay internal.
function stripForAjv(document: Json): Json {
  const { openapi: _openapi, info: _info, servers: _servers, ...rest } = document;
  return rest;
}

/** An operation's own parameter by name, with the JSON pointer of its schema in the bundle. */
export function operationParameter(document: Json, path: string, method: string, name: string) {
  const parameters: Array<{ name?: string }> = document.paths[path][method].parameters;
  const index = parameters.findIndex((parameter) => parameter.name === name);
  if (index < 0) throw new Error(`${method.toUpperCase()} ${path} has no parameter ${name}`);
  return {
    spec: parameters[index] as Json,
    pointer: `#/paths/${pointerToken(path)}/${method}/parameters/${index}/schema`,
  };
}

/** Escapes a key (a path template, a media type) for use in a JSON pointer (`/` → `~1`). */
export function pointerToken(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
