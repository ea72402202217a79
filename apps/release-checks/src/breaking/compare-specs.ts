/**
 * Direction-aware comparison of two versions of one OpenAPI 3.1 document (the bundles, with
 * local `$ref`s only). Returns every classified change; callers decide what to do with the
 * breaking ones.
 */
import { listOperations } from '@hwsec/spec';
import { compareOperation } from './operation-changes.js';
import { isObject, type JsonObject, type SpecChange } from './types.js';

function operationsOf(
  root: JsonObject,
): Map<string, { pathItem: JsonObject; operation: JsonObject }> {
  const result = new Map<string, { pathItem: JsonObject; operation: JsonObject }>();
  if (!isObject(root.paths)) return result;
  for (const { method, path, pathItem, operation } of listOperations(root))
    result.set(`${method.toUpperCase()} ${path}`, { pathItem, operation });
  return result;
}

/** Region names are part of the clients' API (`region: 'cn-north-4'`), so losing one breaks. */
function serverVariableValues(root: JsonObject): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const server of Array.isArray(root.servers) ? root.servers : []) {
    if (!isObject(server) || !isObject(server.variables)) continue;
    for (const [name, variable] of Object.entries(server.variables)) {
      if (!isObject(variable) || !Array.isArray(variable.enum)) continue;
      const values = result.get(name) ?? new Set<string>();
      variable.enum.forEach((value) => values.add(String(value)));
      result.set(name, values);
    }
  }
  return result;
}

function compareServers(before: JsonObject, after: JsonObject, changes: SpecChange[]): void {
  const was = serverVariableValues(before);
  const is = serverVariableValues(after);
  for (const [name, values] of was) {
    const now = is.get(name) ?? new Set<string>();
    for (const value of values) {
      if (!now.has(value))
        changes.push({
          rule: 'server-variable-value-removed',
          severity: 'breaking',
          location: `servers {${name}}`,
          message: `${name} ${value} is no longer served`,
        });
    }
  }
  for (const [name, values] of is) {
    const then = was.get(name) ?? new Set<string>();
    for (const value of values) {
      if (!then.has(value))
        changes.push({
          rule: 'server-variable-value-added',
          severity: 'non-breaking',
          location: `servers {${name}}`,
          message: `${name} ${value} added`,
        });
    }
  }
}

/** Component schema names are exported as TypeScript types by the clients. */
function compareSchemaNames(before: JsonObject, after: JsonObject, changes: SpecChange[]): void {
  const names = (root: JsonObject) => {
    const schemas =
      isObject(root.components) && isObject(root.components.schemas) ? root.components.schemas : {};
    return new Set(Object.keys(schemas));
  };
  const now = names(after);
  for (const name of names(before)) {
    if (!now.has(name))
      changes.push({
        rule: 'schema-removed',
        severity: 'breaking',
        location: `components.schemas.${name}`,
        message: 'named schema removed: code that imports its type no longer compiles',
      });
  }
}

export function compareSpecs(before: JsonObject, after: JsonObject): SpecChange[] {
  const changes: SpecChange[] = [];
  compareServers(before, after, changes);
  compareSchemaNames(before, after, changes);
  const beforeOps = operationsOf(before);
  const afterOps = operationsOf(after);
  for (const [label, old] of beforeOps) {
    const next = afterOps.get(label);
    if (!next) {
      const id =
        typeof old.operation.operationId === 'string' ? ` (${old.operation.operationId})` : '';
      changes.push({
        rule: 'operation-removed',
        severity: 'breaking',
        location: label,
        message: `operation removed${id}`,
      });
      continue;
    }
    if (old.operation.operationId !== next.operation.operationId) {
      // The clients' method names come from operationIds.
      changes.push({
        rule: 'operation-id-changed',
        severity: 'breaking',
        location: label,
        message: `operationId ${String(old.operation.operationId)} -> ${String(next.operation.operationId)}`,
      });
    }
    compareOperation({
      beforeRoot: before,
      afterRoot: after,
      label,
      before: old,
      after: next,
      changes,
    });
  }
  for (const [label, added] of afterOps) {
    if (beforeOps.has(label)) continue;
    const id =
      typeof added.operation.operationId === 'string' ? ` (${added.operation.operationId})` : '';
    changes.push({
      rule: 'operation-added',
      severity: 'non-breaking',
      location: label,
      message: `operation added${id}`,
    });
  }
  return changes;
}

export function breakingOnly(changes: readonly SpecChange[]): SpecChange[] {
  return changes.filter((change) => change.severity === 'breaking');
}
