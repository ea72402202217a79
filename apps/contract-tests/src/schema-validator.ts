// An independent JSON Schema 2020-12 validator (Ajv) over the bundles: the oracle that checks the
// case engine itself (every derived bad value is really invalid, every generated value valid) and
// that judges provider responses alongside Prism, so a Prism gap cannot hide a broken response.
import {
  createSchemaValidator as createBundleValidator,
  type ErrorObject,
} from '@hwsec/spec/schema-validator';
import { deref, type JsonSchema } from './json-schema.js';

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
  const validator = createBundleValidator(document);
  return (schema: JsonSchema, value: unknown): SchemaIssue[] => {
    const validate = validator.forSchema(schema);
    // An `if` error only says a then/else branch failed; the branch's own error, reported
    // alongside, names the field and the rule.
    return validate(value)
      ? []
      : (validate.errors ?? []).filter((e) => e.keyword !== 'if').map(issueOf);
  };
}
