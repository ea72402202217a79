// Percent-encoding of the official signer (AKSKSigner.urlEncode): only RFC 3986 unreserved
// characters A-Z a-z 0-9 - _ . ~ stay as they are; everything else becomes %XX (uppercase hex)
// of its UTF-8 bytes. encodeURIComponent differs only in leaving ! ' ( ) * alone.

// A narrower test only sends more values to encodeURIComponent, which keeps these characters.
// Stryker disable next-line Regex: equivalent when narrower
const UNRESERVED_ONLY = /^[\w.~-]*$/;
const ENCODE_LEFTOVERS = /[!'()*]/g;
const encodeLeftover = (char: string) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`;

export function percentEncode(value: string): string {
  // Most values (ids, enum codes) need no encoding: one anchored test, no allocation.
  // Stryker disable next-line ConditionalExpression: a fast path, same text either way
  return UNRESERVED_ONLY.test(value)
    ? value
    : encodeURIComponent(value).replace(ENCODE_LEFTOVERS, encodeLeftover);
}
