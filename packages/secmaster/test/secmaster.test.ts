// The SecMaster client against a real HTTP server on 127.0.0.1: X-Language from the options,
// signed like the official SDK, never resent.
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { officialSignatureFor } from '@hwsec/test-support/gateway-check';
import { countingFetch, json, stall, startServer } from '@hwsec/test-support/http-server';
import {
  createSecMasterClient,
  secMasterServers,
  unwrap,
  HwsecTimeoutError,
  type UpdateOrderInfoReq,
} from '../src/generated/index.js';

const AK = 'AKTESTEXAMPLE0000000';
const SK = 'SKtestexample0000000000000000000000000000';
const PROJECT = '0123456789abcdef0123456789abcdef';
const spec = createRequire(import.meta.url)('@hwsec/spec/secmaster.json') as {
  servers: Array<{ url: string; variables: { region: { enum: string[] } } }>;
};
const body: UpdateOrderInfoReq = {
  scene: 'PREPAID',
  operate_type: 'UPGRADE',
  product_list: [
    {
      resource_id: 'e6d9047a-3478-4867-8c0d-7c4cfed1685b',
      resource_spec_code: 'secmaster.professional',
      resource_size: 3,
    },
  ],
  tag_list: [{ key: '团队', value: 'soc' }],
};

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('@hwsec/secmaster', () => {
  it('UpdateSubscriptionOrder with AK/SK: X-Language defaults to en-us and is signed', async () => {
    server = await startServer([json(200, { order_id: 'CS2510212051NLDL4', order_status: 1 })]);
    const sm = createSecMasterClient({
      baseUrl: server.baseUrl,
      projectId: PROJECT,
      credentials: { accessKey: AK, secretKey: SK },
    });
    expect(unwrap(await sm.updateSubscriptionOrder({ body }))).toEqual({
      order_id: 'CS2510212051NLDL4',
      order_status: 1,
    });
    const [received] = server.received;
    expect(received).toMatchObject({ method: 'PUT', url: `/v1/${PROJECT}/subscriptions/orders` });
    expect(received!.headers['x-language']).toBe('en-us');
    expect(received!.headers['authorization']).toMatch(
      /SignedHeaders=content-type;host;x-language;x-project-id;x-sdk-date,/,
    );
    expect(received!.headers['authorization']).toBe(
      officialSignatureFor(received!, server.baseUrl, AK, SK),
    );
  });

  it('the language option and a per-call header override the default', async () => {
    server = await startServer([json(200, {})]);
    const sm = createSecMasterClient({
      baseUrl: server.baseUrl,
      projectId: PROJECT,
      credentials: { token: 'IAM-TOKEN' },
      language: 'zh-cn',
    });
    await sm.updateSubscriptionOrder({ body });
    await sm.updateSubscriptionOrder({ body, params: { header: { 'X-Language': 'en-us' } } });
    expect(server.received.map((r) => r.headers['x-language'])).toEqual(['zh-cn', 'en-us']);
    expect(server.received[0]!.headers['x-auth-token']).toBe('IAM-TOKEN');
  });

  it('a timeout on UpdateSubscriptionOrder is not resent', async () => {
    server = await startServer([stall, json(200, {})]);
    const counter = countingFetch();
    const sm = createSecMasterClient({
      baseUrl: server.baseUrl,
      projectId: PROJECT,
      credentials: { accessKey: AK, secretKey: SK },
      timeoutMs: 100,
      retry: { maxAttempts: 3, sleep: async () => undefined },
      fetch: counter.fetch,
    });
    const error = await sm.updateSubscriptionOrder({ body }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HwsecTimeoutError);
    expect(error).toMatchObject({
      mayHaveBeenProcessed: true,
      operation: 'UpdateSubscriptionOrder',
    });
    expect(counter.calls).toBe(1);
    expect(server.received.length).toBeLessThanOrEqual(1);
  });

  it('the servers come from the spec', async () => {
    expect(secMasterServers.map((s) => ({ url: s.url, regions: [...s.regions] }))).toEqual(
      spec.servers.map((s) => ({ url: s.url, regions: s.variables.region.enum })),
    );
    const urls: string[] = [];
    const fetch = async (url: string) => {
      urls.push(url);
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    };
    await createSecMasterClient({
      region: 'eu-west-101',
      projectId: PROJECT,
      credentials: { token: 't' },
      fetch,
    }).updateSubscriptionOrder({ body });
    expect(urls).toEqual([
      `https://secmaster.eu-west-101.myhuaweicloud.com/v1/${PROJECT}/subscriptions/orders`,
    ]);
  });
});
