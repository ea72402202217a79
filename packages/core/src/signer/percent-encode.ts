// Percent-encoding of the official signer (AKSKSigner.urlEncode): only RFC 3986 unreserved
// characters A-Z a-z 0-9 - _ . ~ stay as they are; everything else becomes %XX (uppercase hex)
// of its UTF-8 bytes. encodeURIComponent differs only in leaving ! ' ( ) * alone.

// Stryker disable next-line Regex: a test that matches fewer values (e.g. `[\w.~-]` without its `*`) only sends more of them to encodeURIComponent, which keeps unreserved characters, so the output is the same; one that matches more is caught by test/percent-encode-exact.test.ts
const UNRESERVED_ONLY = /^[\w.~-]*$/;
const ENCODE_LEFTOVERS = /[!'()*]/g;
const encodeLeftover = (char: string) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`;

export function percentEncode(value: string): string {
  // Most values (ids, enum codes) need no encoding: one anchored test, no allocation.
  // Stryker disable next-line ConditionalExpression: always encoding gives the same text (encodeURIComponent keeps unreserved characters); the fast path only saves the work
  return UNRESERVED_ONLY.test(value)
    ? value
    : encodeURIComponent(value).replace(ENCODE_LEFTOVERS, encodeLeftover);
}
