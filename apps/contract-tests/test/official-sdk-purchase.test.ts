// Huawei's official Node SDK core completes a purchase against the stateful mock in signature
// mode, configured as a user would configure it: only AK/SK, a region and the IAM endpoint (the
// mock's). The core finds the project id (KeystoneListProjects by region name) and the domain id
// (KeystoneListAuthDomains) through the mock's IAM itself, then places an unpaid order through its
// generic request API, sees it in BSS, pays it with BSS PayOrders and polls it to completed.
import { createRequire } from 'node:module';
import { startMock, type RunningMock } from '@hwsec/mock';
import { apiIds } from '@hwsec/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleBody } from '../src/request-input.js';
import { TEST_AKSK } from './support/consumer.js';
// Imported for its side effect too: the core writes ~/.huaweicloud, kept out of the real home.
import './support/official-signer.js';

const require = createRequire(import.meta.url);
const core = '@huaweicloud/huaweicloud-sdk-core';
interface HttpRequestOptions {
  method: string;
  url: string;
  contentType: string;
  queryParams: Record<string, unknown>;
  pathParams: Record<string, unknown>;
  headers: Record<string, string>;
  data?: unknown;
}
interface OfficialClient {
  sendRequest<T>(options: HttpRequestOptions): Promise<T & { httpStatusCode: number }>;
}
interface Credentials {
  withAk(ak: string): this;
  withSk(sk: string): this;
  withIamEndpoint(url: string): this;
}
const { ClientBuilder } = require(`${core}/ClientBuilder`) as {
  ClientBuilder: new (init: (client: OfficialClient) => OfficialClient) => {
    withCredential(credential: unknown): {
      withRegion(region: unknown): { build(): OfficialClient };
    };
  };
};
const { BasicCredentials } = require(`${core}/auth/BasicCredentials`) as {
  BasicCredentials: new () => Credentials & { projectId?: string };
};
const { GlobalCredentials } = require(`${core}/auth/GlobalCredentials`) as {
  GlobalCredentials: new () => Credentials & { domainId?: string };
};
const { Region } = require(`${core}/region/region`) as {
  Region: new (id: string, endpoint: string) => unknown;
};

const REGION = 'cn-north-4';
/** Processing time on the mock's clock: the first read after paying sees 3 unless it is late. */
const PROCESSING_MS = 1000;

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({
    ports: Object.fromEntries(apiIds().map((id) => [id, 0])),
    stateful: true,
    verifySignatures: true,
    seed: 'official-sdk',
    orderProcessingMs: PROCESSING_MS,
  });
});
afterAll(() => mock.close());

/** An official client of a regional service: AK/SK, region and IAM endpoint, nothing else. */
function regional(service: 'hss' | 'dsc') {
  const credentials = new BasicCredentials()
    .withAk(TEST_AKSK.accessKey)
    .withSk(TEST_AKSK.secretKey)
    .withIamEndpoint(mock.urls['iam']!);
  const client = new ClientBuilder((c) => c)
    .withCredential(credentials)
    .withRegion(new Region(REGION, mock.urls[service]!))
    .build();
  return { client, credentials };
}

/** An official client of BSS, a global service (GlobalCredentials: X-Domain-Id, signed). */
function bss() {
  const credentials = new GlobalCredentials()
    .withAk(TEST_AKSK.accessKey)
    .withSk(TEST_AKSK.secretKey)
    .withIamEndpoint(mock.urls['iam']!);
  const client = new ClientBuilder((c) => c)
    .withCredential(credentials)
    .withRegion(new Region(REGION, mock.urls['bss']!))
    .build();
  return { client, credentials };
}

const request = (
  method: string,
  url: string,
  extra: Partial<HttpRequestOptions> = {},
): HttpRequestOptions => ({
  method,
  url,
  contentType: 'application/json',
  queryParams: {},
  pathParams: {},
  headers: {},
  ...extra,
});

interface Order {
  order_id: string;
  status: number;
  service_type_code: string;
}

async function statusOf(client: OfficialClient, orderId: string): Promise<number> {
  const details = await client.sendRequest<{ order_info: Order }>(
    request('GET', '/v2/orders/customer-orders/details/{order_id}', {
      pathParams: { order_id: orderId },
    }),
  );
  return details.order_info.status;
}

/**
 * Pays through BSS and polls the order until it completes (no control call moves it), returning
 * every status seen: processing (3), then completed (5). A read later than the processing time
 * would see 5 only, so the callers accept that too; the mock's own tests pin 3 with a held clock.
 */
async function payAndPoll(client: OfficialClient, orderId: string): Promise<number[]> {
  const paid = await client.sendRequest(
    request('POST', '/v3/orders/customer-orders/pay', {
      data: exampleBody('bss', 'PayOrders', { order_id: orderId }, 'noCouponNoDiscount'),
    }),
  );
  expect(paid.httpStatusCode).toBe(204);
  const seen: number[] = [];
  for (let status = 0; status !== 5;) {
    status = await statusOf(client, orderId);
    if (seen.at(-1) !== status) seen.push(status);
    if (status !== 3 && status !== 5) throw new Error(`unexpected status ${status}`);
  }
  return seen;
}

describe('the official SDK core buys through BSS against the stateful mock', () => {
  it('finds the project and the domain ids through the mock’s IAM', async () => {
    const { client, credentials } = regional('hss');
    await client.sendRequest(request('GET', '/v5/{project_id}/billing/quotas'));
    const { client: billing, credentials: global } = bss();
    await billing.sendRequest(request('GET', '/v2/orders/customer-orders'));
    const account = (await (await fetch(`${mock.urls['hss']}/_hwsec/account`)).json()) as {
      domain_id: string;
      projects: Array<{ id: string; name: string }>;
    };
    expect(credentials.projectId).toBe(account.projects.find((p) => p.name === REGION)!.id);
    expect(global.domainId).toBe(account.domain_id);
  });

  it('an unpaid HSS order: seen in BSS as 6, paid, processing then completed, quotas visible', async () => {
    const { client: hss } = regional('hss');
    const { client: billing } = bss();
    const placed = await hss.sendRequest<{ order_id: string }>(
      request('POST', '/v5/{project_id}/quotas/orders', {
        // The spec's unpaid monthly enterprise example, for the 2 quotas checked below.
        data: exampleBody('hss', 'CreateQuotasOrder', { subscription_num: 2 }),
      }),
    );
    const listed = await billing.sendRequest<{ total_count: number; order_infos: Order[] }>(
      request('GET', '/v2/orders/customer-orders', {
        queryParams: { order_id: placed.order_id, status: 6 },
      }),
    );
    expect(listed.total_count).toBe(1);
    expect(listed.order_infos[0]).toMatchObject({
      order_id: placed.order_id,
      status: 6,
      service_type_code: 'hws.service.type.hss',
    });
    const before = await hss.sendRequest<{ data_list: unknown[] }>(
      request('GET', '/v5/{project_id}/billing/quotas'),
    );
    expect(before.data_list).toEqual([]);

    expect([[3, 5], [5]]).toContainEqual(await payAndPoll(billing, placed.order_id));
    const after = await hss.sendRequest<{
      data_list: Array<{ version: string; available_num: number }>;
    }>(request('GET', '/v5/{project_id}/billing/quotas'));
    expect(after.data_list).toMatchObject([
      { version: 'hss.version.enterprise', available_num: 2 },
    ]);
  });

  it('a DSC yearly/monthly order: 6 until paid, then 3 and 5, its instance among the resources', async () => {
    const { client: dsc } = regional('dsc');
    const { client: billing } = bss();
    const placed = await dsc.sendRequest<{ order_id: string }>(
      request('POST', '/v1/{project_id}/period/order', {
        // The spec's reference order, in the region the client is configured for.
        data: exampleBody('dsc', 'CreateProductOrder', { region_id: REGION }),
      }),
    );
    expect(await statusOf(billing, placed.order_id)).toBe(6);
    expect([[3, 5], [5]]).toContainEqual(await payAndPoll(billing, placed.order_id));
    const resources = await billing.sendRequest<{
      total_count: number;
      data: Array<{ service_type_code: string; resource_spec_code: string }>;
    }>(
      request('POST', '/v2/orders/suscriptions/resources/query', {
        data: { order_id: placed.order_id },
      }),
    );
    expect(resources.total_count).toBe(1);
    expect(resources.data[0]).toMatchObject({
      service_type_code: 'hws.service.type.sdg',
      resource_spec_code: 'base_professional',
    });
  });
});
