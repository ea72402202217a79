import { inject } from 'vitest';
import type { Operation } from '../../src/operations.js';

/** Any token: the mock (like Prism) cannot check IAM tokens offline, only their presence. */
export const TOKEN_AUTH = { 'X-Auth-Token': 'contract-test-token' } as const;

export function mockUrl(operation: Pick<Operation, 'api'>): string {
  return inject('mockUrls')[operation.api];
}
