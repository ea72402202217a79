import { inject } from 'vitest';
import type { Operation } from '../../src/operation-model.js';

/** Any token: the mock (like Prism) cannot check IAM tokens offline, only their presence. */
export const TOKEN_AUTH = { 'X-Auth-Token': 'contract-test-token' } as const;

export function mockUrl(operation: Pick<Operation, 'api'>): string {
  const url = inject('mockUrls')[operation.api];
  if (url === undefined) throw new Error(`the mock serves no API ${operation.api}`);
  return url;
}
