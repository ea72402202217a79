/**
 * The JSON Schema 2020-12 validator (Ajv) for the bundles, configured once: OpenAPI's own keywords
 * tolerated, every error reported, and the formats the spec uses (`int32`, `double`, and the
 * standard ones of ajv-formats). A whole bundle is one schema resource, so every `$ref` inside a
 * schema resolves as in the document.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Json } from './json-pointer.js';

export type { ErrorObject, ValidateFunction };

export const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 } as const;

export interface SchemaValidator {
  /** Validator of the schema at `pointer`, e.g. `#/components/schemas/UpdateProduct`. */
  atPointer(pointer: string): ValidateFunction;
  /** Validator of a schema object taken from the document (its local `$ref`s resolve in it). */
  forSchema(schema: object): ValidateFunction;
}

export function createAjv(): Ajv2020 {
  // strict off: OpenAPI adds keywords (example, discriminator, xml, externalDocs) JSON Schema lacks.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= INT32.min && n <= INT32.max,
  });
  ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  return ajv;
}

let documents = 0;

/** Local refs (`#/…`) made absolute, so a schema compiled on its own resolves them in the bundle. */
function anchored(node: Json, id: string): Json {
  if (Array.isArray(node)) return node.map((item) => anchored(item, id));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries<Json>(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#')
        ? `${id}${value}`
        : anchored(value, id),
    ]),
  );
}

export function createSchemaValidator(document: Json): SchemaValidator {
  const ajv = createAjv();
  const id = `https://hwsec.invalid/bundle-${++documents}.json`;
  // The top-level keys that are not JSON Schema are left out; `$ref`s stay internal.
  const { openapi: _openapi, info: _info, servers: _servers, ...rest } = document;
  ajv.addSchema({ ...rest, $id: id });
  const byPointer = new Map<string, ValidateFunction>();
  const bySchema = new WeakMap<object, ValidateFunction>();
  return {
    atPointer(pointer) {
      let validate = byPointer.get(pointer);
      if (!validate) byPointer.set(pointer, (validate = ajv.compile({ $ref: `${id}${pointer}` })));
      return validate;
    },
    forSchema(schema) {
      let validate = bySchema.get(schema);
      if (!validate) bySchema.set(schema, (validate = ajv.compile(anchored(schema, id))));
      return validate;
    },
  };
}
