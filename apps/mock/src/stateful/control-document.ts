/**
 * The control API's own OpenAPI document (`@hwsec/spec`'s `dist/control/mock-control.json`,
 * written from spec/control/): what a seed and a state file are checked against.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SPEC_DIR, type Json } from '@hwsec/spec';
import {
  createSchemaValidator,
  type ErrorObject,
  type SchemaValidator,
  type ValidateFunction,
} from '@hwsec/spec/schema-validator';
import type { ProjectDelta } from './state-delta.js';
import type { ProjectState } from './state-model.js';

export const CONTROL_DOCUMENT = join(SPEC_DIR, 'dist', 'control', 'mock-control.json');
export const CONTROL_PREFIX = '/_hwsec/';

function describe(error: ErrorObject, prefix = ''): string {
  const at = `${prefix}${error.instancePath}`;
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return `${at}/${missing} (required): is required`;
  }
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return `${at}/${extra} (additionalProperties): is not a field of the state`;
  }
  return `${at || '/'} (${error.keyword}): ${error.message ?? 'is invalid'}`;
}

export interface ControlDocument {
  readonly document: Json;
  /** What is wrong with a ProjectState, or undefined when it is valid. */
  checkProjectState(value: unknown): string | undefined;
  /**
   * What is wrong with a project after a change, checking only what the change touched (its
   * items, and the length of the lists it grew) against the same schema: the loader's rules,
   * enforced on the way in at the cost of the change.
   */
  checkChange(state: ProjectState, delta: ProjectDelta): string | undefined;
  /** What is wrong with an AccountState (a state file's account), or undefined. */
  checkAccountState(value: unknown): string | undefined;
  /** What is wrong with an AccountSeed (the body of `PATCH /_hwsec/account`), or undefined. */
  checkAccountSeed(value: unknown): string | undefined;
  /** What is wrong with a ClockAdvance (the body of `POST /_hwsec/clock`), or undefined. */
  checkClockAdvance(value: unknown): string | undefined;
  /** The most seconds the billing clock may be ahead of real time (Clock's `offset_seconds`). */
  clockOffsetLimit(): number;
  /** The maxItems of the list at this path of a project; undefined when it is not a list. */
  listLimit(path: readonly string[]): number | undefined;
}

const PROJECT_STATE = '#/components/schemas/ProjectState';

/** What is wrong, worded as for a whole project (at most 10 problems). */
function problemsOf(validate: ValidateFunction, prefix = ''): string {
  // oneOf reports every branch; the branch-level errors say more than "must match one".
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'oneOf');
  return [...new Set(errors.map((e) => describe(e, prefix)))].slice(0, 10).join('; ');
}

/** The schema node at a JSON pointer of the document, following a `$ref` at its end. */
function schemaAt(document: Json, pointer: string): Record<string, unknown> | undefined {
  let node: unknown = document;
  for (const key of pointer.slice(2).split('/')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  const ref = (node as { $ref?: unknown } | undefined)?.$ref;
  return typeof ref === 'string' ? schemaAt(document, ref) : (node as Record<string, unknown>);
}

let loaded: ControlDocument | undefined;

export function loadControlDocument(): ControlDocument {
  if (loaded) return loaded;
  let document: Json;
  try {
    document = JSON.parse(readFileSync(CONTROL_DOCUMENT, 'utf8')) as Json;
  } catch (error) {
    throw new Error(
      `the control API document ${CONTROL_DOCUMENT} cannot be read (${(error as Error).message}); build it with: pnpm exec turbo run bundle --filter=@hwsec/spec`,
    );
  }
  // Compiled on first use (Ajv takes a good part of a start for them): a start that reads a file
  // the mock wrote itself, or refuses one that is not even JSON, checks nothing against them.
  let compiled: SchemaValidator | undefined;
  const checkAt = (pointer: string, value: unknown, prefix = ''): string | undefined => {
    const validate = (compiled ??= createSchemaValidator(document)).atPointer(pointer);
    return validate(value) ? undefined : problemsOf(validate, prefix);
  };
  const pointerOf = (path: readonly string[]) =>
    `${PROJECT_STATE}${path.map((key) => `/properties/${key}`).join('')}`;
  const check = (pointer: string, value: unknown, prefix: string): string | undefined =>
    schemaAt(document, pointer) === undefined
      ? `${prefix} (additionalProperties): is not a field of the state`
      : checkAt(pointer, value, prefix);
  loaded = {
    document,
    checkProjectState(value) {
      return checkAt(PROJECT_STATE, value);
    },
    checkAccountState(value) {
      return checkAt('#/components/schemas/AccountState', value);
    },
    checkAccountSeed(value) {
      return checkAt('#/components/schemas/AccountSeed', value);
    },
    checkClockAdvance(value) {
      return checkAt('#/components/schemas/ClockAdvance', value);
    },
    clockOffsetLimit() {
      const offset = schemaAt(document, '#/components/schemas/Clock/properties/offset_seconds');
      return offset?.['maximum'] as number;
    },
    listLimit(path) {
      const schema = schemaAt(document, pointerOf(path));
      if (schema?.['type'] !== 'array') return undefined;
      return typeof schema['maxItems'] === 'number' ? schema['maxItems'] : Number.MAX_SAFE_INTEGER;
    },
    checkChange(state, delta) {
      if ('set' in delta) return this.checkProjectState(state);
      for (const edit of delta.edits) {
        const at = `/${edit.path.join('/')}`;
        const pointer = pointerOf(edit.path);
        if ('value' in edit) {
          const problem = check(pointer, edit.value, at);
          if (problem !== undefined) return problem;
        } else if ('at' in edit || 'add' in edit) {
          let list: unknown = state;
          for (const key of edit.path) list = (list as Record<string, unknown>)[key];
          const { length } = list as unknown[];
          const maxItems = schemaAt(document, pointer)?.['maxItems'];
          if (typeof maxItems === 'number' && length > maxItems)
            return `${at} (maxItems): must NOT have more than ${maxItems} items (this change would make ${length})`;
          const items: Array<[string, unknown]> = [
            ...Object.entries(edit.at ?? {}),
            ...(edit.add ?? []).map((item, i): [string, unknown] => [
              String(length - (edit.add?.length ?? 0) + i),
              item,
            ]),
          ];
          for (const [index, item] of items) {
            const problem = check(`${pointer}/items`, item, `${at}/${index}`);
            if (problem !== undefined) return problem;
          }
        }
      }
      return undefined;
    },
  };
  return loaded;
}
