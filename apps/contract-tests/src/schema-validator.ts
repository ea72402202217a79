// An independent JSON Schema 2020-12 validator (Ajv) over the bundles: the oracle that checks the
// case engine itself (every derived bad value is really invalid, every generated value valid) and
// that judges provider responses alongside Prism, so a Prism gap cannot hide a broken response.
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { deref, INT32, type JsonSchema } from './json-schema.js';

export interface SchemaIssue {
  /** Instance path as segments, e.g. `['product_infos', '0', 'resource_size']`. */
  path: string[];
  keyword: string;
  message: string;
}

/** A copy of `schema` with every local `$ref` replaced by its target (the bundles have no cycles). */
export function inlineRefs(document: unknown, schema: unknown, depth = 0): unknown {
  if (depth > 64) throw new Error('schema nesting too deep (a $ref cycle?)');
  if (Array.isArray(schema)) return schema.map((item) => inlineRefs(document, item, depth + 1));
  if (typeof schema !== 'object' || schema === null) return schema;
  const resolved = '$ref' in schema ? deref<object>(document, schema) : schema;
  return Object.fromEntries(
    Object.entries(resolved).map(([key, value]) => [key, inlineRefs(document, value, depth + 1)]),
  );
}

function issueOf(error: ErrorObject): SchemaIssue {
  const path =
    error.instancePath === ''
      ? []
      : error.instancePath
          .slice(1)
          .split('/')
          .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (error.keyword === 'required')
    path.push((error.params as { missingProperty: string }).missingProperty);
  return { path, keyword: error.keyword, message: error.message ?? error.keyword };
}

export function createSchemaValidator(document: unknown) {
  // strict: false, since OpenAPI adds keywords (example, discriminator, …) that JSON Schema lacks.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= INT32.min && n <= INT32.max,
  });
  ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  const compiled = new Map<JsonSchema, ValidateFunction>();
  return (schema: JsonSchema, value: unknown): SchemaIssue[] => {
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile(inlineRefs(document, schema) as object);
      compiled.set(schema, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []).map(issueOf);
  };
}
