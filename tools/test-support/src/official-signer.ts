// Huawei's official core signer, used only as a test oracle (devDependency of the tests).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as {
  AKSKSigner: { sign(request: unknown, credential: unknown): Record<string, string> };
};
const { BasicCredentials } = require('@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials') as {
  BasicCredentials: new () => { withAk(ak: string): any };
};

export interface OfficialRequest {
  method: string;
  /** scheme://host[:port] */
  origin: string;
  /** The path exactly as sent (already percent-encoded). */
  path: string;
  queryParams?: Record<string, unknown>;
  headers: Record<string, string>;
  /** The parsed JSON body: the official signer hashes JSON.stringify(data). */
  data?: unknown;
}

export function officialAuthorization(request: OfficialRequest, ak: string, sk: string): string {
  const credential = new BasicCredentials().withAk(ak).withSk(sk);
  const signed = AKSKSigner.sign(
    {
      method: request.method,
      endpoint: `${request.origin}${request.path}`,
      headers: { ...request.headers },
      queryParams: request.queryParams,
      data: request.data,
    },
    credential,
  );
  return signed['Authorization']!;
}
