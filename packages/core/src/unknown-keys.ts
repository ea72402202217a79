// A key the spec does not define is refused before anything is sent: in plain JavaScript (or
// TypeScript through `any`), `is_autopay` for `is_auto_pay` would otherwise be dropped by the
// service and the order left unpaid. What each operation accepts is generated from the spec
// (`inputs` in the generated operation info); a field the spec does not know yet is let through
// only when the caller says so with `extraFields()`.
import { didYouMean } from './closest-name.js';
import { HwsecInputError } from './errors.js';

/**
 * What a value may hold, from the spec: `0` anything (a scalar, or an object the spec leaves
 * open), `{ name: shape }` an object with exactly those properties, `[shape]` a list of them.
 */
export type InputShape = 0 | { readonly [name: string]: InputShape } | readonly [InputShape];

/** Per location, the names an operation accepts (`header` names in lower case). */
export interface OperationInputs {
  readonly path?: { readonly [name: string]: InputShape };
  readonly query?: { readonly [name: string]: InputShape };
  readonly header?: { readonly [name: string]: InputShape };
  readonly body?: InputShape;
}

const EXTRA = Symbol.for('hwsec.extraFields');

/** An object carrying fields the spec does not define yet, on purpose (see `extraFields`). */
export type ExtraFields<T extends Record<string, unknown>> = T & {
  readonly [EXTRA]: readonly (keyof T & string)[];
};

/**
 * Marks fields the spec does not define yet as deliberate, so the client sends them instead of
 * refusing them as typos. Spread it into the object that should carry them:
 * `body: { ...order, ...extraFields({ new_flag: true }) }`. The mark is a symbol: it is never sent.
 */
export function extraFields<T extends Record<string, unknown>>(fields: T): ExtraFields<T> {
  return Object.assign({ ...fields }, { [EXTRA]: Object.keys(fields) }) as ExtraFields<T>;
}

const PARAM_LOCATIONS = ['path', 'query', 'header', 'cookie'];
const MAX_DEPTH = 64;

/** The first key of `value` that `shape` does not allow, as [path, hint], or undefined. */
function unknownIn(
  value: unknown,
  shape: InputShape,
  at: string,
  depth: number,
  anyCase?: boolean,
): string[] | undefined {
  if (shape === 0 || value === null || typeof value !== 'object' || depth > MAX_DEPTH)
    return undefined;
  if (Array.isArray(shape) || Array.isArray(value)) {
    if (!Array.isArray(shape) || !Array.isArray(value)) return undefined;
    for (let i = 0; i < value.length; i++) {
      const found = unknownIn(value[i], shape[0] as InputShape, `${at}[${i}]`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const known = shape as { readonly [name: string]: InputShape };
  const extra = (value as { [EXTRA]?: readonly string[] })[EXTRA] ?? [];
  for (const key in value) {
    // Header names are case-insensitive: the generated tables hold them in lower case.
    const child = known[anyCase ? key.toLowerCase() : key];
    if (child === undefined) {
      if (extra.some((name) => (anyCase ? name.toLowerCase() === key.toLowerCase() : name === key)))
        continue;
      return [`${at}.${key}`, didYouMean(anyCase ? key.toLowerCase() : key, Object.keys(known))];
    }
    const found = unknownIn(
      (value as Record<string, unknown>)[key],
      child,
      `${at}.${key}`,
      depth + 1,
    );
    if (found) return found;
  }
  return undefined;
}

/**
 * Throws HwsecInputError for the first key of a call that the operation's spec does not define:
 * in `params` (its locations, then each location's names) and anywhere in `body`. An operation
 * without generated `inputs` is not checked.
 */
export function checkUnknownKeys(
  operation: string,
  inputs: OperationInputs | undefined,
  init: { params?: Record<string, unknown> | undefined; body?: unknown },
): void {
  if (!inputs) return;
  const params = init.params;
  let found: string[] | undefined;
  if (params && typeof params === 'object') {
    for (const location in params)
      if (!PARAM_LOCATIONS.includes(location)) {
        found = [`params.${location}`, didYouMean(location, PARAM_LOCATIONS)];
        break;
      }
    for (const location of ['path', 'query', 'header'] as const)
      found ??= unknownIn(
        params[location],
        inputs[location] ?? {},
        `params.${location}`,
        0,
        location === 'header',
      );
  }
  if (inputs.body !== undefined) found ??= unknownIn(init.body, inputs.body, 'body', 0);
  if (found)
    throw new HwsecInputError(
      operation,
      found[0]!,
      `a property the spec defines${found[1]}, or marked by extraFields()`,
    );
}
