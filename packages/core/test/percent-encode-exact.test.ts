// The signer's percent-encoding, exactly (the official signer's urlEncode): unreserved characters
// kept, everything else as uppercase %XX of its UTF-8 bytes, including the five characters
// encodeURIComponent leaves alone, and values made only of characters to encode.
import { describe, expect, it } from 'vitest';
import { percentEncode } from '../dist/signer/percent-encode.js';

describe('percentEncode', () => {
  const cases: Array<[string, string]> = [
    ['', ''],
    ['a', 'a'],
    ['AZaz09-_.~', 'AZaz09-_.~'],
    ['hss.version.enterprise', 'hss.version.enterprise'],
    ['!', '%21'],
    ["!'()*", '%21%27%28%29%2A'],
    ['/', '%2F'],
    [' ', '%20'],
    ['a b', 'a%20b'],
    ['a*', 'a%2A'],
    ['*a', '%2Aa'],
    ['ä', '%C3%A4'],
    ['企业', '%E4%BC%81%E4%B8%9A'],
    ['🚀', '%F0%9F%9A%80'],
    ['%20', '%2520'],
  ];
  for (const [value, encoded] of cases)
    it(`${JSON.stringify(value)} -> ${encoded}`, () => expect(percentEncode(value)).toBe(encoded));
});
