// Builders for the contract's counter-examples: start from a valid value and change one thing.
export const REMOVE = Symbol('remove');

type Path = ReadonlyArray<string | number>;

export function withChange(base: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return copy;
}

export const repeat = (length: number, char = 'a') => char.repeat(length);

export interface ConstraintCase {
  /** What is checked, e.g. `period_num above 1000`. */
  name: string;
  value: unknown;
  /** Expected error text naming the field and rule; omitted when the value must be accepted. */
  rejectedWith?: string;
}

export const accepted = (name: string, value: unknown): ConstraintCase => ({ name, value });
export const rejected = (name: string, value: unknown, rejectedWith: string): ConstraintCase => ({
  name,
  value,
  rejectedWith,
});
