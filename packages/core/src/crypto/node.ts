// Node, Deno and Bun load this file through the `node` condition of the `#crypto` import:
// synchronous node:crypto is several times faster than Web Crypto's promise per digest.
import * as nodeCrypto from 'node:crypto';
import type { SignerCrypto } from './types.js';

// `crypto.hash` (Node >= 20.12) is a one-shot digest without a Hash object; older runtimes
// that still take the node condition fall back to createHash.
const oneShotHash = (
  nodeCrypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }
).hash;

export const signerCrypto: SignerCrypto = {
  sha256Hex:
    typeof oneShotHash === 'function'
      ? (data) => oneShotHash('sha256', data, 'hex')
      : (data) => nodeCrypto.createHash('sha256').update(data).digest('hex'),
  createHmacSha256Hex(secretKey) {
    const key = nodeCrypto.createSecretKey(Buffer.from(secretKey, 'utf8'));
    return (data) => nodeCrypto.createHmac('sha256', key).update(data).digest('hex');
  },
};
