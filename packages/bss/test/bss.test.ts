// The BSS client against a real HTTP server on 127.0.0.1: a global service (endpoint per site, no
// project), AK/SK requests signed with X-Domain-Id as the official GlobalCredentials does (checked
// with Huawei's official signer), and PayOrders treated as the order it is: never resent.
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { officialSignatureFor } from '@hwsec/test-support/gateway-check';
import { json, startServer } from '@hwsec/test-support/http-server';
import {
  bssSites,
  createBssClient,
  HwsecApiError,
  HwsecConfigError,
  unwrap,
} from '../src/generated/index.js';

const AK = 'AKTESTEXAMPLE0000000';
const SK = 'SKtestexample0000000000000000000000000000';
const DOMAIN = 'd78cbac186b744899480f25bd022f468';
const spec = createRequire(import.meta.url)('@hwsec/spec/bss.json') as {
  servers: Array<{ url: string; 'x-hwsec-sites': string[] }>;
};

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const noWait = { maxAttempts: 3, random: () => 0, sleep: async () => undefined };
const pay = { order_id: 'CS2404171642AAAAA', use_coupon: 'NO', use_discount: 'NO' } as const;

describe('@hwsec/bss', () => {
  it('PayOrders with AK/SK: 204, X-Domain-Id signed, the official signer agrees', async () => {
    server = await startServer([(_req, res) => res.writeHead(204).end()]);
    const bss = createBssClient({
      baseUrl: server.baseUrl,
      domainId: DOMAIN,
      credentials: { accessKey: AK, secretKey: SK },
      env: {},
    });
    const result = await bss.payOrders({ body: pay });
    expect(result.error).toBeUndefined();
    expect(result.response.status).toBe(204);
    const [received] = server.received;
    expect(received).toMatchObject({ method: 'POST', url: '/v3/orders/customer-orders/pay' });
    expect(JSON.parse(received!.body)).toEqual(pay);
    expect(received!.headers['x-domain-id']).toBe(DOMAIN);
    expect(received!.headers['x-project-id']).toBeUndefined();
    expect(received!.headers['authorization']).toMatch(
      /SignedHeaders=content-type;host;x-domain-id;x-sdk-date,/,
    );
    expect(received!.headers['authorization']).toBe(
      officialSignatureFor(received!, server.baseUrl, AK, SK),
    );
  });

  it('the domain id defaults to HUAWEICLOUD_SDK_DOMAIN_ID; without one no X-Domain-Id is sent', async () => {
    const body = { total_count: 0, order_infos: [] };
    server = await startServer([json(200, body), json(200, body)]);
    const env = { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK };
    await createBssClient({
      baseUrl: server.baseUrl,
      env: { ...env, HUAWEICLOUD_SDK_DOMAIN_ID: DOMAIN },
    }).listCustomerOrders({ params: { query: { limit: 10 } } });
    await createBssClient({ baseUrl: server.baseUrl, env }).listCustomerOrders();
    const [withDomain, without] = server.received;
    expect(withDomain!.headers['x-domain-id']).toBe(DOMAIN);
    expect(withDomain!.url).toBe('/v2/orders/customer-orders?limit=10');
    expect(without!.headers['x-domain-id']).toBeUndefined();
    expect(without!.headers['authorization']).toBe(
      officialSignatureFor(without!, server.baseUrl, AK, SK),
    );
  });

  it('a 503 on PayOrders is not resent and says the payment may have been made; a GET is retried', async () => {
    server = await startServer([
      json(503, { error_code: 'CBC.0999', error_msg: 'busy' }, { 'X-Request-Id': 'r-503' }),
      json(200, {}),
    ]);
    const bss = createBssClient({
      baseUrl: server.baseUrl,
      credentials: { accessKey: AK, secretKey: SK },
      retry: noWait,
      env: {},
    });
    const paid = await bss.payOrders({ body: pay });
    expect(server.received).toHaveLength(1);
    expect(() => unwrap(paid)).toThrow(HwsecApiError);
    expect(() => unwrap(paid)).toThrow(
      expect.objectContaining({
        status: 503,
        errorCode: 'CBC.0999',
        operation: 'PayOrders',
        mayHaveBeenProcessed: true,
      }),
    );

    await server.close();
    server = await startServer([json(503, {}), json(200, { total_count: 0 })]);
    const reader = createBssClient({
      baseUrl: server.baseUrl,
      credentials: { accessKey: AK, secretKey: SK },
      retry: noWait,
      env: {},
    });
    const details = await reader.showCustomerOrderDetails({
      params: { path: { order_id: 'CS2404171642AAAAA' } },
    });
    expect(details.data).toEqual({ total_count: 0 });
    expect(server.received).toHaveLength(2);
  });

  it('the endpoint of each site comes from the spec; no region and no project are asked for', async () => {
    expect(bssSites).toEqual(
      Object.fromEntries(
        spec.servers.flatMap((s) => s['x-hwsec-sites'].map((site) => [site, s.url])),
      ),
    );
    const urls: string[] = [];
    const fetch = async (url: string) => {
      urls.push(url);
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    };
    for (const site of ['cn', 'intl', 'eu'] as const)
      await createBssClient({
        site,
        credentials: { token: 't' },
        fetch,
        env: {},
      }).listCustomerOrders();
    expect(urls).toEqual([
      'https://bss.myhuaweicloud.com/v2/orders/customer-orders',
      'https://bss-intl.myhuaweicloud.com/v2/orders/customer-orders',
      'https://bss.myhuaweicloud.eu/v2/orders/customer-orders',
    ]);
    expect(() =>
      createBssClient({ site: 'mars' as 'cn', credentials: { token: 't' }, env: {} }),
    ).toThrow(HwsecConfigError);
    expect(() =>
      createBssClient({ site: 'mars' as 'cn', credentials: { token: 't' }, env: {} }),
    ).toThrow(/sites of bss: cn \(https:\/\/bss\.myhuaweicloud\.com\)/);
    expect(() =>
      createBssClient({
        site: 'cn',
        domainId: '../x',
        credentials: { token: 't' },
        env: {},
      }),
    ).toThrow(/domainId/);
  });

  it('HWSEC_BSS_BASE_URL points the client elsewhere, as for every service', async () => {
    server = await startServer([json(200, { total_count: 0 })]);
    const { data } = await createBssClient({
      site: 'cn',
      credentials: { token: 't' },
      env: { HWSEC_BSS_BASE_URL: server.baseUrl },
    }).listCustomerOrders();
    expect(data).toEqual({ total_count: 0 });
    expect(server.received[0]!.headers['x-auth-token']).toBe('t');
    expect(server.received[0]!.headers['x-domain-id']).toBeUndefined();
  });
});
