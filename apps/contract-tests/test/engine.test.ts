// Checks the case engine itself against an independent oracle (Ajv over the same bundles), with
// no server involved: base examples are valid, every derived bad request breaks the rule it
// claims at the place it claims, every constraint of the spec has a case, and the fast-check
// arbitraries produce what they promise.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  invalidBodyRequestArbitrary,
  validArbitrary,
  validRequestArbitrary,
} from '../src/arbitraries.js';
import { charClassRanges } from '../src/char-class.js';
import { conditionalsOf, isOn } from '../src/conditionals.js';
import { constraintCases } from '../src/constraint-cases.js';
import { operationConstraints } from '../src/constraint-inventory.js';
import { allOperations } from '../src/operation-model.js';
import { parameterValue } from '../src/parameter-text.js';
import { deref, type JsonSchema } from '../src/json-schema.js';
import { createSchemaValidator, inlineRefs } from '../src/schema-validator.js';
import { fieldPath } from '../src/single-violations.js';

const RUNS = 200;

describe('char-class patterns', () => {
  it('reads \\u escapes, ranges and a trailing literal hyphen', () => {
    expect(charClassRanges('^[A-Za-z0-9_\\u4E00-\\u9FFF-]*$')).toEqual([
      [65, 90],
      [97, 122],
      [48, 57],
      [95, 95],
      [0x4e00, 0x9fff],
      [45, 45],
    ]);
  });
  it('declines patterns of any other shape', () => {
    expect(charClassRanges('^[a-z]+$')).toBeUndefined();
    expect(charClassRanges('^[^a-z]*$')).toBeUndefined();
  });
});

for (const operation of allOperations()) {
  const validate = createSchemaValidator(operation.document);
  const body = operation.requestBody;

  describe(`${operation.operationId}: case engine`, () => {
    it('starts from body examples that are valid', () => {
      for (const example of body?.examples ?? [])
        expect(validate(body!.schema, example.value), example.name).toEqual([]);
    });

    it('derives only bad requests that break the claimed rule at the claimed field', () => {
      for (const c of constraintCases(operation)) {
        if (c.parameter) {
          const parameter = operation.parameters.find((p) => p.name === c.parameter!.name)!;
          if (c.parameter.sent === undefined) expect(parameter.required).toBe(true);
          else
            expect(
              validate(
                parameter.schema,
                parameterValue(operation.document, parameter.schema, c.parameter.sent),
              ).map((i) => i.keyword),
              c.description,
            ).toContain(c.rule);
          continue;
        }
        if (c.field === 'body' && c.rule === 'required') {
          expect(c.input.body).toBeUndefined();
          continue;
        }
        const claims = validate(body!.schema, c.input.body).map(
          (i) =>
            `${fieldPath(['body', ...i.path.map((s) => (/^\d+$/.test(s) ? Number(s) : s))])} (${i.keyword})`,
        );
        expect(claims, c.description).toContain(`${c.field} (${c.rule})`);
        // Exactly one thing is broken: nothing outside the field and its unavoidable companions.
        for (const claim of claims)
          expect(
            [c.rule, ...c.alsoViolates].map((r) => `${c.field} (${r})`),
            c.description,
          ).toContain(claim);
      }
    });

    it('covers every constraint the spec states with at least one case', () => {
      const covered = new Set(constraintCases(operation).map((c) => `${c.field} (${c.rule})`));
      const missing = operationConstraints(operation).filter(
        (constraint) => !covered.has(constraint),
      );
      expect(missing).toEqual([]);
    });

    it(`generates valid requests (${RUNS} runs)`, () => {
      fc.assert(
        fc.property(validRequestArbitrary(operation), (input) => {
          if (body) expect(validate(body.schema, input.body)).toEqual([]);
          for (const parameter of operation.parameters) {
            const value = input[parameter.in][parameter.name];
            if (value === undefined) expect(parameter.required).toBe(false);
            else
              expect(
                validate(
                  parameter.schema,
                  parameterValue(operation.document, parameter.schema, value),
                ),
              ).toEqual([]);
          }
        }),
        { numRuns: RUNS },
      );
    });

    if (body) {
      it(`generates invalid bodies that break the claimed rule (${RUNS} runs)`, () => {
        fc.assert(
          fc.property(invalidBodyRequestArbitrary(operation), (bad) => {
            const claims = validate(body.schema, bad.input.body).map(
              (i) =>
                `${fieldPath(['body', ...i.path.map((s) => (/^\d+$/.test(s) ? Number(s) : s))])} (${i.keyword})`,
            );
            expect(claims).toContain(`${bad.field} (${bad.rule})`);
          }),
          { numRuns: RUNS },
        );
      });

      const conditionals = conditionalsOf(deref<JsonSchema>(operation.document, body.schema));
      if (conditionals.length > 0)
        it('draws every branch of each switch/dependent rule, the dependent following it', () => {
          const bodies = fc
            .sample(validArbitrary(operation.document, body.schema), 200)
            .map((b) => b as Record<string, unknown>);
          for (const c of conditionals) {
            const on = bodies.filter((b) => isOn(c, b));
            const off = bodies.filter((b) => !isOn(c, b));
            expect(on.length, `${c.switchName} on`).toBeGreaterThan(0);
            expect(off.length, `${c.switchName} off`).toBeGreaterThan(0);
            expect(on.every((b) => c.dependent in b)).toBe(true);
            expect(off.some((b) => c.dependent in b)).toBe(false);
          }
        });

      it('draws pattern-constrained strings from every range of the character class', () => {
        for (const schema of patternSchemas(inlineRefs(operation.document, body.schema))) {
          const ranges = charClassRanges(schema.pattern!)!;
          const seen = fc.sample(validArbitrary(operation.document, schema), 500).join('');
          for (const [low, high] of ranges) {
            const hit = [...seen].some(
              (ch) => ch.codePointAt(0)! >= low && ch.codePointAt(0)! <= high,
            );
            expect(hit, `${schema.pattern} range ${low.toString(16)}-${high.toString(16)}`).toBe(
              true,
            );
          }
        }
      });
    }
  });
}

function patternSchemas(node: unknown): JsonSchema[] {
  if (typeof node !== 'object' || node === null) return [];
  const schema = node as JsonSchema;
  const own = typeof schema.pattern === 'string' && charClassRanges(schema.pattern) ? [schema] : [];
  return [...own, ...Object.values(schema).flatMap(patternSchemas)];
}
