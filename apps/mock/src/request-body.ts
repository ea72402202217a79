/** Reads a request body once, keeping the exact bytes (the AK/SK payload hash needs them). */
import type { IncomingMessage } from 'node:http';

export const MAX_BODY_BYTES = 12 * 1024 * 1024; // the gateway's AK/SK body limit

export type ParsedBody =
  | { readonly kind: 'none' }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'unparseable'; readonly reason: string };

export async function readRawBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw Object.assign(new Error('request entity too large'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

export function parseBody(raw: string, contentType: string | undefined): ParsedBody {
  if (raw === '') return { kind: 'none' };
  if (!JSON_MEDIA_TYPE.test(contentType ?? '')) return { kind: 'text', value: raw };
  try {
    return { kind: 'json', value: JSON.parse(raw) as unknown };
  } catch (error) {
    return { kind: 'unparseable', reason: (error as Error).message };
  }
}
