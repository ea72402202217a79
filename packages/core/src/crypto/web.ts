// Browsers, edge workers and anything without the `node` condition load this file: only the
// Web Crypto API, nothing Node-only, so bundles for the web stay small and portable.
import type { SignerCrypto } from './types.js';

const encoder = new TextEncoder();
const toHex = (buffer: ArrayBuffer): string =>
  Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');

export const signerCrypto: SignerCrypto = {
  async sha256Hex(data) {
    return toHex(await crypto.subtle.digest('SHA-256', encoder.encode(data)));
  },
  createHmacSha256Hex(secretKey) {
    // The key is imported once per signer; the first signature waits for it.
    const key = crypto.subtle.importKey(
      'raw',
      encoder.encode(secretKey),
      { name: 'HMAC', hash: 'SHA-256' },
      // The key never leaves this closure: `false` (not extractable) is defence in depth.
      // Stryker disable next-line BooleanLiteral: unobservable
      false,
      ['sign'],
    );
    return async (data) => toHex(await crypto.subtle.sign('HMAC', await key, encoder.encode(data)));
  },
};
