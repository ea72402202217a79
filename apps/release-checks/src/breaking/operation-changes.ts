/**
 * Compares one operation (method + path) of two documents: its parameters, request body and
 * responses. Request-side schemas are walked in the `request` direction, response bodies in the
 * `response` direction, which is what makes the same edit breaking on one side and not the other.
 */
import { resolveRef } from '@hwsec/spec';
import { compareSchemas, type SchemaWalk } from './schema-changes.js';
import { isObject, type JsonObject, type SpecChange } from './types.js';

export interface OperationPair {
  readonly beforeRoot: JsonObject;
  readonly afterRoot: JsonObject;
  /** `POST /v5/{project_id}/quotas/orders` */
  readonly label: string;
  readonly before: { readonly pathItem: JsonObject; readonly operation: JsonObject };
  readonly after: { readonly pathItem: JsonObject; readonly operation: JsonObject };
  readonly changes: SpecChange[];
}

/** Path-level parameters apply to every operation unless the operation overrides them. */
function parametersOf(
  root: JsonObject,
  pathItem: JsonObject,
  operation: JsonObject,
): Map<string, JsonObject> {
  const result = new Map<string, JsonObject>();
  for (const list of [pathItem.parameters, operation.parameters]) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const parameter = resolveRef(root, entry);
      if (isObject(parameter))
        result.set(`${String(parameter.in)}.${String(parameter.name)}`, parameter);
    }
  }
  return result;
}

function compareParameters(pair: OperationPair, walk: SchemaWalk): void {
  const { changes, label } = pair;
  const before = parametersOf(pair.beforeRoot, pair.before.pathItem, pair.before.operation);
  const after = parametersOf(pair.afterRoot, pair.after.pathItem, pair.after.operation);
  for (const [key, parameter] of before) {
    const location = `${label} parameter ${key}`;
    const next = after.get(key);
    if (!next) {
      changes.push({
        rule: 'parameter-removed',
        severity: 'breaking',
        location,
        message: 'parameter removed: calls that pass it no longer compile or are rejected',
      });
      continue;
    }
    const was = parameter.required === true;
    const is = next.required === true;
    if (!was && is)
      changes.push({
        rule: 'parameter-became-required',
        severity: 'breaking',
        location,
        message: 'parameter is now required: calls that omit it fail',
      });
    if (was && !is)
      changes.push({
        rule: 'parameter-became-optional',
        severity: 'non-breaking',
        location,
        message: 'parameter is now optional',
      });
    compareSchemas(walk, parameter.schema, next.schema, location);
  }
  for (const [key, parameter] of after) {
    if (before.has(key)) continue;
    const location = `${label} parameter ${key}`;
    changes.push(
      parameter.required === true
        ? {
            rule: 'parameter-added-required',
            severity: 'breaking',
            location,
            message: 'new required parameter: existing calls lack it',
          }
        : {
            rule: 'parameter-added',
            severity: 'non-breaking',
            location,
            message: 'optional parameter added',
          },
    );
  }
}

function contentOf(root: JsonObject, holder: unknown): JsonObject {
  const resolved = resolveRef(root, holder);
  return isObject(resolved) && isObject(resolved.content) ? resolved.content : {};
}

function compareRequestBody(pair: OperationPair, walk: SchemaWalk): void {
  const { changes, label } = pair;
  const location = `${label} request body`;
  const beforeBody = resolveRef(pair.beforeRoot, pair.before.operation.requestBody);
  const afterBody = resolveRef(pair.afterRoot, pair.after.operation.requestBody);
  const wasRequired = isObject(beforeBody) && beforeBody.required === true;
  const isRequired = isObject(afterBody) && afterBody.required === true;
  if (!wasRequired && isRequired)
    changes.push({
      rule: 'request-body-became-required',
      severity: 'breaking',
      location,
      message: 'request body is now required',
    });
  if (wasRequired && !isRequired)
    changes.push({
      rule: 'request-body-became-optional',
      severity: 'non-breaking',
      location,
      message: 'request body is now optional',
    });

  const before = contentOf(pair.beforeRoot, beforeBody);
  const after = contentOf(pair.afterRoot, afterBody);
  for (const [mediaType, media] of Object.entries(before)) {
    const next = after[mediaType];
    if (!isObject(next)) {
      changes.push({
        rule: 'request-media-type-removed',
        severity: 'breaking',
        location: `${location} ${mediaType}`,
        message: 'the server no longer accepts this media type',
      });
      continue;
    }
    if (isObject(media)) compareSchemas(walk, media.schema, next.schema, location);
  }
}

function compareResponses(pair: OperationPair): void {
  const { changes, label } = pair;
  const walk: SchemaWalk = {
    beforeRoot: pair.beforeRoot,
    afterRoot: pair.afterRoot,
    direction: 'response',
    changes,
  };
  const before = isObject(pair.before.operation.responses) ? pair.before.operation.responses : {};
  const after = isObject(pair.after.operation.responses) ? pair.after.operation.responses : {};
  for (const [status, response] of Object.entries(before)) {
    const location = `${label} response ${status}`;
    if (!(status in after)) {
      // A success status that disappears changes what the client's `data` is; an error status
      // that disappears only means one failure is no longer documented.
      if (status.startsWith('2'))
        changes.push({
          rule: 'response-status-removed',
          severity: 'breaking',
          location,
          message: 'success response removed',
        });
      continue;
    }
    const beforeContent = contentOf(pair.beforeRoot, response);
    const afterContent = contentOf(pair.afterRoot, after[status]);
    for (const [mediaType, media] of Object.entries(beforeContent)) {
      const next = afterContent[mediaType];
      if (!isObject(next)) {
        if (status.startsWith('2'))
          changes.push({
            rule: 'response-media-type-removed',
            severity: 'breaking',
            location: `${location} ${mediaType}`,
            message: 'success response no longer comes in this media type',
          });
        continue;
      }
      if (isObject(media)) compareSchemas(walk, media.schema, next.schema, location);
    }
  }
}

export function compareOperation(pair: OperationPair): void {
  const requestWalk: SchemaWalk = {
    beforeRoot: pair.beforeRoot,
    afterRoot: pair.afterRoot,
    direction: 'request',
    changes: pair.changes,
  };
  compareParameters(pair, requestWalk);
  compareRequestBody(pair, requestWalk);
  compareResponses(pair);
}
