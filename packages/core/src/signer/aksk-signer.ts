// AK/SK request signing, "SDK-HMAC-SHA256". The output is byte-for-byte the
// `Authorization` of Huawei's official core signer (@huaweicloud/huaweicloud-sdk-core
// auth/AKSKSigner) for the same request; the tests compare both over generated requests.
import { signerCrypto } from '#crypto';
import type { MaybePromise } from '../crypto/types.js';
import { canonicalQueryString, canonicalUri } from './canonical-request.js';
import { formatSdkDate } from './sdk-date.js';
import { splitUrl } from './split-url.js';

export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface SignableRequest {
  method: string;
  /** Absolute URL, already normalized (as `new URL(x).href` writes it). */
  url: string;
  /**
   * Every header that will be sent and signed (User-Agent is usually left out, as the official
   * SDK adds it after signing). Names in any case. When `X-Sdk-Date` is missing, the signer adds
   * it to this object with the current time, as the official signer does.
   */
  headers: Record<string, string>;
  /** The exact body bytes that will be sent (for JSON, the compact JSON.stringify text). */
  body?: string | null | undefined;
}

export interface AkSkSigner {
  /** The `Authorization` header value: a string on Node, a Promise with Web Crypto. */
  sign(request: SignableRequest): MaybePromise<string>;
}

export interface AkSkKeyPair {
  accessKey: string;
  secretKey: string;
}

const chain = <T, R>(
  value: MaybePromise<T>,
  next: (resolved: T) => MaybePromise<R>,
): MaybePromise<R> => (value instanceof Promise ? value.then(next) : next(value));

/**
 * Headers are ordered by their lowercased names in UTF-16 code-unit order, for both
 * SignedHeaders and the canonical headers. The official signer orders SignedHeaders that way
 * but its canonical headers with `localeCompare`; the two orders only differ for names holding
 * punctuation such as `_` (e.g. `x_a` against `x-b`), where the official SDK signs a request
 * that contradicts its own SignedHeaders list. We keep one consistent order there (documented
 * in the README; no header of these APIs has such a name).
 */
export function createAkSkSigner({ accessKey, secretKey }: AkSkKeyPair): AkSkSigner {
  const hmacHex = signerCrypto.createHmacSha256Hex(secretKey);
  const authorizationPrefix = `${SIGNING_ALGORITHM} Access=${accessKey}, SignedHeaders=`;

  return {
    sign(request) {
      const { host: urlHost, path, query } = splitUrl(request.url);
      const headers = request.headers;
      const lowered: Record<string, string> = {};
      let sdkDate: string | undefined;
      let contentSha256: string | undefined;
      let hostHeader: string | undefined;
      for (const name in headers) {
        const value = headers[name]!;
        const lower = name.toLowerCase();
        if (lower === 'x-sdk-date') sdkDate = value;
        else if (lower === 'x-sdk-content-sha256') contentSha256 = value;
        else if (lower === 'host') {
          hostHeader = value;
          continue;
        } else if (name === 'content-type' && value.includes('multipart/form-data')) continue;
        lowered[lower] = value;
      }
      if (sdkDate === undefined) {
        sdkDate = formatSdkDate(new Date());
        headers['X-Sdk-Date'] = sdkDate;
        lowered['x-sdk-date'] = sdkDate;
      }
      lowered['host'] = hostHeader ?? urlHost;

      const names = Object.keys(lowered).sort();
      let canonicalHeaders = '';
      for (const name of names) canonicalHeaders += `${name}:${lowered[name]}\n`;
      const signedHeaders = names.join(';');
      const head =
        `${request.method}\n${canonicalUri(path)}\n${canonicalQueryString(query)}\n` +
        `${canonicalHeaders}\n${signedHeaders}\n`;
      const payloadHash =
        contentSha256 ?? (request.body ? signerCrypto.sha256Hex(request.body) : EMPTY_BODY_SHA256);

      return chain(payloadHash, (hash) =>
        chain(signerCrypto.sha256Hex(head + hash), (requestHash) =>
          chain(
            hmacHex(`${SIGNING_ALGORITHM}\n${sdkDate}\n${requestHash}`),
            (signature) => `${authorizationPrefix}${signedHeaders}, Signature=${signature}`,
          ),
        ),
      );
    },
  };
}
