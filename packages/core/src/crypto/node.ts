// Node, Deno and Bun load this file through the `node` condition of the `#crypto` import:
// synchronous node:crypto is several times faster than Web Crypto's promise per digest.
import * as nodeCrypto from 'node:crypto';
import type { SignerCrypto } from './types.js';

// `crypto.hash` is a one-shot digest without a Hash object. Every runtime that takes the node
// condition has it: Node >= 20.12 (core needs >= 20.19), and the pinned Deno 2.9 and Bun 1.4.
export const signerCrypto: SignerCrypto = {
  sha256Hex: (data) => nodeCrypto.hash('sha256', data, 'hex'),
  createHmacSha256Hex(secretKey) {
    const key = nodeCrypto.createSecretKey(Buffer.from(secretKey, 'utf8'));
    return (data) => nodeCrypto.createHmac('sha256', key).update(data).digest('hex');
  },
};
