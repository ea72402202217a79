// The subset of JSON Schema (OpenAPI 3.1 dialect) the bundles use, and local `$ref` resolution.
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

export const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 } as const;

/** Follows a local JSON pointer (`#/components/schemas/X`) inside `document`. */
export function resolvePointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, got ${ref}`);
  let node = document as Record<string, unknown>;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    node = node?.[key] as Record<string, unknown>;
    if (node === undefined) throw new Error(`unresolvable $ref ${ref}`);
  }
  return node;
}

/** Resolves `$ref` chains (and fails loudly on constructs this engine does not model). */
export function deref<T extends object>(document: unknown, node: object): T {
  let current = node as T & { $ref?: string };
  for (let hops = 0; current.$ref !== undefined; hops++) {
    if (hops > 32) throw new Error(`$ref cycle at ${current.$ref}`);
    current = resolvePointer(document, current.$ref) as T & { $ref?: string };
  }
  const schema = current as JsonSchema;
  for (const combinator of ['allOf', 'oneOf', 'anyOf'] as const) {
    // Prism has known gaps with these (stoplightio/prism#2574/#2575); the engine must be taught
    // them explicitly rather than silently derive nothing.
    if (schema[combinator] !== undefined)
      throw new Error(`${combinator} is not modelled by the case engine yet`);
  }
  return current;
}
