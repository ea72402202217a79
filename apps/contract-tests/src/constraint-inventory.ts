// The constraints a request schema states, listed keyword by keyword and independently of the
// case engine, so a test can prove every one of them got a bad request. It also refuses keywords
// the engine does not model, so a new kind of constraint in the spec cannot go untested.
import { conditionalsOf } from './conditionals.js';
import { deref, type JsonSchema } from './json-schema.js';
import type { Operation } from './operation-model.js';
import { fieldPath, type Segment } from './single-violations.js';

/** Keywords that only describe (no instance can violate them). */
const ANNOTATIONS = new Set([
  'description',
  'example',
  'examples',
  'default',
  'deprecated',
  'title',
  'readOnly',
  'writeOnly',
  '$comment',
]);
/** Constraint keywords the engine derives cases for. */
const MODELLED = new Set([
  'type',
  'enum',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'required',
  'properties',
  'items',
  'format',
  'allOf',
]);
/** Formats with a derivable violation; `double` is any finite JSON number, so it has none. */
const FORMATS_WITH_CASES = new Set(['int32']);
const FORMATS_WITHOUT_CASES = new Set(['double']);

export function constraintsOf(
  document: unknown,
  raw: JsonSchema,
  path: Segment[],
  serialized: boolean,
): string[] {
  const schema = deref<JsonSchema>(document, raw);
  const found: string[] = [];
  const here = fieldPath(path);
  for (const [keyword, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    if (!MODELLED.has(keyword))
      throw new Error(`${here}: keyword "${keyword}" is not modelled by the case engine`);
    switch (keyword) {
      case 'type':
        if (!(serialized && value === 'string')) found.push(`${here} (type)`);
        break;
      case 'minLength':
      case 'minItems':
        if ((value as number) > 0) found.push(`${here} (${keyword})`);
        break;
      case 'format':
        if (FORMATS_WITH_CASES.has(value as string)) found.push(`${here} (format)`);
        else if (!FORMATS_WITHOUT_CASES.has(value as string))
          throw new Error(`${here}: format "${String(value)}" is not modelled`);
        break;
      case 'required':
        for (const name of value as string[])
          found.push(`${fieldPath([...path, name])} (required)`);
        break;
      case 'properties':
        for (const [name, property] of Object.entries(value as Record<string, JsonSchema>)) {
          found.push(...constraintsOf(document, property, [...path, name], serialized));
        }
        break;
      case 'allOf':
        // Switch/dependent rules: required while the switch is on, refused while it is off.
        for (const { dependent } of conditionalsOf(schema)) {
          found.push(`${fieldPath([...path, dependent])} (required)`);
          found.push(`${fieldPath([...path, dependent])} (not)`);
        }
        break;
      case 'items':
        found.push(...constraintsOf(document, value as JsonSchema, [...path, 0], serialized));
        break;
      default:
        found.push(`${here} (${keyword})`);
    }
  }
  return found;
}

/** Every constraint of an operation's request, as `field (rule)` strings. */
export function operationConstraints(operation: Operation): string[] {
  const found: string[] = [];
  for (const parameter of operation.parameters) {
    if (parameter.required && parameter.in !== 'path')
      found.push(`${parameter.in}.${parameter.name} (required)`);
    found.push(
      ...constraintsOf(operation.document, parameter.schema, [parameter.in, parameter.name], true),
    );
  }
  if (operation.requestBody) {
    if (operation.requestBody.required) found.push('body (required)');
    found.push(...constraintsOf(operation.document, operation.requestBody.schema, ['body'], false));
  }
  return found;
}
