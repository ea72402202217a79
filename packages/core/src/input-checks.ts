// What the types forbid is refused at run time too, before anything is sent: a project id that
// is not a plain id (it would change the path or break a header), a number that JSON would turn
// into `null` (NaN, Infinity), a non-integer where the spec says integer (the generated operation
// info lists those fields), a parameter that is an object. The error names the field and the rule.
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

/** The first non-finite number in `value`, as a field path, or undefined. */
function nonFinite(value: unknown, at: string, depth = 0): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : at;
  if (!value || typeof value !== 'object' || depth > DEPTH) return undefined;
  for (const key in value) {
    const found = nonFinite((value as Record<string, unknown>)[key], `${at}.${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The first value at `path` (`body.a[].b`) that is present but not an integer. */
function nonInteger(root: unknown, path: string): string | undefined {
  let values: Array<[unknown, string]> = [[root, '']];
  for (const step of path.split('.')) {
    const list = step.endsWith('[]');
    const key = list ? step.slice(0, -2) : step;
    const next: Array<[unknown, string]> = [];
    for (const [value, at] of values) {
      const child = (value as Record<string, unknown> | null | undefined)?.[key];
      const here = at ? `${at}.${key}` : key;
      if (!list) next.push([child, here]);
      else if (Array.isArray(child)) child.forEach((item, i) => next.push([item, `${here}[${i}]`]));
    }
    values = next;
  }
  for (const [value, at] of values)
    if (value !== undefined && value !== null && !Number.isInteger(value)) return at;
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
  const bad = nonFinite({ query, body }, 'input');
  if (bad)
    fail(bad.replace('input.query', 'params.query').replace('input.', ''), 'a finite number');
  info.integers?.forEach((field) => {
    const at = field.startsWith('query.')
      ? nonInteger({ query }, field)
      : nonInteger({ body }, field);
    if (at) fail(at.startsWith('query') ? `params.${at}` : at, 'an integer');
  });
}
