// Huawei's official Node SDK core as a second, independent signer: requests it signs must pass
// the mock's signature check too, so a bug shared by our signer and the mock's verifier (which
// uses our signer) cannot pass unnoticed. It is only a test oracle (a devDependency).
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The SDK writes ~/.huaweicloud when clients are built: keep it out of the real home.
process.env['HOME'] = mkdtempSync(join(tmpdir(), 'hwsec-official-sdk-home-'));

const require = createRequire(import.meta.url);
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as {
  AKSKSigner: { sign(request: unknown, credential: unknown): Record<string, string> };
};
const { BasicCredentials } = require('@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials') as {
  BasicCredentials: new () => { withAk(ak: string): { withSk(sk: string): unknown } };
};

export interface OfficialSignable {
  method: string;
  /** scheme://host[:port] plus the path as sent (already percent-encoded), without the query. */
  endpoint: string;
  queryParams: Record<string, string>;
  /** Every header that is sent, X-Sdk-Date included (which makes the signature repeatable). */
  headers: Record<string, string>;
  /** The parsed JSON body: the official signer hashes JSON.stringify(data). */
  data: unknown;
}

/** The headers the official signer adds (`Authorization`, and `X-Sdk-Date` as given). */
export function officialSign(
  request: OfficialSignable,
  key: { accessKey: string; secretKey: string },
): Record<string, string> {
  const credential = new BasicCredentials().withAk(key.accessKey).withSk(key.secretKey);
  return AKSKSigner.sign({ ...request, headers: { ...request.headers } }, credential);
}
