/**
 * The durable copy of the store (`--state-file`). Each change writes the whole state to a
 * temporary file beside it, fsyncs it, renames it over the state file and fsyncs the folder: a
 * crash at any moment leaves either the old or the new file, never a mix. At start a file that
 * exists but cannot be read as a state file is an error, never replaced.
 */
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ProjectState, StoreSnapshot } from './state-model.js';

export const STATE_FILE_FORMAT = 'hwsec-mock-state';
export const STATE_FILE_VERSION = 1;

export class StateFileError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`state file ${path}: ${message}`);
    this.name = 'StateFileError';
  }
}

/** Checks one project against the control API's ProjectState schema; returns what is wrong. */
export type ProjectCheck = (state: unknown) => string | undefined;

export async function loadStateFile(
  path: string,
  checkProject: ProjectCheck,
): Promise<StoreSnapshot | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StateFileError(path, `cannot be read (${(error as Error).message})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(path, `is not JSON (${(error as Error).message}); not replacing it`);
  }
  const file = parsed as Partial<{
    format: unknown;
    version: unknown;
    counter: unknown;
    projects: unknown;
  }>;
  if (file === null || typeof file !== 'object' || file.format !== STATE_FILE_FORMAT)
    throw new StateFileError(path, `is not a hwsec-mock state file; not replacing it`);
  if (file.version !== STATE_FILE_VERSION)
    throw new StateFileError(path, `has version ${String(file.version)}, this mock reads 1`);
  if (!Number.isSafeInteger(file.counter) || (file.counter as number) < 0)
    throw new StateFileError(path, 'counter must be a non-negative integer');
  if (file.projects === null || typeof file.projects !== 'object')
    throw new StateFileError(path, 'projects must be an object');
  for (const [id, state] of Object.entries(file.projects as Record<string, unknown>)) {
    const problem = checkProject(state);
    if (problem !== undefined) throw new StateFileError(path, `project ${id}: ${problem}`);
  }
  return {
    counter: file.counter as number,
    projects: file.projects as Record<string, ProjectState>,
  };
}

export function stateFileWriter(path: string): (snapshot: StoreSnapshot) => Promise<void> {
  const folder = dirname(path);
  const temporary = join(folder, `.${basename(path)}.tmp`);
  let ready: Promise<void> | undefined;
  return async (snapshot) => {
    await (ready ??= mkdir(folder, { recursive: true }).then(() => undefined));
    const text = JSON.stringify({
      format: STATE_FILE_FORMAT,
      version: STATE_FILE_VERSION,
      ...snapshot,
    });
    const file = await open(temporary, 'w');
    try {
      await file.writeFile(text, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    const dir = await open(folder, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  };
}
