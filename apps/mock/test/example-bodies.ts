// Request bodies for the mock's tests, taken from the spec's own request examples: a test names the
// example it sends and restates only the fields it changes, so a body the spec no longer accepts
// fails here with the spec, not in a hand-written copy that drifted from it.
import { listOperations, loadBundle, resolveRef, type Json } from '@hwsec/spec';

/**
 * A fresh copy of the request example `example` (else the first one) of `api`'s `operationId`,
 * with `overrides` replacing top-level fields. `T` is the client's type of that body (the spec's
 * examples are checked against the schema it is generated from).
 */
export function exampleBody<T>(
  api: string,
  operationId: string,
  overrides: Partial<T> = {},
  example?: string,
): T {
  const document = loadBundle(api);
  const entry = listOperations(document).find((o) => o.operationId === operationId);
  if (!entry) throw new Error(`${api} has no operation ${operationId}`);
  const examples: Record<string, Json> =
    resolveRef(document, entry.operation.requestBody)?.content?.['application/json']?.examples ??
    {};
  const name = example ?? Object.keys(examples)[0];
  if (name === undefined || !(name in examples)) {
    throw new Error(`${api} ${operationId} has no request example ${example ?? ''}`.trim());
  }
  const value = structuredClone(resolveRef(document, examples[name]).value);
  return { ...(value as T), ...overrides };
}
