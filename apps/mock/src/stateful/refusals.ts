/**
 * A request that is valid against the spec but that the simulated service refuses because of the
 * project's state, in the service's own `{ error_code, error_msg }` shape: the code and wording of
 * its invalid-parameter answer (from the `@hwsec/spec` registry) for a broken rule (400), and for
 * a resource the project does not have (404) the code chosen in NOT_FOUND below.
 */
import type { ApiEntry } from '@hwsec/spec';
import { serviceWording, type ServiceErrorBody } from '../error-bodies.js';

export interface Refusal {
  readonly status: 400 | 404;
  /** Where in the request, e.g. `body.product_list[0].resource_size`. */
  readonly field: string;
  /** The rule, in words, e.g. `DECREASE must lower resource_size`. */
  readonly rule: string;
  /** What the project has now, e.g. `current resource_size 5`. */
  readonly current: string;
  /**
   * The service's own code for this refusal (BSS's `CBC.99005003`, from the spec's examples);
   * absent: its invalid-parameter code (400) or NOT_FOUND's (404).
   */
  readonly code?: ServiceErrorBody | undefined;
}

/**
 * A request the project's state cannot take: it would break a limit of the state (the control
 * API's ProjectState schema, e.g. `/hss/quotas (maxItems): must NOT have more than 100000 items`),
 * the same rule a state file is loaded by.
 */
export function refusalOfLimit(problem: string): Refusal {
  return {
    status: 400,
    field: 'body',
    rule: "the project's state stays within the mock's limits",
    current: problem,
  };
}

/**
 * Only SecMaster's request names a resource the project may not have. It documents a 404
 * "Resource does not exist" without a code, so the mock uses its `SecMaster.` style with a
 * number of its own.
 */
const NOT_FOUND: Record<string, ServiceErrorBody> = {
  secmaster: { error_code: 'SecMaster.00040001', error_msg: 'Resource does not exist' },
};

/** The wording follows the request's language header where the service has one (SecMaster's
 * `X-Language`); the field, rule and current value after it stay in English. */
export function refusalBody(
  service: ApiEntry,
  refusal: Refusal,
  requestHeaders: Readonly<Record<string, string | undefined>> = {},
): ServiceErrorBody {
  const base = refusal.code
    ? refusal.code
    : refusal.status === 404
      ? (NOT_FOUND[service.id] ?? {
          error_code: service.errors.invalidParameter.code,
          error_msg: 'resource not found',
        })
      : {
          error_code: service.errors.invalidParameter.code,
          error_msg: service.errors.invalidParameter.message,
        };
  return {
    error_code: base.error_code,
    error_msg: `${serviceWording(service, base.error_msg, requestHeaders)}: ${refusal.field} (${refusal.rule}): ${refusal.current}`,
  };
}
