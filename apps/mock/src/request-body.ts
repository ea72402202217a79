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

/** Where a parsed value holds a string (or key) with a lone surrogate, e.g. `$.tag_list[0].key`. */
function loneSurrogateAt(value: unknown, at = '$'): string | undefined {
  if (typeof value === 'string') return wellFormed(value) ? undefined : at;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = loneSurrogateAt(item, `${at}[${index}]`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!wellFormed(key)) return `${at} (a key)`;
      const found = loneSurrogateAt(item, `${at}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
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
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: 'unparseable', reason: (error as Error).message };
  }
  const surrogate = loneSurrogateAt(value);
  if (surrogate !== undefined)
    return { kind: 'unparseable', reason: `lone surrogate in a string at ${surrogate}` };
  return { kind: 'json', value };
}
