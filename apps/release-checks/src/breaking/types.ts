/** Which side of the wire a schema describes: what clients send, or what they receive. */
export type Direction = 'request' | 'response';

export type Severity = 'breaking' | 'non-breaking';

/**
 * One classified difference between two versions of an API description. `rule` is stable and
 * documented in the package README, so that CI output can be searched for and tests can assert
 * on it.
 */
export interface SpecChange {
  readonly rule: string;
  readonly severity: Severity;
  /** Where, for people: `POST /v5/{project_id}/quotas/orders request body .is_auto_pay`. */
  readonly location: string;
  readonly message: string;
}

/** A parsed OpenAPI document or a piece of one; the checker reads it and never changes it. */
export type JsonObject = { readonly [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
