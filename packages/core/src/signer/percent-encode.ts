// Percent-encoding of the official signer (AKSKSigner.urlEncode): only RFC 3986 unreserved
// characters A-Z a-z 0-9 - _ . ~ stay as they are; everything else becomes %XX (uppercase hex)
// of its UTF-8 bytes. encodeURIComponent differs only in leaving ! ' ( ) * alone.

const UNRESERVED = new Uint8Array(128);
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~') {
  UNRESERVED[char.charCodeAt(0)] = 1;
}

const ENCODE_LEFTOVERS = /[!'()*]/g;
const encodeLeftover = (char: string) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`;

export function isUnreserved(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 128 || UNRESERVED[code] === 0) return false;
  }
  return true;
}

export function percentEncode(value: string): string {
  // Most values (ids, enum codes) need no encoding: one table scan and no allocation.
  if (isUnreserved(value)) return value;
  return encodeURIComponent(value).replace(ENCODE_LEFTOVERS, encodeLeftover);
}
