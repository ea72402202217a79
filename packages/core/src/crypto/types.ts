/**
 * The two digests the signer needs. A result is a plain string where the platform hashes
 * synchronously (node:crypto) and a Promise where it can only hash asynchronously (Web Crypto),
 * so the Node hot path never pays for a promise it does not need.
 */
export type MaybePromise<T> = T | Promise<T>;

export interface SignerCrypto {
  /** Lowercase hex SHA-256 of a UTF-8 string. */
  sha256Hex(data: string): MaybePromise<string>;
  /** Prepares the HMAC-SHA256 key once; the returned function gives lowercase hex MACs. */
  createHmacSha256Hex(secretKey: string): (data: string) => MaybePromise<string>;
}
