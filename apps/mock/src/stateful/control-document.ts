/**
 * The control API's own OpenAPI document (`@hwsec/spec`'s `dist/control/mock-control.json`,
 * written from spec/control/): what a seed and a state file are checked against.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SPEC_DIR, type Json } from '@hwsec/spec';
import { createSchemaValidator, type ErrorObject } from '@hwsec/spec/schema-validator';

export const CONTROL_DOCUMENT = join(SPEC_DIR, 'dist', 'control', 'mock-control.json');
export const CONTROL_PREFIX = '/_hwsec/';

function describe(error: ErrorObject): string {
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return `${error.instancePath}/${missing} (required): is required`;
  }
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return `${error.instancePath}/${extra} (additionalProperties): is not a field of the state`;
  }
  return `${error.instancePath || '/'} (${error.keyword}): ${error.message ?? 'is invalid'}`;
}

export interface ControlDocument {
  readonly document: Json;
  /** What is wrong with a ProjectState, or undefined when it is valid. */
  checkProjectState(value: unknown): string | undefined;
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
  const validate = createSchemaValidator(document).atPointer('#/components/schemas/ProjectState');
  loaded = {
    document,
    checkProjectState(value) {
      if (validate(value)) return undefined;
      // oneOf reports every branch; the branch-level errors say more than "must match one".
      const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'oneOf');
      return [...new Set(errors.map(describe))].slice(0, 10).join('; ');
    },
  };
  return loaded;
}
