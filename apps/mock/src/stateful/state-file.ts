/**
 * Reads a state file (state-journal.ts writes it) into the store's starting state.
 *
 * A file whose every whole line carries the right seal (state-line.ts: a CRC-32 chained from line
 * to line) is exactly what this mock wrote from a state it had checked on the way in: it is
 * trusted. Its lines are indexed, not parsed: a project stored whole stays a place in the file
 * until first used (lazy-project.ts); only the (small) change records after it are parsed and
 * applied. A file the mock wrote therefore always loads, and loads in the time it takes to read
 * it through and check its seals.
 *
 * Any other file (an older version, or a line changed, added, moved or removed by hand) is
 * validated completely, and rewritten at start so the next start trusts it: every line's shape,
 * every change applied to a project that can take it, and at the end every project against the control API's ProjectState schema with its defaults filled in as
 * a seed has them, its ids unique, and every order id in one project only. A file that fails any
 * of it is refused with the file's path and the exact place of the problem (line, project, JSON
 * path), and never replaced. A last line without its newline is a write that never finished (its
 * change was never answered): it is dropped, and said so.
 *
 * Version 1 files (the whole state as one JSON object) and version 2 files (lines without seals),
 * written by earlier versions of the mock, are read too, checked completely.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { loneSurrogateAt } from '../request-body.js';
import type { AccountState } from './account-model.js';
import { billingTime } from './billing-clock.js';
import { LazyProject, readLine, type StoredProject } from './lazy-project.js';
import { applyDelta, DeltaError, recordProblem, type ChangeRecord } from './state-delta.js';
import { projectLineOf, SEAL_BYTES, sealSays } from './state-line.js';
import { duplicateId, normalizeSeed } from './seed.js';

export const STATE_FILE_FORMAT = 'hwsec-mock-state';
const VERSIONS = [1, 2, 3];
/** The version this mock writes: its lines are sealed. */
const SEALED_VERSION = 3;

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
/** Checks the account against the control API's AccountState schema; returns what is wrong. */
export type AccountCheck = (account: unknown) => string | undefined;

export interface LoadedState {
  readonly counter: number;
  readonly projects: Map<string, StoredProject>;
  /**
   * The account: `base` with what the file's records set of it applied in order; undefined when
   * none does (older files).
   */
  readonly account: AccountState | undefined;
  /** The billing clock's offset the last record that moved it set (seconds); 0 when none did. */
  readonly clockOffset: number;
  /** Bytes of whole lines: where appending continues. */
  readonly size: number;
  /** The seal of the last whole line (the next one is chained from it). */
  readonly seal: number;
  /** The file was not trusted (checked completely): rewritten before appending. */
  readonly rewrite: boolean;
  /** Bytes of an unfinished last line that were left out (to be cut off). */
  readonly droppedBytes: number;
  /** The file, open while projects are still read from it (to close when the mock stops). */
  readonly fd?: number;
}

// A lone surrogate can only reach a file decoded as strict UTF-8 as a `\uD8xx`-style escape.
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function describeValue(value: unknown): string {
  return typeof value === 'string' ? `"${value}" (a string)` : (JSON.stringify(value) ?? 'nothing');
}

interface Line {
  readonly bytes: Buffer;
  readonly number: number;
  /** Ended by a newline (else it is the file's unfinished last line). */
  readonly complete: boolean;
}

/** The file's lines, as views of its bytes: each is decoded and parsed in turn, then dropped. */
function* linesOf(bytes: Buffer): Generator<Line> {
  let number = 0;
  let start = 0;
  for (let end = bytes.indexOf(10); end >= 0; end = bytes.indexOf(10, start)) {
    yield { bytes: bytes.subarray(start, end), number: ++number, complete: true };
    start = end + 1;
  }
  if (start < bytes.length)
    yield { bytes: bytes.subarray(start), number: ++number, complete: false };
}

export async function loadStateFile(
  path: string,
  checkProject: ProjectCheck,
  now: Date,
  checkAccount: AccountCheck = () => undefined,
  /** The account a record's members apply to when the file holds no whole one before it. */
  baseAccount?: AccountState,
): Promise<LoadedState | undefined> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StateFileError(path, `cannot be read (${(error as Error).message})`);
  }
  let trusted: LoadedState | undefined;
  try {
    // At start nothing else waits on the process: blocking reads are the fastest.
    trusted = trustedState(path, fd, baseAccount);
  } catch (error) {
    closeSync(fd);
    if (error instanceof StateFileError) throw error;
    throw new StateFileError(path, `cannot be read (${(error as Error).message})`);
  }
  // Its lazy projects read their lines through it; nothing else does.
  if (trusted) return trusted;
  let bytes: Buffer;
  try {
    bytes = readFileSync(fd);
  } catch (error) {
    throw new StateFileError(path, `cannot be read (${(error as Error).message})`);
  } finally {
    closeSync(fd);
  }
  return readState(path, linesOf(bytes), checkProject, now, checkAccount, baseAccount);
}

/** A whole line whose seal is right, as the scan saw it. */
interface SealedLine {
  readonly number: number;
  readonly offset: number;
  readonly length: number;
  /** Its first HEAD_BYTES bytes (all of it when shorter): valid only while it is looked at. */
  readonly head: Buffer;
  readonly previousSeal: number;
  readonly seal: number;
}

const PIECE_BYTES = 4 * 1024 * 1024;
/** Thrown by a sealed header of another format or version: the file is checked completely. */
const NOT_TRUSTED = new Error('not a sealed state file');
const HEAD_BYTES = 64 * 1024;

/**
 * Reads the file through one buffer, checking every whole line's seal as it goes and showing
 * each sealed line to `take` (its head a view of the buffer unless the line spans two reads);
 * undefined as soon as a seal is wrong.
 */
function scanSealed(
  fd: number,
  take: (line: SealedLine) => void,
): { seal: number; size: number; droppedBytes: number } | undefined {
  const buffer = Buffer.allocUnsafe(PIECE_BYTES);
  let number = 0;
  let seal = 0;
  let running = 0;
  let lineStart = 0;
  // The head of a line begun in an earlier read (copied: the buffer is read over).
  let carried: Buffer[] = [];
  let carriedBytes = 0;
  let position = 0;
  for (let read; (read = readSync(fd, buffer, 0, PIECE_BYTES, position)) > 0; position += read) {
    const piece = buffer.subarray(0, read);
    for (let from = 0; from < read;) {
      const newline = piece.indexOf(10, from);
      const end = newline < 0 ? read : newline;
      const sealedFrom = Math.max(from, lineStart + SEAL_BYTES - position);
      if (sealedFrom < end) running = crc32(piece.subarray(sealedFrom, end), running);
      const headEnd = Math.min(end, from + HEAD_BYTES - carriedBytes);
      if (newline < 0) {
        if (headEnd > from) {
          carried.push(Buffer.from(piece.subarray(from, headEnd)));
          carriedBytes += headEnd - from;
        }
        break;
      }
      const head =
        carried.length === 0
          ? piece.subarray(from, headEnd)
          : Buffer.concat([...carried, piece.subarray(from, Math.max(from, headEnd))]);
      if (!sealSays(head, running)) return undefined;
      const length = position + end - lineStart;
      take({
        number: ++number,
        offset: lineStart,
        length,
        head,
        previousSeal: seal,
        seal: running,
      });
      seal = running;
      lineStart = position + end + 1;
      carried = [];
      carriedBytes = 0;
      from = end + 1;
    }
  }
  return { seal, size: lineStart, droppedBytes: position - lineStart };
}

/**
 * The state of a file whose every whole line is sealed right, indexed without checking it again;
 * undefined when the file is not trusted.
 */
function trustedState(
  path: string,
  fd: number,
  baseAccount: AccountState | undefined,
): LoadedState | undefined {
  const whole = (line: SealedLine): Buffer =>
    line.head.length === line.length ? line.head : readLine(fd, line.offset, line.length);
  const fail = (line: SealedLine, message: string): never => {
    throw new StateFileError(path, `line ${line.number}: ${message}; not replacing it`);
  };
  let header: Record<string, unknown> | undefined;
  let counter = 0;
  let account: AccountState | undefined;
  let clockOffset = 0;
  const projects = new Map<string, StoredProject>();
  const take = (line: SealedLine): void => {
    if (header === undefined) {
      header = JSON.parse(whole(line).toString('utf8')) as Record<string, unknown>;
      if (header['format'] !== STATE_FILE_FORMAT || header['version'] !== SEALED_VERSION)
        throw NOT_TRUSTED;
      counter = header['counter'] as number;
      return;
    }
    const indexed = projectLineOf(line.head);
    if (indexed) {
      counter = indexed.counter;
      const { offset, length, previousSeal, seal } = line;
      const source = { path, fd, offset, length, previousSeal, seal, stateAt: indexed.stateAt };
      projects.set(indexed.projectId, new LazyProject(source, indexed.orderIds));
      return;
    }
    const change = JSON.parse(whole(line).toString('utf8')) as ChangeRecord;
    counter = change.counter;
    if (change.account)
      account = { ...(account ?? baseAccount), ...change.account } as AccountState;
    if (change.clock_offset_seconds !== undefined) clockOffset = change.clock_offset_seconds;
    if (change.all) projects.clear();
    for (const [id, delta] of Object.entries(change.projects)) {
      if (delta === null) projects.delete(id);
      else if ('set' in delta) projects.set(id, delta.set);
      else {
        const stored = projects.get(id);
        const state = stored instanceof LazyProject ? stored.materialize() : stored;
        if (!state) return fail(line, `project ${id} is edited but does not exist`);
        try {
          applyDelta(state as unknown as Record<string, unknown>, delta);
        } catch (error) {
          if (!(error instanceof DeltaError)) throw error;
          fail(line, `project ${id}: ${error.message}`);
        }
        projects.set(id, state);
      }
    }
  };
  // Lines are taken as they are read; all of it is dropped if a later seal is wrong.
  let scanned;
  try {
    scanned = scanSealed(fd, take);
  } catch (error) {
    if (error === NOT_TRUSTED) return undefined;
    throw error;
  }
  if (scanned === undefined || header === undefined) return undefined;
  const { seal, size, droppedBytes } = scanned;
  return { counter, projects, account, clockOffset, size, seal, rewrite: false, droppedBytes, fd };
}

/**
 * A record line in the one-project form (state-line.ts) as the change record it stands for (its
 * `order_ids` are an index the rewrite makes again); any other line as it is.
 */
function asChangeRecord(value: unknown): { record: unknown } | { problem: string } {
  if (!isObject(value) || !('project' in value)) return { record: value };
  const { counter, project, order_ids: orderIds, set, ...rest } = value;
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) return { problem: `${extra} is not a field of a project's line` };
  if (typeof project !== 'string') return { problem: 'project must be a string' };
  if (!Array.isArray(orderIds) || orderIds.some((id) => typeof id !== 'string'))
    return { problem: 'order_ids must be a list of strings' };
  return { record: { counter, projects: { [project]: { set } } } };
}

function readState(
  path: string,
  lines: Generator<Line>,
  checkProject: ProjectCheck,
  now: Date,
  checkAccount: AccountCheck,
  baseAccount: AccountState | undefined,
): LoadedState | undefined {
  const fail = (message: string): never => {
    throw new StateFileError(path, `${message}; not replacing it`);
  };
  const parse = ({ bytes, number }: Line): unknown => {
    if (!isUtf8(bytes)) fail(`line ${number} is not UTF-8 text`);
    const text = bytes.toString('utf8');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return fail(`line ${number} is not JSON (${(error as Error).message})`);
    }
    if (SURROGATE_ESCAPE.test(text)) {
      const at = loneSurrogateAt(value);
      if (at !== undefined) fail(`line ${number}: lone surrogate in a string at ${at}`);
    }
    // A seal that is wrong says only that the line is not as the mock wrote it: judged as is.
    if (isObject(value)) delete value['crc32'];
    return value;
  };

  const first = lines.next().value as Line | undefined;
  if (first === undefined) return undefined;
  // A version 1 file is one JSON object with no newline; otherwise an unfinished first line is
  // a file that never held a state.
  const header = parse(first);
  if (!isObject(header) || header['format'] !== STATE_FILE_FORMAT)
    fail('is not a hwsec-mock state file (its first line has no "format":"hwsec-mock-state")');
  const { version, counter } = header as Record<string, unknown>;
  if (!VERSIONS.includes(version as number))
    fail(
      `has version ${describeValue(version)}; this mock reads versions ${VERSIONS.slice(0, -1).join(', ')} and ${VERSIONS.at(-1)} (numbers)`,
    );
  if (!Number.isSafeInteger(counter) || (counter as number) < 0)
    fail(`line 1: counter must be a non-negative integer, got ${describeValue(counter)}`);

  const projects = new Map<string, Record<string, unknown>>();
  let lastCounter = counter as number;
  let account: unknown;
  let clockOffset = 0;
  let size = first.bytes.length + 1;
  let droppedBytes = 0;
  if (version === 1) {
    if (first.complete && !lines.next().done)
      fail('is a version 1 file (one JSON object) followed by more lines');
    const { projects: listed } = header as Record<string, unknown>;
    if (!isObject(listed))
      fail(`projects must be an object of project id → state, got ${describeValue(listed)}`);
    for (const [id, state] of Object.entries(listed as Record<string, unknown>)) {
      if (!isObject(state)) fail(`project ${id}: must be an object, got ${describeValue(state)}`);
      projects.set(id, state as Record<string, unknown>);
    }
  } else {
    if (!first.complete) fail('line 1 is unfinished');
    for (const line of lines) {
      if (!line.complete) {
        // Never answered: its write did not finish.
        droppedBytes = line.bytes.length;
        break;
      }
      size += line.bytes.length + 1;
      const read = asChangeRecord(parse(line));
      const problem = 'problem' in read ? read.problem : recordProblem(read.record);
      if (problem !== undefined) fail(`line ${line.number}: ${problem}`);
      const record = (read as { record: unknown }).record;
      const change = record as ChangeRecord;
      if (change.counter < lastCounter)
        fail(`line ${line.number}: counter ${change.counter} goes back from ${lastCounter}`);
      lastCounter = change.counter;
      if (change.account !== undefined) {
        if (!isObject(change.account)) fail(`line ${line.number}: account must be an object`);
        account = { ...((account ?? baseAccount) as object), ...change.account };
      }
      if (change.clock_offset_seconds !== undefined) clockOffset = change.clock_offset_seconds;
      if (change.all) projects.clear();
      for (const [id, delta] of Object.entries(change.projects)) {
        if (delta === null) projects.delete(id);
        else if ('set' in delta) projects.set(id, delta.set as unknown as Record<string, unknown>);
        else {
          const state = projects.get(id);
          if (!state) fail(`line ${line.number}: project ${id} is edited but does not exist`);
          try {
            applyDelta(state!, delta);
          } catch (error) {
            if (!(error instanceof DeltaError)) throw error;
            fail(`line ${line.number}: project ${id}: ${error.message}`);
          }
        }
      }
    }
  }

  const loaded = new Map<string, StoredProject>();
  const owners = new Map<string, string>();
  for (const [id, raw] of projects) {
    if (id.length === 0 || id.length > 256)
      fail(`project id ${describeValue(id)}: must be 1–256 characters`);
    const problem = checkProject(raw);
    if (problem !== undefined) fail(`project ${id}: ${problem}`);
    // Defaults a seed gets (times) are of the billing clock, as at the seed's own PUT.
    const state = normalizeSeed(raw, billingTime(now, clockOffset), { owned: true });
    const duplicate = duplicateId(state);
    if (duplicate) fail(`project ${id}: ${duplicate}`);
    for (const order of state.orders) {
      const owner = owners.get(order.order_id);
      if (owner !== undefined)
        fail(
          `project ${id}: /orders order_id ${order.order_id} is also an order of project ${owner}`,
        );
      owners.set(order.order_id, id);
    }
    loaded.set(id, state);
  }
  if (account !== undefined) {
    const problem = checkAccount(account);
    if (problem !== undefined) fail(`account: ${problem}`);
  }
  return {
    counter: lastCounter,
    projects: loaded,
    account: account as AccountState | undefined,
    clockOffset,
    size,
    seal: 0,
    rewrite: true,
    droppedBytes,
  };
}
