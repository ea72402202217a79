// The two digests under the signer, in both builds: the Web Crypto one (browsers, edge workers)
// and the node:crypto one (Node, Deno, Bun), each against node:crypto's own answer on fixed
// inputs: empty, non-ASCII (UTF-8, not UTF-16 or Latin-1), and longer than a hash block.
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signerCrypto as nodeCrypto } from '../dist/crypto/node.js';
import { signerCrypto as webCrypto } from '../dist/crypto/web.js';

const inputs = ['', 'abc', 'ünïcode 中文 🔑', 'x'.repeat(1000) + '\u00e9'];
// (Web Crypto refuses an empty HMAC key; credentials are checked non-empty before any signer.)
const keys = ['SK-secret', '密钥-ü', 'k'.repeat(100)];

describe.each([
  ['Web Crypto', webCrypto],
  ['node:crypto', nodeCrypto],
] as const)('the %s digests', (_name, signerCrypto) => {
  it('sha256Hex is the lowercase hex SHA-256 of the UTF-8 bytes', async () => {
    for (const data of inputs)
      expect(await signerCrypto.sha256Hex(data)).toBe(
        createHash('sha256').update(data, 'utf8').digest('hex'),
      );
    // A fixed vector, so the check does not rest on node:crypto alone.
    expect(await signerCrypto.sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('createHmacSha256Hex gives the lowercase hex HMAC-SHA256 under the UTF-8 key, for every use of the key', async () => {
    for (const key of keys) {
      const hmac = signerCrypto.createHmacSha256Hex(key);
      for (const data of inputs)
        expect(await hmac(data)).toBe(
          createHmac('sha256', Buffer.from(key, 'utf8')).update(data).digest('hex'),
        );
    }
    // RFC 4231 test case 2.
    expect(await signerCrypto.createHmacSha256Hex('Jefe')('what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
});
