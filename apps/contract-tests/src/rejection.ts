// What a correct rejection looks like: HTTP 400, the service's own error body (its error_code as
// in the spec's 400 example) and an error_msg naming the field and the broken rule, written
// `body.product_infos[0].resource_size (type)` by the mock.
import type { Operation } from './operation-model.js';
import type { WireResponse } from './request-input.js';
import type { Rule } from './single-violations.js';

export interface ExpectedRejection {
  field: string;
  rule: Rule;
  alsoViolates: readonly Rule[];
}

export function badRequestErrorCode(operation: Operation): string | undefined {
  const example = operation.responses['400']?.examples[0]?.value as
    { error_code?: string } | undefined;
  return example?.error_code;
}

/** Undefined when the response is the expected rejection, otherwise why not. */
export function rejectionProblem(
  operation: Operation,
  response: WireResponse,
  expected: ExpectedRejection,
): string | undefined {
  const body = response.body as { error_code?: unknown; error_msg?: unknown } | undefined;
  const shown = JSON.stringify(response.body)?.slice(0, 300);
  if (response.status !== 400) return `expected HTTP 400, got ${response.status}: ${shown}`;
  if (typeof body?.error_code !== 'string' || typeof body.error_msg !== 'string')
    return `not an {error_code, error_msg} body: ${shown}`;
  const code = badRequestErrorCode(operation);
  if (code !== undefined && body.error_code !== code)
    return `error_code ${body.error_code}, expected ${code}`;
  const message = body.error_msg.toLowerCase();
  const named = [expected.rule, ...expected.alsoViolates].some((rule) =>
    message.includes(`${expected.field} (${rule})`.toLowerCase()),
  );
  return named
    ? undefined
    : `error_msg does not name "${expected.field} (${expected.rule})": ${body.error_msg}`;
}
