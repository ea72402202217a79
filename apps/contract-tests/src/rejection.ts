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

/**
 * The code and message of an error body in either shape the services use: Huawei's
 * `{error_code, error_msg}`, or Keystone's (IAM) `{error: {code, message, title}}`.
 */
function errorOf(body: unknown): { code: string | number; message: string } | undefined {
  const flat = body as { error_code?: unknown; error_msg?: unknown } | undefined;
  if (typeof flat?.error_code === 'string' && typeof flat.error_msg === 'string')
    return { code: flat.error_code, message: flat.error_msg };
  const nested = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (
    (typeof nested?.code === 'number' || typeof nested?.code === 'string') &&
    typeof nested.message === 'string'
  )
    return { code: nested.code, message: nested.message };
  return undefined;
}

export function badRequestErrorCode(operation: Operation): string | number | undefined {
  return errorOf(operation.responses['400']?.examples[0]?.value)?.code;
}

/** Undefined when the response is the expected rejection, otherwise why not. */
export function rejectionProblem(
  operation: Operation,
  response: WireResponse,
  expected: ExpectedRejection,
): string | undefined {
  const shown = JSON.stringify(response.body)?.slice(0, 300);
  if (response.status !== 400) return `expected HTTP 400, got ${response.status}: ${shown}`;
  const error = errorOf(response.body);
  if (!error) return `not an {error_code, error_msg} or {error: {code, message}} body: ${shown}`;
  const code = badRequestErrorCode(operation);
  if (code !== undefined && error.code !== code)
    return `error code ${error.code}, expected ${code}`;
  const message = error.message.toLowerCase();
  const named = [expected.rule, ...expected.alsoViolates].some((rule) =>
    message.includes(`${expected.field} (${rule})`.toLowerCase()),
  );
  return named
    ? undefined
    : `error message does not name "${expected.field} (${expected.rule})": ${error.message}`;
}
