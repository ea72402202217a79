/**
 * The state file as the store writes it: an append-only log of JSON lines, each sealed with a
 * chained CRC-32 (state-line.ts). The first line is a header (format, version, the id counter);
 * every other line is one change record (state-delta.ts). A batch of changes is one `write` and one `fdatasync` (group commit), so a
 * change costs its own bytes, never the state's.
 *
 * A write that fails (disk full, a file size limit) is cut off again (`ftruncate` to the length
 * before it), so the file never holds half a change; if even that fails, the journal refuses every
 * later write, and the next start drops the unfinished last line (it was never answered).
 *
 * When the log has grown to twice the size of the state it started from (and at least
 * COMPACT_MIN_BYTES), it is compacted in the background: the durable state is written to
 * `.<name>.tmp` beside it (one line per project), the changes appended meanwhile are copied after
 * it, and it is fsynced and renamed over the log, the folder fsynced: a crash at any moment leaves
 * the old log or the new one. A failed compaction removes its temporary file and leaves the log
 * as it was.
 */
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import type { AccountState } from './account-model.js';
import { basename, dirname, join } from 'node:path';
import { LazyProject, orderIdsOf, type StoredProject } from './lazy-project.js';
import type { ChangeRecord } from './state-delta.js';
import { projectLinePieces, sealLine, sealObject, sealRecord } from './state-line.js';
import type { Journal } from './state-store.js';

export const STATE_FILE_FORMAT = 'hwsec-mock-state';
export const STATE_FILE_VERSION = 3;
export const COMPACT_MIN_BYTES = 8 * 1024 * 1024;
/** A compacted file is written in pieces of about this size, so requests go on meanwhile. */
const PIECE_BYTES = 1024 * 1024;

/** A write to the state file failed: the change it held was not made. */
export class StateWriteError extends Error {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`the state file ${path} could not be written (${(cause as Error).message})`);
    this.name = 'StateWriteError';
  }
}

/** The header line, which starts the chain of seals. */
export function headerLine(counter: number): { bytes: Buffer; seal: number } {
  return sealObject({ format: STATE_FILE_FORMAT, version: STATE_FILE_VERSION, counter }, 0);
}

export function temporaryPathOf(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp`);
}

async function writeAll(file: FileHandle, bytes: Buffer): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await file.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}

async function syncFolder(path: string): Promise<void> {
  const folder = await open(dirname(path), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/**
 * Writes a whole state (header, the account and the billing clock's offset as a change record,
 * then one line per project) into `file`, piece by piece; returns the last line's seal. A
 * project never parsed since start is written from its bytes as they are.
 */
async function writeState(
  file: FileHandle,
  projects: ReadonlyMap<string, StoredProject>,
  counter: number,
  account: AccountState,
  clockOffset: number,
): Promise<number> {
  let { bytes, seal } = headerLine(counter);
  const accountLine = sealRecord(
    {
      counter,
      projects: {},
      account,
      ...(clockOffset !== 0 && { clock_offset_seconds: clockOffset }),
    },
    seal,
  );
  seal = accountLine.seal;
  let piece = [bytes, accountLine.bytes];
  let pieceBytes = bytes.length + accountLine.bytes.length;
  for (const [id, project] of projects) {
    const json = project instanceof LazyProject ? project.json() : JSON.stringify(project);
    ({ bytes, seal } = sealLine(projectLinePieces(counter, id, orderIdsOf(project), json), seal));
    piece.push(bytes);
    pieceBytes += bytes.length;
    if (pieceBytes >= PIECE_BYTES) {
      await writeAll(file, Buffer.concat(piece));
      piece = [];
      pieceBytes = 0;
    }
  }
  await writeAll(file, Buffer.concat(piece));
  return seal;
}

/** The records as sealed lines after `previous`, and the last seal. */
function sealRecords(
  records: readonly ChangeRecord[],
  previous: number,
): { bytes: Buffer; seal: number } {
  let seal = previous;
  const lines = records.map((record) => {
    const line = sealRecord(record, seal);
    seal = line.seal;
    return line.bytes;
  });
  return { bytes: Buffer.concat(lines), seal };
}

/**
 * Writes a whole state as the file at `path`: temporary file, fsync, rename, folder fsync.
 * Returns the last line's seal.
 */
export async function writeStateFile(
  path: string,
  projects: ReadonlyMap<string, StoredProject>,
  counter: number,
  account: AccountState,
  clockOffset: number,
): Promise<number> {
  const temporary = temporaryPathOf(path);
  let file: FileHandle | undefined;
  let seal: number;
  try {
    file = await open(temporary, 'w');
    seal = await writeState(file, projects, counter, account, clockOffset);
    await file.sync();
    await file.close();
    file = undefined;
    await rename(temporary, path);
  } catch (error) {
    await file?.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(path);
  return seal;
}

export class StateJournal implements Journal {
  private queue: Promise<unknown> = Promise.resolve();
  /** Changes appended while a compaction writes the state: sealed again after it. */
  private carried: ChangeRecord[] | undefined;
  private broken: Error | undefined;
  /** The log's size after the last start or compaction: the measure of the state. */
  private baseSize: number;

  private constructor(
    readonly path: string,
    private file: FileHandle,
    private size: number,
    /** The seal of the log's last line: the next line's is chained from it. */
    private seal: number,
    private readonly onCompactionError: (error: Error) => void,
  ) {
    this.baseSize = size;
  }

  /**
   * Opens the log at `path` (which holds `size` bytes of whole lines, the last sealed `seal`) for
   * appending.
   */
  static async open(
    path: string,
    size: number,
    seal: number,
    onCompactionError: (error: Error) => void,
  ): Promise<StateJournal> {
    const file = await open(path, 'a');
    return new StateJournal(path, file, size, seal, onCompactionError);
  }

  /** Runs `task` after every task queued before it: one write at a time. */
  private serially<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  append(records: readonly ChangeRecord[]): Promise<void> {
    return this.serially(async () => {
      if (this.broken) throw new StateWriteError(this.path, this.broken);
      const { bytes, seal } = sealRecords(records, this.seal);
      try {
        await writeAll(this.file, bytes);
        await this.file.datasync();
      } catch (error) {
        try {
          await this.file.truncate(this.size);
          await this.file.datasync();
        } catch (cutError) {
          this.broken = cutError as Error;
        }
        throw new StateWriteError(this.path, error);
      }
      this.size += bytes.length;
      this.seal = seal;
      this.carried?.push(...records);
    });
  }

  compactionDue(): boolean {
    return (
      this.carried === undefined &&
      this.broken === undefined &&
      this.size >= COMPACT_MIN_BYTES &&
      this.size >= 2 * this.baseSize
    );
  }

  compact(
    projects: ReadonlyMap<string, StoredProject>,
    counter: number,
    account: AccountState,
    clockOffset: number,
  ): void {
    if (this.carried !== undefined) return;
    this.carried = [];
    const temporary = temporaryPathOf(this.path);
    const run = async () => {
      const file = await open(temporary, 'w');
      let renamed = false;
      try {
        const stateSeal = await writeState(file, projects, counter, account, clockOffset);
        // The switch happens between two appends: whatever was appended to the old log since
        // the state was taken is sealed again after it, and the next append goes to the new file.
        await this.serially(async () => {
          const carried = sealRecords(this.carried!, stateSeal);
          await writeAll(file, carried.bytes);
          await file.sync();
          const { size } = await file.stat();
          await rename(temporary, this.path);
          renamed = true;
          const old = this.file;
          try {
            this.file = await open(this.path, 'a');
          } catch (error) {
            this.broken = error as Error;
            throw error;
          }
          this.size = this.baseSize = size;
          this.seal = carried.seal;
          this.carried = undefined;
          await old.close().catch(() => undefined);
          await syncFolder(this.path);
        });
      } finally {
        await file.close().catch(() => undefined);
        if (!renamed) await rm(temporary, { force: true });
      }
    };
    run().catch((error: Error) => {
      this.carried = undefined;
      // Not fatal: the log is still whole. Tried again once it has doubled from here.
      this.baseSize = this.size;
      this.onCompactionError(error);
    });
  }

  async close(): Promise<void> {
    await this.serially(async () => {
      await this.file.close().catch(() => undefined);
    });
  }
}
