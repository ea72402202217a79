// Bad requests derived from the bundles: for each operation, one per constraint of its body
// (from the first body example, optional fields filled in) and of its parameters, each breaking
// exactly one rule. Nothing here names a field: add a constraint to the spec and a case appears.
import type { Operation, Parameter } from './operation-model.js';
import { exampleInput, type RequestInput } from './request-input.js';
import { validSample } from './valid-sample.js';
import { fieldPath, violationsOf, type Rule, type Violation } from './single-violations.js';

export interface ConstraintCase {
  operationId: string;
  /** Field as the rejection must name it, e.g. `body.product_infos[0].resource_size`. */
  field: string;
  rule: Rule;
  alsoViolates: Rule[];
  description: string;
  input: RequestInput;
  /** For parameter cases: the parameter and the value sent. */
  parameter?: { in: Parameter['in']; name: string; required: boolean; sent: string | undefined };
}

function parameterCases(
  operation: Operation,
  parameter: Parameter,
  base: RequestInput,
): ConstraintCase[] {
  const value =
    base[parameter.in][parameter.name] ?? String(validSample(operation.document, parameter.schema));
  const field = fieldPath([parameter.in, parameter.name]);
  const cases: ConstraintCase[] = [];
  if (parameter.required && parameter.in !== 'path') {
    const input = structuredClone(base);
    delete input[parameter.in][parameter.name];
    cases.push({
      operationId: operation.operationId,
      field,
      rule: 'required',
      alsoViolates: [],
      description: `required: ${parameter.name} left out`,
      input,
      parameter: {
        in: parameter.in,
        name: parameter.name,
        required: parameter.required,
        sent: undefined,
      },
    });
  }
  for (const violation of violationsOf(operation.document, parameter.schema, value, {
    serialized: true,
  })) {
    const input = structuredClone(base);
    const sent = String(violation.replacement);
    input[parameter.in][parameter.name] = sent;
    cases.push({
      operationId: operation.operationId,
      field,
      rule: violation.rule,
      // On the wire an empty parameter is indistinguishable from a missing one: naming it as
      // missing is an accurate rejection too.
      alsoViolates: sent === '' ? [...violation.alsoViolates, 'required'] : violation.alsoViolates,
      description: violation.description,
      input,
      parameter: { in: parameter.in, name: parameter.name, required: parameter.required, sent },
    });
  }
  return cases;
}

export function bodyCase(
  operation: Operation,
  base: RequestInput,
  violation: Violation,
): ConstraintCase {
  return {
    operationId: operation.operationId,
    field: fieldPath(['body', ...violation.location]),
    rule: violation.rule,
    alsoViolates: violation.alsoViolates,
    description: violation.description,
    input: { ...structuredClone(base), body: violation.replacement },
  };
}

export function constraintCases(operation: Operation): ConstraintCase[] {
  // Optional parameters are sent at their example values so that their constraints can be broken.
  const base = exampleInput(operation, { withOptional: true });
  const cases = operation.parameters.flatMap((p) => parameterCases(operation, p, base));
  const body = operation.requestBody;
  if (body) {
    if (body.required) {
      const input = structuredClone(base);
      delete input.body;
      cases.push({
        operationId: operation.operationId,
        field: 'body',
        rule: 'required',
        alsoViolates: [],
        description: 'required: no body',
        input,
      });
    }
    for (const violation of violationsOf(operation.document, body.schema, base.body))
      cases.push(bodyCase(operation, base, violation));
  }
  return cases;
}

/** `{ required: 7, enum: 3, … }` for the report. */
export function countByRule(cases: readonly { rule: Rule }[]): Partial<Record<Rule, number>> {
  const counts: Partial<Record<Rule, number>> = {};
  for (const c of cases) counts[c.rule] = (counts[c.rule] ?? 0) + 1;
  return counts;
}
