// The derivation engine: given a schema and a valid instance of it, every way to break exactly one
// constraint. Each violation replaces one value (or drops one property) and says which JSON
// Schema keyword it breaks, so the expected rejection can name the field and the rule.
import { conditionalsOf, isOn, type Conditional } from './conditionals.js';
import { deref, INT32, type JsonSchema } from './json-schema.js';
import { findStringOfLength, patternOf, stringOfLength, validSample } from './valid-sample.js';

export type Segment = string | number;

export type Rule =
  | 'required'
  | 'type'
  | 'enum'
  | 'minimum'
  | 'maximum'
  | 'format'
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'minItems'
  | 'maxItems'
  /** A property sent although its switch refuses it (`else: {properties: {x: {not: {}}}}`). */
  | 'not';

export interface Violation {
  /** Where the broken value sits, relative to the instance (empty = the instance itself). */
  location: Segment[];
  rule: Rule;
  /** The whole instance with the one change applied. */
  replacement: unknown;
  /** Short human description, e.g. `maximum: 1001`. */
  description: string;
  /**
   * Other keywords the change cannot help breaking (a string outside an enum's lengths is also
   * outside the enum). The rejection must name `rule`; these may be named as well.
   */
  alsoViolates: Rule[];
}

export interface ViolationOptions {
  /**
   * Values travel as text (query, header, path): a wrong JSON type cannot be expressed, so type
   * violations of strings are not derived.
   */
  serialized?: boolean;
}

const PATTERN_BREAKERS = ['!', ' ', '#', '@', '/', '?'];
const describe = (rule: Rule, value: unknown) =>
  `${rule}: ${JSON.stringify(value)?.slice(0, 48) ?? 'undefined'}`;

function wrongTypes(schema: JsonSchema): unknown[] {
  switch (schema.type) {
    case 'string':
      return [12345];
    case 'integer':
      return ['1', 1.5];
    case 'number':
      return ['1'];
    case 'boolean':
      return ['true'];
    case 'array':
      return [{}];
    case 'object':
      return [[]];
    default:
      return [];
  }
}

function notInStringEnum(schema: JsonSchema): string {
  const allowed = new Set(schema.enum);
  for (let i = 0; ; i++) {
    const length = Math.min(Math.max(schema.minLength ?? 1, 3 + i), schema.maxLength ?? Infinity);
    const candidate = `${stringOfLength(schema, length - 1)}Z`.slice(-length);
    if (!allowed.has(candidate) && (!patternOf(schema) || patternOf(schema)!.test(candidate)))
      return candidate;
    if (i > 8) throw new Error('cannot build a string outside the enum');
  }
}

function scalarViolations(schema: JsonSchema, options: ViolationOptions): Violation[] {
  const found: Violation[] = [];
  const add = (rule: Rule, replacement: unknown, alsoViolates: Rule[] = []) =>
    found.push({
      location: [],
      rule,
      replacement,
      description: describe(rule, replacement),
      alsoViolates,
    });
  const enumToo: Rule[] = schema.enum ? ['enum'] : [];

  if (!(options.serialized && schema.type === 'string')) {
    for (const wrong of wrongTypes(schema)) {
      // On the wire "1" is how an integer is written, not a wrong type: only 1.5 breaks it.
      if (options.serialized && typeof wrong === 'string') continue;
      // A fraction is also outside int32.
      const formatToo: Rule[] =
        typeof wrong === 'number' && schema.format === 'int32' ? ['format'] : [];
      add('type', wrong, [...enumToo, ...formatToo]);
    }
  }
  // On the wire "true" is how a boolean is written; a word that is neither breaks it.
  if (options.serialized && schema.type === 'boolean') add('type', 'yes', enumToo);
  if (schema.enum !== undefined) {
    if (schema.type === 'string') add('enum', notInStringEnum(schema));
    else if (schema.type === 'integer' || schema.type === 'number')
      add('enum', Math.max(...(schema.enum as number[])) + 1);
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    if (schema.minimum !== undefined) add('minimum', schema.minimum - 1, enumToo);
    if (schema.maximum !== undefined) add('maximum', schema.maximum + 1, enumToo);
    if (schema.format === 'int32') {
      // Where a tighter bound exists it rejects the value too; either may be named.
      add('format', INT32.max + 1, [
        ...enumToo,
        ...(schema.maximum !== undefined && schema.maximum <= INT32.max
          ? (['maximum'] as Rule[])
          : []),
      ]);
      add('format', INT32.min - 1, [
        ...enumToo,
        ...(schema.minimum !== undefined && schema.minimum >= INT32.min
          ? (['minimum'] as Rule[])
          : []),
      ]);
    }
  }
  if (schema.type === 'string') {
    if ((schema.minLength ?? 0) > 0)
      add('minLength', stringOfLength(schema, schema.minLength! - 1), enumToo);
    if (schema.maxLength !== undefined) {
      // A fixed-shape pattern (a date-time) may admit no longer string: the long one breaks both.
      const length = schema.maxLength + 1;
      const matching = findStringOfLength(schema, length);
      if (matching !== undefined) add('maxLength', matching, enumToo);
      else add('maxLength', 'a'.repeat(length), [...enumToo, 'pattern']);
    }
    const pattern = patternOf(schema);
    if (pattern) {
      const breaker = PATTERN_BREAKERS.find((c) => !pattern.test(c));
      if (breaker === undefined) throw new Error(`no pattern breaker for ${schema.pattern}`);
      add('pattern', breaker, enumToo);
    }
  }
  return found;
}

function nest(
  violations: Violation[],
  segment: Segment,
  rebuild: (child: unknown) => unknown,
): Violation[] {
  return violations.map((v) => ({
    ...v,
    location: [segment, ...v.location],
    replacement: rebuild(v.replacement),
  }));
}

/** Every single-constraint violation of `instance` (which must itself be valid). */
export function violationsOf(
  document: unknown,
  raw: JsonSchema,
  instance: unknown,
  options: ViolationOptions = {},
): Violation[] {
  const schema = deref<JsonSchema>(document, raw);
  const found = scalarViolations(schema, options);

  if (schema.type === 'array' && Array.isArray(instance)) {
    const itemSchema = schema.items ?? {};
    const sample = instance.length > 0 ? instance[0] : validSample(document, itemSchema);
    if ((schema.minItems ?? 0) > 0) {
      const replacement = instance.slice(0, schema.minItems! - 1);
      found.push({
        location: [],
        rule: 'minItems',
        replacement,
        description: `minItems: ${replacement.length} items`,
        alsoViolates: [],
      });
    }
    if (schema.maxItems !== undefined) {
      const replacement = Array.from({ length: schema.maxItems + 1 }, () =>
        structuredClone(sample),
      );
      found.push({
        location: [],
        rule: 'maxItems',
        replacement,
        description: `maxItems: ${replacement.length} items`,
        alsoViolates: [],
      });
    }
    // The first item stands for all: the same schema applies to each.
    const rest = instance.length > 0 ? instance.slice(1) : [];
    found.push(...nest(violationsOf(document, itemSchema, sample), 0, (bad) => [bad, ...rest]));
  }

  if (
    schema.type === 'object' &&
    typeof instance === 'object' &&
    instance !== null &&
    !Array.isArray(instance)
  ) {
    const object = instance as Record<string, unknown>;
    const conditionals = conditionalsOf(schema);
    const own: Violation[] = [];
    for (const name of schema.required ?? []) {
      if (!(name in object)) throw new Error(`instance lacks required property ${name}`);
      const { [name]: _dropped, ...replacement } = object;
      own.push({
        location: [name],
        rule: 'required',
        replacement,
        description: `required: ${name} left out`,
        alsoViolates: [],
      });
    }
    for (const [name, propertySchema] of Object.entries(schema.properties ?? {})) {
      // A dependent its switch refuses is broken with the switch turned on, so that only the
      // broken value is wrong.
      const rule = conditionals.find((c) => c.dependent === name && !isOn(c, object));
      const host = rule ? { ...object, [rule.switchName]: rule.switchValue } : object;
      // An optional property the instance leaves out gets a valid value first, then is broken.
      const value = name in host ? host[name] : validSample(document, propertySchema);
      own.push(
        ...nest(violationsOf(document, propertySchema, value, options), name, (bad) => ({
          ...host,
          [name]: bad,
        })),
      );
    }
    // Any change that turns a switch off (a wrong value, the switch left out) refuses its
    // dependent: the dependent goes too, so the change breaks one rule only.
    for (const v of own) {
      const changed = v.replacement as Record<string, unknown>;
      for (const c of conditionals)
        if (v.location[0] !== c.dependent && !isOn(c, changed)) delete changed[c.dependent];
    }
    own.push(...conditionalViolations(document, schema, object, conditionals));
    found.push(...own);
  }
  return found;
}

/** Per switch/dependent rule: the dependent left out while on, and sent while off. */
function conditionalViolations(
  document: unknown,
  schema: JsonSchema,
  object: Record<string, unknown>,
  conditionals: readonly Conditional[],
): Violation[] {
  const found: Violation[] = [];
  for (const c of conditionals) {
    const dependentSchema = schema.properties?.[c.dependent] ?? {};
    const { [c.dependent]: present, ...without } = object;
    found.push({
      location: [c.dependent],
      rule: 'required',
      replacement: { ...without, [c.switchName]: c.switchValue },
      description: `required: ${c.dependent} left out with ${c.switchName} ${JSON.stringify(c.switchValue)}`,
      alsoViolates: [],
    });
    const switchSchema = deref<JsonSchema>(document, schema.properties?.[c.switchName] ?? {});
    const off = (switchSchema.enum ?? []).find((value) => value !== c.switchValue);
    if (off === undefined) throw new Error(`${c.switchName} has no value that turns it off`);
    found.push({
      location: [c.dependent],
      rule: 'not',
      replacement: {
        ...object,
        [c.switchName]: off,
        [c.dependent]: present ?? validSample(document, dependentSchema),
      },
      description: `not: ${c.dependent} sent with ${c.switchName} ${JSON.stringify(off)}`,
      alsoViolates: [],
    });
  }
  return found;
}

/** `['body', 'product_infos', 0, 'id']` → `body.product_infos[0].id` (the mock's error_msg style). */
export function fieldPath(segments: readonly Segment[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else path += path === '' ? segment : `.${segment}`;
  }
  return path;
}
