// What the Node side hands a runtime before its suites run: where the real mock and the support
// server listen, the credentials the mock accepts, and data computed in Node (signatures from
// Huawei's official signer, one valid call per operation from the spec's examples).
export type { ApiId } from '../src/generated/clients.ts';
import type { ApiId } from '../src/generated/clients.ts';

export interface SignatureVector {
  readonly name: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | undefined;
  readonly accessKey: string;
  readonly secretKey: string;
  /** The Authorization the official signer wrote for this request. */
  readonly authorization: string;
}

export interface OperationCall {
  readonly api: ApiId;
  readonly operationId: string;
  /** The HTTP method, lowercase as in the spec: `post` and `put` are writes (orders). */
  readonly httpMethod: string;
  /** The client method: operationId with a lowercase first letter. */
  readonly method: string;
  /** The documented success status (the first 2xx of the spec): 204 for BSS PayOrders. */
  readonly status: number;
  readonly init: {
    readonly body?: unknown;
    readonly params?: {
      readonly path?: Record<string, unknown>;
      readonly query?: Record<string, unknown>;
      readonly header?: Record<string, unknown>;
    };
  };
}

export interface PortableContext {
  /** Base URL per API of the real mock, started with signature verification on. */
  readonly mock: Readonly<Record<ApiId, string>>;
  /** The support server (scripted answers, receipt counts): see src/support-server.ts. */
  readonly support: string;
  readonly projectId: string;
  readonly accessKey: string;
  readonly secretKey: string;
  readonly token: string;
  readonly referenceVectors: readonly SignatureVector[];
  readonly officialVectors: readonly SignatureVector[];
  readonly calls: readonly OperationCall[];
  /** The fault server of core's fault suite (@hwsec/test-support/fault-server). */
  readonly faults: { readonly baseUrl: string; readonly seed: number; readonly orders: number };
  /** The purchase suite's mock and its account, as the mock began it. */
  readonly billing: BillingMock;
}

/**
 * A second real mock, stateful (orders, payments, quotas and instances per project; its control
 * API under `/_hwsec/` on every port) and checking signatures like the first.
 */
export interface BillingMock {
  readonly mock: Readonly<Record<ApiId, string>>;
  /** The account's id (BSS's `customer_id`, what a BSS client looks up through IAM). */
  readonly domainId: string;
  /**
   * The account's projects: one per region, named after it, each with no order yet, and each
   * with a user (an AK/SK the mock accepts) of its own: the clients cache what they look up per
   * access key, so a case that keeps to one project finds both ids through IAM itself.
   */
  readonly projects: readonly {
    readonly id: string;
    readonly name: string;
    readonly accessKey: string;
    readonly secretKey: string;
  }[];
}
