// Inputs and expectations of the consumer contract, all read from the bundles: the documented
// request examples (as client call arguments), the 200 and 400 examples the answers must equal.
import { operationsOf, type ApiName, type Operation } from '../../src/operation-model.js';
import { exampleInput } from '../../src/request-input.js';

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
  /** `{ params: { query, header }, body }` as a client method takes it. */
  init: {
    params: { query?: Record<string, string>; header?: Record<string, string> };
    body?: unknown;
  };
}

export interface ConsumerContract {
  operation: Operation;
  projectId: string;
  calls: ConsumerCall[];
  ok: unknown;
  badRequest: { error_code: string; error_msg: string };
}

export function consumerContract(api: ApiName, operationId: string): ConsumerContract {
  const operation = operationsOf(api).find((o) => o.operationId === operationId);
  if (!operation) throw new Error(`${operationId} is not in the ${api} bundle`);
  const examples = operation.requestBody?.examples.map((e) => e.name) ?? [undefined];
  const calls = examples.map((bodyExample) => {
    const input = exampleInput(operation, {
      withOptional: true,
      ...(bodyExample && { bodyExample }),
    });
    const params: ConsumerCall['init']['params'] = {};
    if (Object.keys(input.query).length > 0) params.query = input.query;
    if (Object.keys(input.header).length > 0) params.header = input.header;
    return {
      example: bodyExample ?? 'parameters',
      init: { params, ...(input.body !== undefined && { body: input.body }) },
    };
  });
  const projectId = exampleInput(operation).path['project_id'];
  if (!projectId) throw new Error(`${operationId} has no project_id example`);
  return {
    operation,
    projectId,
    calls,
    ok: operation.responses['200']?.examples[0]?.value,
    badRequest: operation.responses['400']?.examples[0]?.value as ConsumerContract['badRequest'],
  };
}

/** Per-call header that makes the mock (Prism) answer with the documented 400. */
export const PREFER_400 = { Prefer: 'code=400' };
