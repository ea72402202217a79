// One small, deterministic valid value per schema: the documented example when there is one,
// otherwise the simplest value meeting every keyword. Used to fill in optional fields an example
// leaves out, so their constraints get counter-examples too.
import fc from 'fast-check';
import { conditionalsOf, obeyConditionals } from './conditionals.js';
import { deref, type JsonSchema } from './json-schema.js';

const FILL_CHARACTERS = ['a', 'A', '0', 'x', '_', '-'];

export function patternOf(schema: JsonSchema): RegExp | undefined {
  return schema.pattern === undefined ? undefined : new RegExp(schema.pattern, 'u');
}

/**
 * A string of exactly `length` characters that satisfies the schema's pattern, or undefined when
 * none is found. Repeated fillers serve free-text patterns; structured ones (a date-time) get a
 * match drawn from the pattern itself, with a fixed seed so the result stays deterministic.
 */
export function findStringOfLength(schema: JsonSchema, length: number): string | undefined {
  const pattern = patternOf(schema);
  for (const fill of FILL_CHARACTERS) {
    const candidate = fill.repeat(length);
    if (!pattern || pattern.test(candidate)) return candidate;
  }
  return fc
    .sample(fc.stringMatching(pattern!), { numRuns: 500, seed: 1 })
    .find((candidate) => [...candidate].length === length);
}

/** A string the pattern matches, of any length the schema allows (fixed seed: deterministic). */
function matchWithinLengths(schema: JsonSchema): string {
  const fits = (s: string) =>
    [...s].length >= (schema.minLength ?? 0) && [...s].length <= (schema.maxLength ?? Infinity);
  const found = fc
    .sample(fc.stringMatching(patternOf(schema)!), { numRuns: 500, seed: 1 })
    .find(fits);
  if (found === undefined)
    throw new Error(`no string within the lengths matches ${schema.pattern}`);
  return found;
}

/** A string of exactly `length` characters that satisfies the schema's pattern. */
export function stringOfLength(schema: JsonSchema, length: number): string {
  const found = findStringOfLength(schema, length);
  if (found === undefined)
    throw new Error(`no string of ${length} characters satisfies the pattern ${schema.pattern}`);
  return found;
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
      return obeyConditionals(conditionalsOf(schema), result, (name) =>
        validSample(document, schema.properties?.[name] ?? {}),
      );
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
      return findStringOfLength(schema, length) ?? matchWithinLengths(schema);
    }
    default:
      throw new Error(`cannot build a sample for schema type ${String(schema.type)}`);
  }
}
