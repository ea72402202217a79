/**
 * One line of the state file as this mock writes it (version 3): a JSON object whose first field
 * is its seal, `{"crc32":"xxxxxxxx",…}`: the CRC-32 of the rest of the line, chained from the
 * seal of the line before it (the header's chain starts at 0). A file whose every whole line
 * carries the right seal is exactly what the mock wrote, in the order it wrote it (a changed
 * byte, a line removed, moved or added by hand breaks the chain), so the loader can trust it
 * without checking it again; any other file is checked completely.
 *
 * A project stored whole is written in a form the loader can index without parsing it:
 * `{"crc32":…,"counter":N,"project":"<id>","order_ids":[…],"set":{…}}`, the state last, so the
 * project's own bytes are the line's tail and its order ids (for the order index) come first.
 */
import { crc32 } from 'node:zlib';
import type { ChangeRecord } from './state-delta.js';

const SEAL_PREFIX = Buffer.from('{"crc32":"', 'latin1');
/** `{"crc32":"xxxxxxxx",`: what precedes the sealed part of a line. */
export const SEAL_BYTES = SEAL_PREFIX.length + 10;

/** Pieces of JSON text after the opening brace of an object, sealed into one line. */
export function sealLine(
  pieces: ReadonlyArray<string | Buffer>,
  previous: number,
): { bytes: Buffer; seal: number } {
  let seal = previous;
  for (const piece of pieces) seal = crc32(piece, seal);
  const head = `{"crc32":"${seal.toString(16).padStart(8, '0')}",`;
  const bytes = Buffer.concat([
    Buffer.from(head, 'latin1'),
    ...pieces.map((piece) => (typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece)),
    Buffer.from('\n', 'latin1'),
  ]);
  return { bytes, seal };
}

/** A JSON object (not empty) sealed into one line. */
export function sealObject(value: object, previous: number): { bytes: Buffer; seal: number } {
  return sealLine([JSON.stringify(value).slice(1)], previous);
}

/** Whether a line starting with `head` is sealed `seal` (the CRC-32 of the rest, chained). */
export function sealSays(head: Buffer, seal: number): boolean {
  if (head.length <= SEAL_BYTES) return false;
  if (head.compare(SEAL_PREFIX, 0, SEAL_PREFIX.length, 0, SEAL_PREFIX.length) !== 0) return false;
  if (head[SEAL_BYTES - 2] !== 0x22 || head[SEAL_BYTES - 1] !== 0x2c) return false;
  const hex = head.toString('latin1', SEAL_PREFIX.length, SEAL_BYTES - 2);
  return /^[0-9a-f]{8}$/.test(hex) && Number.parseInt(hex, 16) === seal;
}

/** The seal of `line` (without its newline) if it carries the right one after `previous`. */
export function sealOf(line: Buffer, previous: number): number | undefined {
  if (line.length <= SEAL_BYTES) return undefined;
  const seal = crc32(line.subarray(SEAL_BYTES), previous);
  return sealSays(line, seal) ? seal : undefined;
}

/** The pieces of a one-project line (after the opening brace) for a project's state as JSON. */
export function projectLinePieces(
  counter: number,
  projectId: string,
  orderIds: readonly string[],
  state: string | Buffer,
): Array<string | Buffer> {
  return [
    `"counter":${counter},"project":${JSON.stringify(projectId)},"order_ids":${JSON.stringify(orderIds)},"set":`,
    state,
    '}',
  ];
}

/** A change record as a sealed line: a lone project set in the one-project form. */
export function sealRecord(
  record: ChangeRecord,
  previous: number,
): { bytes: Buffer; seal: number } {
  const ids = Object.keys(record.projects);
  const only =
    ids.length === 1 && !record.all && !record.account ? record.projects[ids[0]!] : undefined;
  if (only && 'set' in only) {
    const orderIds = only.set.orders.map((order) => order.order_id);
    return sealLine(
      projectLinePieces(record.counter, ids[0]!, orderIds, JSON.stringify(only.set)),
      previous,
    );
  }
  return sealObject(record, previous);
}

/** A sealed one-project line, indexed: its counter, project, order ids and where the state is. */
export interface ProjectLine {
  readonly counter: number;
  readonly projectId: string;
  readonly orderIds: string[];
  /** Where the project's state begins in the line. */
  readonly stateAt: number;
}

/** The end (exclusive) of the JSON string starting at `start` (a `"`), or -1. */
function endOfString(line: Buffer, start: number): number {
  if (line[start] !== 0x22) return -1;
  for (let i = start + 1; i < line.length; i++) {
    if (line[i] === 0x5c) i++;
    else if (line[i] === 0x22) return i + 1;
  }
  return -1;
}

function expect(line: Buffer, at: number, text: string): number {
  return line.toString('latin1', at, at + text.length) === text ? at + text.length : -1;
}

/**
 * Reads the start (`head`) of a sealed line in the one-project form, up to where its state
 * begins, without reading the state (undefined when the line is another record, or its order ids
 * go past `head`). Only for lines whose seal is right: the mock wrote them with JSON.stringify.
 */
export function projectLineOf(head: Buffer): ProjectLine | undefined {
  let at = expect(head, SEAL_BYTES, '"counter":');
  if (at < 0) return undefined;
  const digits = at;
  while (head[at]! >= 0x30 && head[at]! <= 0x39) at++;
  const counter = Number(head.toString('latin1', digits, at));
  at = expect(head, at, ',"project":');
  if (at < 0) return undefined;
  const idEnd = endOfString(head, at);
  if (idEnd < 0) return undefined;
  const projectId = JSON.parse(head.toString('utf8', at, idEnd)) as string;
  at = expect(head, idEnd, ',"order_ids":[');
  if (at < 0) return undefined;
  const idsStart = at - 1;
  while (head[at] !== 0x5d) {
    at = endOfString(head, at);
    if (at < 0) return undefined;
    if (head[at] === 0x2c) at++;
  }
  const orderIds = JSON.parse(head.toString('utf8', idsStart, at + 1)) as string[];
  at = expect(head, at + 1, ',"set":');
  if (at < 0) return undefined;
  return { counter, projectId, orderIds, stateAt: at };
}
