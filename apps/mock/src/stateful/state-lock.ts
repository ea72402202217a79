/**
 * One mock process per state file: `<file>.lock` beside it holds the pid of the process that has
 * the file. It is created exclusively (a hard link of a file of our own, which either appears
 * whole or not at all), released on any exit of the process, and a lock whose process no longer
 * runs (after a `kill -9`) is taken over, with a message saying so. Creating it is also the start's
 * proof that the folder can be written.
 */
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { StateFileError } from './state-file.js';

export interface StateLock {
  readonly path: string;
  /** Set when a stale lock was taken over: the pid that held it. */
  readonly tookOverFrom?: number;
  release(): void;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderOf(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

const releasers = new Set<() => void>();
let exitHookInstalled = false;

export function lockStateFile(statePath: string): StateLock {
  const path = `${statePath}.lock`;
  const own = `${path}.${process.pid}`;
  try {
    mkdirSync(dirname(statePath), { recursive: true });
    writeFileSync(own, `${process.pid}\n`);
  } catch (error) {
    throw new StateFileError(
      statePath,
      `its folder cannot be written (${(error as Error).message}); the mock needs it writable`,
    );
  }
  let tookOverFrom: number | undefined;
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(own, path);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw error;
      }
      const holder = holderOf(path);
      if (holder !== undefined && running(holder))
        throw new StateFileError(
          statePath,
          `is in use by another mock process (pid ${holder}, lock ${path}); one mock process per state file`,
        );
      // Stale: moved aside under a name of our own (only one process can move it), then removed.
      const aside = `${path}.stale.${process.pid}`;
      try {
        renameSync(path, aside);
      } catch {
        continue; // someone else moved it first: look again
      }
      const movedHolder = holderOf(aside);
      if (movedHolder !== holder && movedHolder !== undefined && running(movedHolder)) {
        // A live process locked it between our read and our move: give it back.
        renameSync(aside, path);
        continue;
      }
      rmSync(aside, { force: true });
      tookOverFrom = holder;
    }
  } finally {
    rmSync(own, { force: true });
  }

  const release = () => {
    releasers.delete(release);
    if (holderOf(path) === process.pid) rmSync(path, { force: true });
  };
  releasers.add(release);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const releaseOne of [...releasers]) releaseOne();
    });
  }
  return { path, ...(tookOverFrom !== undefined && { tookOverFrom }), release };
}
