/**
 * What one change did to one project, as the state file records it: the whole project (`set`)
 * when it is new or seeded, otherwise only the edits (`edits`), so a record costs the change, not
 * the project. The diff knows nothing of HSS, DSC or SecMaster: any list of the state is diffed
 * the same way (items are replaced, never edited, so identity says what changed), any nested
 * object is walked, anything else is a value. A section or collection added to a project later is
 * recorded and replayed with no change here; the account rides along whole (`account`), and the
 * billing clock's offset as a number (`clock_offset_seconds`).
 */
import type { AccountState } from './account-model.js';
import type { ProjectState } from './state-model.js';

/** One edit at a path of the project (`["hss", "quotas"]`). */
export type Edit =
  /** A value, or a whole list, set. */
  | { readonly path: readonly string[]; readonly value: unknown }
  /** A field removed. */
  | { readonly path: readonly string[]; readonly delete: true }
  /** A list's items replaced by index (`at`) and items appended (`add`). */
  | {
      readonly path: readonly string[];
      readonly at?: Readonly<Record<string, unknown>>;
      readonly add?: readonly unknown[];
    };

export type ProjectDelta = { readonly set: ProjectState } | { readonly edits: readonly Edit[] };

/** One change as the state file records it: a line of the log. */
export interface ChangeRecord {
  /** The id counter after the change. */
  readonly counter: number;
  /** Every project was reset first. */
  readonly all?: true;
  /** Per project: its delta, or null when it was reset. */
  readonly projects: Readonly<Record<string, ProjectDelta | null>>;
  /** The members of the account the change set (all of them after a reset of everything). */
  readonly account?: Partial<AccountState>;
  /** The billing clock's offset (seconds ahead of real time), when the change moved it. */
  readonly clock_offset_seconds?: number;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function diffInto(base: unknown, draft: unknown, path: string[], edits: Edit[]): void {
  if (base === draft) return;
  if (Array.isArray(base) && Array.isArray(draft)) {
    if (draft.length >= base.length) {
      const at: Record<string, unknown> = {};
      let replaced = 0;
      for (let i = 0; i < base.length; i++) {
        if (base[i] !== draft[i]) {
          at[i] = draft[i];
          replaced++;
        }
      }
      const add = draft.slice(base.length);
      if (replaced === 0 && add.length === 0) return;
      // Edits only while they are smaller than the list they describe.
      if (replaced * 2 <= draft.length) {
        edits.push({ path, ...(replaced > 0 && { at }), ...(add.length > 0 && { add }) });
        return;
      }
    }
    edits.push({ path, value: draft });
    return;
  }
  if (isObject(base) && isObject(draft)) {
    for (const key of new Set([...Object.keys(base), ...Object.keys(draft)])) {
      if (!(key in draft)) edits.push({ path: [...path, key], delete: true });
      else diffInto(base[key], draft[key], [...path, key], edits);
    }
    return;
  }
  edits.push({ path, value: draft });
}

/** The delta from `base` (undefined: the project did not exist) to `draft`; undefined if none. */
export function diffProject(
  base: ProjectState | undefined,
  draft: ProjectState,
): ProjectDelta | undefined {
  if (base === undefined) return { set: draft };
  const edits: Edit[] = [];
  diffInto(base, draft, [], edits);
  return edits.length === 0 ? undefined : { edits };
}

export class DeltaError extends Error {}

const describePath = (path: readonly string[]) => `/${path.join('/')}`;

/**
 * Applies a delta read back from the state file to `state` (which the caller owns: it is edited
 * in place). Throws a DeltaError naming the path when the delta does not fit the state.
 */
export function applyDelta(state: Record<string, unknown>, delta: ProjectDelta): void {
  if ('set' in delta) throw new DeltaError('a set is applied by replacing the project');
  for (const edit of delta.edits) {
    const { path } = edit;
    if (path.length === 0) throw new DeltaError('an edit needs a path');
    let parent: Record<string, unknown> = state;
    for (const key of path.slice(0, -1)) {
      const next = parent[key];
      if (next === undefined) parent[key] = {};
      else if (!isObject(next))
        throw new DeltaError(`${describePath(path)}: ${key} is not an object`);
      parent = parent[key] as Record<string, unknown>;
    }
    const last = path.at(-1)!;
    if ('value' in edit) parent[last] = edit.value;
    else if ('delete' in edit) delete parent[last];
    else {
      // A list left out of a hand-written project is empty, as in a seed.
      parent[last] ??= [];
      const list = parent[last];
      if (!Array.isArray(list)) throw new DeltaError(`${describePath(path)}: is not a list`);
      for (const [index, item] of Object.entries(edit.at ?? {})) {
        const i = Number(index);
        if (!Number.isSafeInteger(i) || i < 0 || i >= list.length)
          throw new DeltaError(`${describePath(path)}/${index}: no such item`);
        list[i] = item;
      }
      for (const item of edit.add ?? []) list.push(item);
    }
  }
}

/** Checks that a parsed line has the shape of a ChangeRecord; returns what is wrong. */
export function recordProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'is not an object';
  const { counter, all, projects, account, clock_offset_seconds: clock, ...rest } = value;
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) return `${extra} is not a field of a change`;
  if (counter !== undefined && (!Number.isSafeInteger(counter) || (counter as number) < 0))
    return 'counter must be a non-negative integer';
  if (all !== undefined && all !== true) return 'all must be true when present';
  if (!isObject(projects)) return 'projects must be an object';
  if (account !== undefined && !isObject(account)) return 'account must be an object';
  if (clock !== undefined && (!Number.isSafeInteger(clock) || (clock as number) < 0))
    return 'clock_offset_seconds must be a non-negative integer';
  for (const [id, delta] of Object.entries(projects)) {
    if (delta === null) continue;
    if (!isObject(delta)) return `project ${id}: must be null, {set} or {edits}`;
    if ('set' in delta) {
      if (!isObject(delta['set'])) return `project ${id}: set must be an object`;
      continue;
    }
    const { edits } = delta;
    if (!Array.isArray(edits)) return `project ${id}: must be null, {set} or {edits}`;
    for (const [index, edit] of edits.entries()) {
      const where = `project ${id}: edit ${index}`;
      if (!isObject(edit)) return `${where} is not an object`;
      const path = edit['path'];
      if (!Array.isArray(path) || path.some((key) => typeof key !== 'string'))
        return `${where}: path must be a list of names`;
      const kinds = ['value', 'delete', 'at', 'add'].filter((k) => k in edit);
      if (kinds.length === 0) return `${where}: says nothing to do`;
      if (kinds.includes('at') && !isObject(edit['at'])) return `${where}: at must be an object`;
      if (kinds.includes('add') && !Array.isArray(edit['add']))
        return `${where}: add must be a list`;
    }
  }
  return undefined;
}
