/**
 * Walks two versions of a schema side by side: properties, required lists, array items and
 * `allOf`, resolving `$ref`s in each document. Value keywords are compared by schema-keywords.ts.
 */
import { resolveRef } from '@hwsec/spec';
import { compareValueKeywords } from './schema-keywords.js';
import { isObject, type Direction, type JsonObject, type SpecChange } from './types.js';

export interface SchemaWalk {
  readonly beforeRoot: JsonObject;
  readonly afterRoot: JsonObject;
  readonly direction: Direction;
  readonly changes: SpecChange[];
}

/** Resolves a schema and folds `allOf` members into it, so that composed objects compare as one. */
function flatten(root: JsonObject, node: unknown): JsonObject {
  const schema = resolveRef(root, node);
  if (!isObject(schema)) return {};
  if (!Array.isArray(schema.allOf)) return schema;
  const { allOf, ...own } = schema;
  const parts = [own, ...(allOf as unknown[]).map((part) => flatten(root, part))];
  const properties: Record<string, unknown> = {};
  const required = new Set<string>();
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      if (key !== 'properties' && key !== 'required' && !(key in merged)) merged[key] = value;
    }
    if (isObject(part.properties)) Object.assign(properties, part.properties);
    if (Array.isArray(part.required)) part.required.forEach((name) => required.add(String(name)));
  }
  return { ...merged, properties, required: [...required] };
}

function propertiesOf(schema: JsonObject): JsonObject {
  return isObject(schema.properties) ? schema.properties : {};
}

function requiredOf(schema: JsonObject): Set<string> {
  return new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
}

const COMPOSITION = ['oneOf', 'anyOf', 'not', 'if', 'then', 'else'] as const;

export function compareSchemas(
  walk: SchemaWalk,
  beforeNode: unknown,
  afterNode: unknown,
  location: string,
): void {
  compareResolved(walk, beforeNode, afterNode, location, new Map());
}

function compareResolved(
  walk: SchemaWalk,
  beforeNode: unknown,
  afterNode: unknown,
  location: string,
  visiting: Map<JsonObject, Set<JsonObject>>,
): void {
  const before = flatten(walk.beforeRoot, beforeNode);
  const after = flatten(walk.afterRoot, afterNode);
  // Recursive schemas: a pair already being compared further up has nothing new to say.
  const seen = visiting.get(before) ?? new Set<JsonObject>();
  if (seen.has(after)) return;
  visiting.set(before, new Set(seen).add(after));

  const { direction, changes } = walk;
  compareValueKeywords(before, after, { direction, location, changes });

  for (const keyword of COMPOSITION) {
    // The checker does not reason about unions; any edit to one is flagged for a human to judge.
    if (JSON.stringify(before[keyword]) !== JSON.stringify(after[keyword])) {
      changes.push({
        rule: `${direction}-composition-changed`,
        severity: 'breaking',
        location,
        message: `\`${keyword}\` changed; composition is not analysed, so it counts as breaking until a major changeset says so`,
      });
    }
  }

  compareProperties(walk, before, after, location, visiting);

  if (before.items !== undefined && after.items !== undefined) {
    compareResolved(walk, before.items, after.items, `${location}[]`, visiting);
  }
  visiting.set(before, seen);
}

function compareProperties(
  walk: SchemaWalk,
  before: JsonObject,
  after: JsonObject,
  location: string,
  visiting: Map<JsonObject, Set<JsonObject>>,
): void {
  const { direction, changes } = walk;
  const beforeProps = propertiesOf(before);
  const afterProps = propertiesOf(after);
  const beforeRequired = requiredOf(before);
  const afterRequired = requiredOf(after);
  const at = (name: string) => `${location} .${name}`;

  for (const name of Object.keys(beforeProps)) {
    if (name in afterProps) continue;
    changes.push(
      direction === 'request'
        ? {
            rule: 'request-property-removed',
            severity: 'breaking',
            location: at(name),
            message:
              'request property removed: code that sets it no longer compiles, and the server may reject it',
          }
        : {
            rule: 'response-property-removed',
            severity: 'breaking',
            location: at(name),
            message: 'response property removed: clients reading it get undefined',
          },
    );
  }
  for (const name of Object.keys(afterProps)) {
    if (name in beforeProps) continue;
    if (direction === 'request' && afterRequired.has(name)) {
      changes.push({
        rule: 'request-property-added-required',
        severity: 'breaking',
        location: at(name),
        message: 'new required request property: existing calls lack it',
      });
    } else {
      changes.push({
        rule: `${direction}-property-added`,
        severity: 'non-breaking',
        location: at(name),
        message: `optional ${direction} property added`,
      });
    }
  }

  // Required-ness of properties that exist on both sides (or only in a `required` list).
  const names = new Set([...beforeRequired, ...afterRequired]);
  for (const name of names) {
    const existedOnBothSides = name in beforeProps === name in afterProps;
    if (!existedOnBothSides) continue;
    const was = beforeRequired.has(name);
    const is = afterRequired.has(name);
    if (was === is) continue;
    if (direction === 'request') {
      changes.push(
        is
          ? {
              rule: 'request-property-became-required',
              severity: 'breaking',
              location: at(name),
              message: 'request property is now required: calls that omit it fail',
            }
          : {
              rule: 'request-property-became-optional',
              severity: 'non-breaking',
              location: at(name),
              message: 'request property is now optional',
            },
      );
    } else {
      changes.push(
        was
          ? {
              rule: 'response-property-became-optional',
              severity: 'breaking',
              location: at(name),
              message:
                'response property is no longer guaranteed: clients that rely on it may read undefined',
            }
          : {
              rule: 'response-property-became-required',
              severity: 'non-breaking',
              location: at(name),
              message: 'response property is now always present',
            },
      );
    }
  }

  for (const name of Object.keys(beforeProps)) {
    if (name in afterProps)
      compareResolved(walk, beforeProps[name], afterProps[name], at(name), visiting);
  }
}
