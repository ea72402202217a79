// One small, deterministic valid value per schema: the documented example when there is one,
// otherwise the simplest value meeting every keyword. Used to fill in optional fields an example
// leaves out, so their constraints get counter-examples too.
import { deref, type JsonSchema } from './json-schema.js';

const FILL_CHARACTERS = ['a', 'A', '0', 'x', '_', '-'];

export function patternOf(schema: JsonSchema): RegExp | undefined {
  return schema.pattern === undefined ? undefined : new RegExp(schema.pattern, 'u');
}

/** A string of exactly `length` characters that satisfies the schema's pattern. */
export function stringOfLength(schema: JsonSchema, length: number): string {
  const pattern = patternOf(schema);
  for (const fill of FILL_CHARACTERS) {
    const candidate = fill.repeat(length);
    if (!pattern || pattern.test(candidate)) return candidate;
  }
  throw new Error(`no filler character satisfies the pattern ${schema.pattern}`);
}

function clamp(value: number, schema: JsonSchema): number {
  let result = value;
  if (schema.minimum !== undefined) result = Math.max(result, schema.minimum);
  if (schema.maximum !== undefined) result = Math.min(result, schema.maximum);
  return result;
}

export function validSample(document: unknown, raw: JsonSchema): unknown {
  const schema = deref<JsonSchema>(document, raw);
  if (schema.example !== undefined) return structuredClone(schema.example);
  if (schema.enum !== undefined) return schema.enum[0];
  switch (schema.type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const name of schema.required ?? [])
        result[name] = validSample(document, schema.properties?.[name] ?? {});
      return result;
    }
    case 'array': {
      const count = Math.min(Math.max(schema.minItems ?? 0, 1), schema.maxItems ?? Infinity);
      return Array.from({ length: count }, () => validSample(document, schema.items ?? {}));
    }
    case 'integer':
    case 'number':
      return clamp(1, schema);
    case 'boolean':
      return false;
    case 'string': {
      const length = Math.min(Math.max(schema.minLength ?? 1, 1), schema.maxLength ?? Infinity);
      return stringOfLength(schema, length);
    }
    default:
      throw new Error(`cannot build a sample for schema type ${String(schema.type)}`);
  }
}
