/**
 * A project read from a trusted state file and not used since: kept as where its line lies in the
 * file (and the ids of its orders, for the order index), read and parsed on first use. A state of
 * a million quotas is ready once its seals are checked; only the projects a client touches ever
 * become objects, and the others take no memory. The file's seals said the mock wrote these bytes
 * from a state it had checked, so they are parsed, not checked again; the line's seal is checked
 * when it is read, so a file changed under the running mock is never taken for its state.
 */
import { readSync } from 'node:fs';
import { sealOf } from './state-line.js';
import type { ProjectState } from './state-model.js';

/** A sealed one-project line of the state file, opened as `fd` (which outlives a rename). */
export interface ProjectLineSource {
  readonly path: string;
  readonly fd: number;
  readonly offset: number;
  readonly length: number;
  /** The seal of the line before it, and its own. */
  readonly previousSeal: number;
  readonly seal: number;
  /** Where in the line the project's state begins (it ends before the line's closing brace). */
  readonly stateAt: number;
}

export function readLine(fd: number, offset: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  for (let done = 0; done < length;) {
    const read = readSync(fd, bytes, done, length - done, offset + done);
    if (read === 0) break;
    done += read;
  }
  return bytes;
}

export class LazyProject {
  private state: ProjectState | undefined;

  constructor(
    private readonly line: ProjectLineSource,
    readonly orderIds: readonly string[],
  ) {}

  /** The state's JSON: as the file holds it while the project was never parsed. */
  json(): Buffer | string {
    if (this.state !== undefined) return JSON.stringify(this.state);
    const { path, fd, offset, length, previousSeal, seal, stateAt } = this.line;
    const bytes = readLine(fd, offset, length);
    if (sealOf(bytes, previousSeal) !== seal)
      throw new Error(
        `state file ${path}: the line at byte ${offset} changed since the mock loaded it (its seal is no longer right)`,
      );
    return bytes.subarray(stateAt, length - 1);
  }

  /** The project's state, parsed once. */
  materialize(): ProjectState {
    this.state ??= JSON.parse(this.json().toString()) as ProjectState;
    return this.state;
  }
}

/** A project as the store holds it: parsed, or still a line of the file. */
export type StoredProject = ProjectState | LazyProject;

export function orderIdsOf(project: StoredProject | undefined): readonly string[] {
  if (project === undefined) return [];
  return project instanceof LazyProject
    ? project.orderIds
    : project.orders.map((order) => order.order_id);
}
