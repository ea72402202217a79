/**
 * Reads a request body once, keeping the exact bytes (the AK/SK payload hash covers them), and
 * judges it as a strict JSON parser does: the text must be UTF-8 (RFC 8259 §8.1) and no string
 * may hold a lone surrogate (I-JSON, RFC 7493 §2.1); apps/mock/README.md says why strict.
 */
import type { IncomingMessage } from 'node:http';

export const MAX_BODY_BYTES = 12 * 1024 * 1024; // the gateway's AK/SK body limit

export type ParsedBody =
  | { readonly kind: 'none' }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'unparseable'; readonly reason: string };

export class BodyTooLargeError extends Error {
  constructor() {
    super('request entity too large');
  }
}

export async function readRawBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The body as text when it is valid UTF-8, else undefined. */
export function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (text: string) => !LONE_SURROGATE.test(text);

/**
 * Where a parsed value holds a string (or key) with a lone surrogate, e.g. `$.tag_list[0].key`.
 * Walks with its own stack, not by recursion: the depth of a body is the client's to choose.
 */
export function loneSurrogateAt(root: unknown): string | undefined {
  const pending: Array<{ value: unknown; at: string }> = [{ value: root, at: '$' }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, at } = next;
    if (typeof value === 'string') {
      if (!wellFormed(value)) return at;
    } else if (Array.isArray(value)) {
      // Pushed last-first so the first offending item is the one reported.
      for (let index = value.length - 1; index >= 0; index--)
        pending.push({ value: value[index], at: `${at}[${index}]` });
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      for (const [key] of entries) if (!wellFormed(key)) return `${at} (a key)`;
      for (let index = entries.length - 1; index >= 0; index--) {
        const [key, item] = entries[index]!;
        pending.push({ value: item, at: `${at}.${key}` });
      }
    }
  }
  return undefined;
}

/**
 * No request of the APIs nests deeper than a handful of levels; a body nested deeper than this is
 * refused before anything (Prism, the validator, the simulation) walks it.
 */
export const MAX_JSON_DEPTH = 64;

/** Whether JSON text opens more than `limit` arrays/objects inside one another (strings skipped). */
export function deeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Strict JSON of a body already known to be UTF-8 text: the value, or why it is refused. */
export function parseStrictJson(
  text: string,
): { readonly value: unknown } | { readonly reason: string } {
  if (deeperThan(text, MAX_JSON_DEPTH))
    return { reason: `nested deeper than ${MAX_JSON_DEPTH} levels` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { reason: (error as Error).message };
  }
  const surrogate = loneSurrogateAt(value);
  if (surrogate !== undefined) return { reason: `lone surrogate in a string at ${surrogate}` };
  return { value };
}

/** A body that must be strict JSON (the control API's): the value, or why it is refused. */
export function strictJsonBody(
  bytes: Uint8Array,
): { readonly value: unknown } | { readonly reason: string } {
  const text = utf8Text(bytes);
  return text === undefined ? { reason: 'the body is not valid UTF-8' } : parseStrictJson(text);
}

export function parseBody(bytes: Uint8Array, contentType: string | undefined): ParsedBody {
  if (bytes.length === 0) return { kind: 'none' };
  const text = utf8Text(bytes);
  const isJson = JSON_MEDIA_TYPE.test(contentType ?? '');
  if (text === undefined) {
    return isJson
      ? { kind: 'unparseable', reason: 'the body is not valid UTF-8' }
      : { kind: 'text', value: Buffer.from(bytes).toString('utf8') };
  }
  if (!isJson) return { kind: 'text', value: text };
  const parsed = parseStrictJson(text);
  return 'reason' in parsed
    ? { kind: 'unparseable', reason: parsed.reason }
    : { kind: 'json', value: parsed.value };
}
