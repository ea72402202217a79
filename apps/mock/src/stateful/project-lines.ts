/**
 * A project as JSON lines (`application/x-ndjson`), for the control API to export and import a
 * project of any size the state allows, never as one body: the first line is the project with
 * every list empty, each further line `{"path":["hss","quotas"],"items":[…]}` adds items to a list
 * (at most ITEMS_PER_LINE per line on export). Any list of the state is written and read the same
 * way, so a collection added to the state later needs no change here.
 */
import { MAX_BODY_BYTES, parseStrictJson, utf8Text } from '../request-body.js';

export const NDJSON = 'application/x-ndjson';
export const ITEMS_PER_LINE = 1000;

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The project's lines, each ending with a newline. */
export function* projectLines(project: object): Generator<string> {
  const lists: Array<{ path: string[]; items: unknown[] }> = [];
  const strip = (node: Record<string, unknown>, path: string[]): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(node).map(([key, value]) => {
        if (Array.isArray(value)) {
          lists.push({ path: [...path, key], items: value });
          return [key, []];
        }
        return [key, isObject(value) ? strip(value, [...path, key]) : value];
      }),
    );
  yield `${JSON.stringify(strip(project as Record<string, unknown>, []))}\n`;
  for (const { path, items } of lists)
    for (let i = 0; i < items.length; i += ITEMS_PER_LINE)
      yield `${JSON.stringify({ path, items: items.slice(i, i + ITEMS_PER_LINE) })}\n`;
}

/** The limit of a list, from the state's schema (undefined: not a list of the state). */
export type ListLimit = (path: readonly string[]) => number | undefined;

/**
 * Reads a project from its lines as they arrive. Each line is judged as strictly as a body
 * (UTF-8, no lone surrogate, depth) and may be at most MAX_BODY_BYTES; a list is refused as soon
 * as it would pass its limit, so memory stays within what the state allows.
 */
export async function readProjectLines(
  stream: AsyncIterable<Buffer>,
  limitOf: ListLimit,
): Promise<{ value: unknown } | { problem: string }> {
  let project: Record<string, unknown> | undefined;
  let number = 0;
  const take = (bytes: Buffer): string | undefined => {
    number++;
    if (bytes.length === 0) return undefined;
    const text = utf8Text(bytes);
    if (text === undefined) return `line ${number}: the body is not valid UTF-8`;
    const parsed = parseStrictJson(text);
    if ('reason' in parsed) return `line ${number} (json): ${parsed.reason}`;
    const { value } = parsed;
    if (project === undefined) {
      if (!isObject(value)) return `line ${number}: the first line is the project, an object`;
      project = value;
      return undefined;
    }
    if (!isObject(value) || !Array.isArray(value['path']) || !Array.isArray(value['items']))
      return `line ${number}: a line after the first is {"path":[…],"items":[…]}`;
    const path = value['path'] as unknown[];
    const limit = path.every((key) => typeof key === 'string')
      ? limitOf(path as string[])
      : undefined;
    if (limit === undefined) return `line ${number}: /${path.join('/')} is not a list of the state`;
    let parent: Record<string, unknown> = project;
    for (const key of path.slice(0, -1) as string[]) {
      parent[key] ??= {};
      if (!isObject(parent[key]))
        return `line ${number}: /${path.join('/')} is not a list of the state`;
      parent = parent[key] as Record<string, unknown>;
    }
    const last = path.at(-1) as string;
    parent[last] ??= [];
    const list = parent[last];
    if (!Array.isArray(list))
      return `line ${number}: /${path.join('/')} is not a list of the state`;
    const items = value['items'] as unknown[];
    if (list.length + items.length > limit)
      return `/${path.join('/')} (maxItems): must NOT have more than ${limit} items`;
    for (const item of items) list.push(item);
    return undefined;
  };

  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of stream) {
    let start = 0;
    for (let end = chunk.indexOf(10); end >= 0; end = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, end);
      if (pendingBytes + piece.length > MAX_BODY_BYTES)
        return { problem: `line ${number + 1}: longer than ${MAX_BODY_BYTES} bytes` };
      const problem = take(pending.length > 0 ? Buffer.concat([...pending, piece]) : piece);
      if (problem !== undefined) return { problem };
      pending = [];
      pendingBytes = 0;
      start = end + 1;
    }
    const rest = chunk.subarray(start);
    pendingBytes += rest.length;
    if (pendingBytes > MAX_BODY_BYTES)
      return { problem: `line ${number + 1}: longer than ${MAX_BODY_BYTES} bytes` };
    if (rest.length > 0) pending.push(Buffer.from(rest));
  }
  if (pendingBytes > 0) {
    const problem = take(Buffer.concat(pending));
    if (problem !== undefined) return { problem };
  }
  if (project === undefined) return { problem: 'the body holds no project' };
  return { value: project };
}
