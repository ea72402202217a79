/**
 * Every operation of a bundled OpenAPI document, with its path item and its parameters resolved
 * (operation-level parameters override path-level ones of the same name and location), so every
 * app iterates "all operations" the same way and none forgets a method.
 */
import { resolveRef, type Json } from './json-pointer.js';

/** The eight methods a path item can hold (OpenAPI 3.1 §4.8.9). */
export const HTTP_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface OperationEntry {
  readonly method: HttpMethod;
  /** The path template as written in `paths`, e.g. `/v5/{project_id}/quotas/orders`. */
  readonly path: string;
  /** `undefined` only in documents that break the lint rule requiring one. */
  readonly operationId: string | undefined;
  readonly summary: string;
  readonly pathItem: Json;
  /** The operation object itself, not a copy: callers that edit a copy of the document see it. */
  readonly operation: Json;
  /** Path-level and operation-level parameters, `$ref`s resolved. */
  readonly parameters: Json[];
}

function mergedParameters(document: Json, pathItem: Json, operation: Json): Json[] {
  const byKey = new Map<string, Json>();
  for (const raw of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
    const parameter = resolveRef(document, raw);
    byKey.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  return [...byKey.values()];
}

export function listOperations(document: Json): OperationEntry[] {
  const operations: OperationEntry[] = [];
  for (const [path, rawItem] of Object.entries<Json>(document?.paths ?? {})) {
    const pathItem = resolveRef(document, rawItem);
    if (pathItem === null || typeof pathItem !== 'object') continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (operation === null || typeof operation !== 'object') continue;
      operations.push({
        method,
        path,
        operationId: typeof operation.operationId === 'string' ? operation.operationId : undefined,
        summary: typeof operation.summary === 'string' ? operation.summary : '',
        pathItem,
        operation,
        parameters: mergedParameters(document, pathItem, operation),
      });
    }
  }
  return operations;
}
