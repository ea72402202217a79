// What the types forbid is refused at run time too, before anything is sent: a project id that
// is not a plain id (it would change the path or break a header), a number that JSON would turn
// into `null` (NaN, Infinity), a non-integer where the spec says integer (the generated operation
// info lists those fields), a parameter that is an object. The error names the field and the rule;
// one walk of the query and body finds the first bad value.
import { HwsecInputError } from './errors.js';
import type { OperationInfo } from './operation-types.js';
import { PROJECT_ID, PROJECT_ID_RULE } from './option-checks.js';

type Bag = Record<string, unknown> | undefined;

export interface CallInput {
  path: Bag;
  query: Bag;
  header: Bag;
  body: unknown;
}

const DEPTH = 64;

/**
 * The first value under `value` that must not be sent, as [where, rule]: a number JSON would turn
 * into `null` (NaN, Infinity), or a present non-integer at a field the spec says is an integer.
 * `at` is where `value` is (`body.items[1]`); `field` is the same place as the generated
 * `integers` list names it (`body.items[]`).
 */
function firstBad(
  value: unknown,
  at: string,
  field: string,
  integers: readonly string[],
  depth: number,
): [string, string] | undefined {
  if (typeof value === 'number' && !Number.isFinite(value)) return [at, 'a finite number'];
  if (value !== undefined && value !== null && !Number.isInteger(value) && integers.includes(field))
    return [at, 'an integer'];
  if (!value || typeof value !== 'object' || depth > DEPTH) return undefined;
  const list = Array.isArray(value);
  for (const key in value) {
    const found = firstBad(
      (value as Record<string, unknown>)[key],
      list ? `${at}[${key}]` : `${at}.${key}`,
      list ? `${field}[]` : `${field}.${key}`,
      integers,
      depth + 1,
    );
    if (found) return found;
  }
  return undefined;
}

const plain = (value: unknown) =>
  value === undefined ||
  value === null ||
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  typeof value === 'number' ||
  (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null));

/** Throws HwsecInputError for the first value of this call that must not be sent. */
export function checkCallInput(operation: string, info: OperationInfo, input: CallInput): void {
  const fail = (field: string, rule: string) => {
    throw new HwsecInputError(operation, field, rule);
  };
  const { path, query, header, body } = input;
  if (info.path.includes('{project_id}')) {
    // The operation methods always give such an operation a path object.
    const project = path!['project_id'];
    if (project === undefined || project === null || project === '')
      fail('projectId', 'given (no projectId in the client options or params.path.project_id)');
    if (typeof project !== 'string' || !PROJECT_ID.test(project))
      fail('params.path.project_id', PROJECT_ID_RULE);
  }
  for (const [where, bag] of [
    ['path', path],
    ['query', query],
    ['header', header],
  ] as const)
    for (const name in bag)
      if (!plain(bag[name]))
        fail(`params.${where}.${name}`, 'a string, number, boolean or list of them');
  const integers = info.integers ?? [];
  const bad =
    firstBad(query, 'params.query', 'query', integers, 1) ??
    firstBad(body, 'body', 'body', integers, 1);
  if (bad) fail(...bad);
}
