// Inputs and expectations of the consumer contract, all read from the bundles: the documented
// request examples (as client call arguments), the success and 400 examples the answers must
// equal. Regional APIs' operations have a project id; global ones' (BSS, IAM) have none.
import {
  operationsOf,
  successOf,
  type ApiName,
  type Operation,
} from '../../src/operation-model.js';
import { exampleInput, exampleValue } from '../../src/request-input.js';

/** The reference pages’ test pair, which the mock accepts in signature mode. */
export const TEST_AKSK = {
  accessKey: 'AKTESTEXAMPLE0000000',
  secretKey: 'SKtestexample0000000000000000000000000000',
};
export const CREDENTIALS = {
  token: { token: 'contract-test-token' },
  aksk: TEST_AKSK,
} as const;
export type CredentialKind = keyof typeof CREDENTIALS;
export const CREDENTIAL_KINDS = Object.keys(CREDENTIALS) as CredentialKind[];

export interface ConsumerCall {
  example: string;
  /**
   * `{ params: { path, query, header }, body }` as a client method takes it; `path` without
   * `project_id`, which the client fills.
   */
  init: {
    params: {
      path?: Record<string, unknown>;
      query?: Record<string, unknown>;
      header?: Record<string, unknown>;
    };
    body?: unknown;
  };
}

/** BSS's, HSS's, DSC's and SecMaster's error body; IAM's is Keystone's (`{ error: {...} }`). */
export interface ErrorCodeBody {
  error_code: string;
  error_msg: string;
}

export interface ConsumerContract<BadRequest = ErrorCodeBody> {
  operation: Operation;
  /** The documented project id; undefined where the path has none (BSS, IAM: global APIs). */
  projectId: string | undefined;
  calls: ConsumerCall[];
  /** The documented success status (200, or 204 for BSS PayOrders) and its first example. */
  okStatus: number;
  ok: unknown;
  /** The first documented 400 answer, in the API's error format. */
  badRequest: BadRequest;
}

export function consumerContract<BadRequest = ErrorCodeBody>(
  api: ApiName,
  operationId: string,
): ConsumerContract<BadRequest> {
  const operation = operationsOf(api).find((o) => o.operationId === operationId);
  if (!operation) throw new Error(`${operationId} is not in the ${api} bundle`);
  const examples = operation.requestBody?.examples.map((e) => e.name) ?? [undefined];
  const calls = examples.map((bodyExample) => {
    const { body } = exampleInput(operation, bodyExample ? { bodyExample } : {});
    // Every parameter at its documented value, typed as the client takes it (an integer query
    // parameter as a number, not as the text it is on the wire).
    const params: ConsumerCall['init']['params'] = {};
    for (const parameter of operation.parameters)
      if (parameter.name !== 'project_id')
        (params[parameter.in] ??= {})[parameter.name] = exampleValue(operation, parameter);
    return {
      example: bodyExample ?? 'parameters',
      init: { params, ...(body !== undefined && { body }) },
    };
  });
  const success = successOf(operation);
  const projectId = exampleInput(operation).path['project_id'];
  if (operation.path.includes('{project_id}') && !projectId)
    throw new Error(`${operationId} has no project_id example`);
  return {
    operation,
    projectId,
    calls,
    okStatus: success.status,
    ok: success.examples[0],
    badRequest: operation.responses['400']?.examples[0]?.value as BadRequest,
  };
}

/** Per-call header that makes the mock (Prism) answer with the documented 400. */
export const PREFER_400 = { Prefer: 'code=400' };
