// Verifies a received request the way the API gateway does: recompute the signature over the
// headers listed in SignedHeaders, here with the official SDK signer, and compare.
import { officialAuthorization } from './official-signer.js';
import type { Received } from './http-server.js';

export function officialSignatureFor(
  received: Received,
  origin: string,
  ak: string,
  sk: string,
): string {
  const authorization = String(received.headers['authorization']);
  const signedNames = /SignedHeaders=([^,]+)/.exec(authorization)![1]!.split(';');
  const headers: Record<string, string> = {};
  for (const name of signedNames) {
    if (name === 'host') continue;
    headers[name === 'x-sdk-date' ? 'X-Sdk-Date' : name] = String(received.headers[name]);
  }
  const [path, query = ''] = received.url.split('?') as [string, string?];
  const queryParams: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(query)) {
    const existing = queryParams[key];
    queryParams[key] =
      existing === undefined
        ? value
        : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return officialAuthorization(
    {
      method: received.method,
      origin,
      path,
      queryParams,
      headers,
      data: received.body ? JSON.parse(received.body) : undefined,
    },
    ak,
    sk,
  );
}
