// The subset of JSON Schema (OpenAPI 3.1 dialect) the bundles use, and `$ref` chains followed
// (by the @hwsec/spec resolver) to a schema the case engine can model.
import { resolveRef } from '@hwsec/spec';
import { conditionalsOf } from './conditionals.js';

export interface JsonSchema {
  $ref?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';
  format?: string;
  enum?: readonly unknown[];
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  example?: unknown;
  allOf?: readonly JsonSchema[];
  oneOf?: readonly JsonSchema[];
  anyOf?: readonly JsonSchema[];
  [keyword: string]: unknown;
}

export { INT32 } from '@hwsec/spec/schema-validator';

/** Resolves `$ref` chains (and fails loudly on constructs this engine does not model). */
export function deref<T extends object>(document: unknown, node: object): T {
  const current = resolveRef<T>(document, node);
  const schema = current as JsonSchema;
  // allOf is read only as switch/dependent rules (conditionals.ts), which throws on anything else.
  conditionalsOf(schema);
  for (const combinator of ['oneOf', 'anyOf'] as const) {
    // Prism has known gaps with these (stoplightio/prism#2574/#2575); the engine must be taught
    // them explicitly rather than silently derive nothing.
    if (schema[combinator] !== undefined)
      throw new Error(`${combinator} is not modelled by the case engine yet`);
  }
  return current;
}
