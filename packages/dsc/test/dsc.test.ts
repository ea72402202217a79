// The DSC client against a real HTTP server on 127.0.0.1: signed like the official SDK, with a
// token, and never resent.
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { officialSignatureFor } from '@hwsec/test-support/gateway-check';
import { hangUp, json, startServer } from '@hwsec/test-support/http-server';
import {
  createDscClient,
  dscServers,
  unwrap,
  HwsecApiError,
  HwsecNetworkError,
  type PeriodOrderRequest,
} from '../src/generated/index.js';

const AK = 'AKTESTEXAMPLE0000000';
const SK = 'SKtestexample0000000000000000000000000000';
const PROJECT = '0123456789abcdef0123456789abcdef';
const spec = createRequire(import.meta.url)('@hwsec/spec/dsc.json') as {
  servers: Array<{ url: string; variables: { region: { enum: string[] } } }>;
};
const body: PeriodOrderRequest = {
  region_id: 'cn-north-4',
  zone: 'CH',
  cloud_service_type: 'hws.service.type.sdg',
  charging_mode: 0,
  period_type: 2,
  period_num: 1,
  is_auto_renew: 0,
  product_infos: [
    {
      cloud_service_type: 'hws.service.type.sdg',
      product_id: '00301-30007-0--0',
      resource_type: 'hws.resource.type.dsc.base',
      resource_spec_code: 'base_professional',
      resource_size: 30,
      resource_size_measure_id: 30,
    },
  ],
};
const noWait = { maxAttempts: 3, random: () => 0, sleep: async () => undefined };

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('@hwsec/dsc', () => {
  it('CreateProductOrder with AK/SK: the official signer verifies the request', async () => {
    server = await startServer([json(200, { order_id: 'CS2601131200ABCDE' })]);
    const dsc = createDscClient({
      baseUrl: server.baseUrl,
      projectId: PROJECT,
      credentials: { accessKey: AK, secretKey: SK },
    });
    expect(unwrap(await dsc.createProductOrder({ body }))).toEqual({
      order_id: 'CS2601131200ABCDE',
    });
    const [received] = server.received;
    expect(received).toMatchObject({ method: 'POST', url: `/v1/${PROJECT}/period/order` });
    expect(JSON.parse(received!.body)).toEqual(body);
    expect(received!.headers['authorization']).toBe(
      officialSignatureFor(received!, server.baseUrl, AK, SK),
    );
  });

  it('CreateProductOrder with a token', async () => {
    server = await startServer([json(200, { order_id: 'x' })]);
    const dsc = createDscClient({
      baseUrl: server.baseUrl,
      projectId: PROJECT,
      credentials: { token: 'IAM-TOKEN' },
    });
    expect((await dsc.createProductOrder({ body })).data).toEqual({ order_id: 'x' });
    expect(server.received[0]!.headers['x-auth-token']).toBe('IAM-TOKEN');
  });

  it('a 400 gives the typed error body and HwsecApiError; a 503 or a network error is never resent', async () => {
    server = await startServer([
      json(
        400,
        { error_code: 'dsc.40000011', error_msg: 'Invalid parameter' },
        { 'X-Request-Id': 'r-400' },
      ),
    ]);
    const dsc = createDscClient({
      baseUrl: server.baseUrl,
      projectId: PROJECT,
      credentials: { accessKey: AK, secretKey: SK },
      retry: noWait,
    });
    const bad = await dsc.createProductOrder({ body });
    expect(bad.error).toEqual({ error_code: 'dsc.40000011', error_msg: 'Invalid parameter' });
    expect(() => unwrap(bad)).toThrow(
      expect.objectContaining({
        status: 400,
        errorCode: 'dsc.40000011',
        requestId: 'r-400',
        operation: 'CreateProductOrder',
      }),
    );
    expect(() => unwrap(bad)).toThrow(HwsecApiError);

    await server.close();
    server = await startServer([json(503, {}), json(200, { order_id: 'duplicate' })]);
    const busy = createDscClient({
      baseUrl: server.baseUrl,
      projectId: PROJECT,
      credentials: { accessKey: AK, secretKey: SK },
      retry: noWait,
    });
    expect((await busy.createProductOrder({ body })).response.status).toBe(503);
    expect(server.received).toHaveLength(1);

    await server.close();
    server = await startServer([hangUp, json(200, { order_id: 'duplicate' })]);
    const flaky = createDscClient({
      baseUrl: server.baseUrl,
      projectId: PROJECT,
      credentials: { accessKey: AK, secretKey: SK },
      retry: noWait,
    });
    await expect(flaky.createProductOrder({ body })).rejects.toBeInstanceOf(HwsecNetworkError);
    expect(server.received).toHaveLength(1);
  });

  it('the servers come from the spec', async () => {
    expect(dscServers.map((s) => ({ url: s.url, regions: [...s.regions] }))).toEqual(
      spec.servers.map((s) => ({ url: s.url, regions: s.variables.region.enum })),
    );
    const urls: string[] = [];
    const fetch = async (url: string) => {
      urls.push(url);
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    };
    await createDscClient({
      region: 'ap-southeast-1',
      projectId: PROJECT,
      credentials: { token: 't' },
      fetch,
    }).createProductOrder({ body });
    expect(urls).toEqual([
      `https://sdg.ap-southeast-1.myhuaweicloud.com/v1/${PROJECT}/period/order`,
    ]);
  });
});
