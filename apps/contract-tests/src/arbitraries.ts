// fast-check arbitraries built from the bundled schemas: valid values (every keyword the spec
// uses is honoured), and invalid ones made by applying one derived violation to a valid value.
import fc from 'fast-check';
import { charClassRanges } from './char-class.js';
import { conditionalsOf, obeyConditionals } from './conditionals.js';
import { deref, INT32, type JsonSchema } from './json-schema.js';
import type { Operation, Parameter } from './operation-model.js';
import type { RequestInput } from './request-input.js';
import { fieldPath, violationsOf, type Rule } from './single-violations.js';

/** Arrays are kept short: one item already exercises the item schema, CI time matters. */
const MAX_GENERATED_ITEMS = 3;

export interface TextOptions {
  /**
   * Characters for strings without a pattern. Bodies take any Unicode code point; header and path
   * values stay within characters that survive HTTP unchanged (no trimming, no dot-segments).
   */
  unit: 'binary' | 'token';
}

const tokenUnit = fc.constantFrom(
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split(''),
);

function stringArbitrary(schema: JsonSchema, options: TextOptions): fc.Arbitrary<string> {
  const lengths = {
    minLength: schema.minLength ?? 0,
    ...(schema.maxLength !== undefined && { maxLength: schema.maxLength }),
  };
  if (schema.pattern !== undefined) {
    const ranges = charClassRanges(schema.pattern);
    if (ranges) {
      const unit = fc.oneof(
        ...ranges.map(([low, high]) =>
          fc.integer({ min: low, max: high }).map((c) => String.fromCodePoint(c)),
        ),
      );
      return fc.string({ unit, ...lengths });
    }
    const pattern = new RegExp(schema.pattern, 'u');
    return fc
      .stringMatching(pattern)
      .filter(
        (s) =>
          [...s].length >= lengths.minLength && [...s].length <= (schema.maxLength ?? Infinity),
      );
  }
  return fc.string({ unit: options.unit === 'binary' ? 'binary' : tokenUnit, ...lengths });
}

function numberBounds(schema: JsonSchema): { min?: number; max?: number } {
  const int32 = schema.format === 'int32';
  const min = schema.minimum ?? (int32 ? INT32.min : undefined);
  const max = schema.maximum ?? (int32 ? INT32.max : undefined);
  return { ...(min !== undefined && { min }), ...(max !== undefined && { max }) };
}

export function validArbitrary(
  document: unknown,
  raw: JsonSchema,
  options: TextOptions = { unit: 'binary' },
): fc.Arbitrary<unknown> {
  const schema = deref<JsonSchema>(document, raw);
  if (schema.enum !== undefined) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'object': {
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {}))
        model[name] = validArbitrary(document, property, options);
      const record = fc.record(model, { requiredKeys: [...(schema.required ?? [])] });
      const conditionals = conditionalsOf(schema);
      if (conditionals.length === 0) return record;
      // Every branch is drawn: the switch takes each of its values, the dependent follows it.
      return fc
        .tuple(record, fc.record(model))
        .map(([object, full]) => obeyConditionals(conditionals, object, (name) => full[name]));
    }
    case 'array':
      return fc.array(validArbitrary(document, schema.items ?? {}, options), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(
          schema.minItems ?? 0,
          Math.min(schema.maxItems ?? MAX_GENERATED_ITEMS, MAX_GENERATED_ITEMS),
        ),
      });
    case 'integer':
      return fc.integer(numberBounds(schema));
    case 'number':
      return fc.double({ ...numberBounds(schema), noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'string':
      return stringArbitrary(schema, options);
    default:
      throw new Error(`no arbitrary for schema type ${String(schema.type)}`);
  }
}

function parameterArbitrary(operation: Operation, parameter: Parameter): fc.Arbitrary<string> {
  const unit = parameter.in === 'query' ? 'binary' : 'token';
  return validArbitrary(operation.document, parameter.schema, { unit }).map(String);
}

/** Valid requests: required parameters always, optional ones sometimes, a generated body. */
export function validRequestArbitrary(operation: Operation): fc.Arbitrary<RequestInput> {
  const parameters = operation.parameters.map((p) =>
    p.required
      ? parameterArbitrary(operation, p)
      : fc.option(parameterArbitrary(operation, p), { nil: undefined }),
  );
  const body = operation.requestBody
    ? validArbitrary(operation.document, operation.requestBody.schema)
    : fc.constant(undefined);
  return fc.tuple(fc.tuple(...parameters), body).map(([values, bodyValue]) => {
    const input: RequestInput = { path: {}, query: {}, header: {} };
    operation.parameters.forEach((p, index) => {
      const value = values[index];
      if (value !== undefined) input[p.in][p.name] = value;
    });
    if (bodyValue !== undefined) input.body = bodyValue;
    return input;
  });
}

export interface InvalidRequest {
  input: RequestInput;
  field: string;
  rule: Rule;
  alsoViolates: Rule[];
  description: string;
}

/** A valid request with exactly one derived violation applied to its body. */
export function invalidBodyRequestArbitrary(operation: Operation): fc.Arbitrary<InvalidRequest> {
  const body = operation.requestBody;
  if (!body) throw new Error(`${operation.operationId} has no request body`);
  return fc.tuple(validRequestArbitrary(operation), fc.nat()).map(([valid, pick]) => {
    const violations = violationsOf(operation.document, body.schema, valid.body);
    const violation = violations[pick % violations.length]!;
    return {
      input: { ...valid, body: violation.replacement },
      field: fieldPath(['body', ...violation.location]),
      rule: violation.rule,
      alsoViolates: violation.alsoViolates,
      description: violation.description,
    };
  });
}
