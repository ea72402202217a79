// The spec's tests read the bundles (dist/<api>.json, written by the `bundle` task) through the
// package's own registry, so they check what the clients, mock and docs consume rather than
// the split sources, with the validator every app uses.
import type { ErrorObject } from 'ajv/dist/2020.js';
import { apiIds, escapePointerToken, type Json, loadBundle } from '../../src/index.js';
import { createSchemaValidator } from '../../src/schema-validator.js';

export { loadBundle, type Json };
export const apiNames = apiIds();
export type ApiName = string;

export interface SchemaValidator {
  /** Error messages naming the field (`/period_num must be <= 1000`), empty when valid. */
  errors(value: unknown): string[];
}

export function describeError(error: ErrorObject): string {
  const field =
    error.keyword === 'required'
      ? `${error.instancePath}/${(error.params as { missingProperty: string }).missingProperty}`
      : error.instancePath || '/';
  const detail =
    error.keyword === 'enum'
      ? `must be one of ${JSON.stringify((error.params as { allowedValues: unknown[] }).allowedValues)}`
      : error.keyword === 'required'
        ? 'is required'
        : error.message;
  return `${field} ${detail}`;
}

/** Validators for JSON pointers into one bundle, e.g. `#/components/schemas/UpdateProduct`. */
export function validatorsFor(api: ApiName) {
  const validator = createSchemaValidator(loadBundle(api));
  return (pointer: string): SchemaValidator => {
    const compiled = validator.atPointer(pointer);
    return {
      errors(value) {
        return compiled(value) ? [] : (compiled.errors ?? []).map(describeError);
      },
    };
  };
}

/** An operation's own parameter by name, with the JSON pointer of its schema in the bundle. */
export function operationParameter(document: Json, path: string, method: string, name: string) {
  const parameters: Array<{ name?: string }> = document.paths[path][method].parameters;
  const index = parameters.findIndex((parameter) => parameter.name === name);
  if (index < 0) throw new Error(`${method.toUpperCase()} ${path} has no parameter ${name}`);
  return {
    spec: parameters[index] as Json,
    pointer: `#/paths/${escapePointerToken(path)}/${method}/parameters/${index}/schema`,
  };
}
