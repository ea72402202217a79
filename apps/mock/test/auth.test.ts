import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMock } from '../src/index.js';
import { createAkSkSigner, formatSdkDate } from '@hwsec/core';
import {
  JSON_HEADERS,
  PROJECT_ID,
  TEST_KEY,
  json,
  signedFetch,
  startTinyMock,
  validQuotaOrder,
} from './helpers.js';

describe('authentication, signatures not verified', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startTinyMock();
  });
  afterAll(() => mock.close());
  const quotas = () => `${mock.urls.hss}/v5/${PROJECT_ID}/billing/quotas`;

  it('401 in the gateway’s shape without X-Auth-Token or AK/SK Authorization', async () => {
    const response = await fetch(quotas());
    expect(response.status).toBe(401);
    const body = await json(response);
    expect(body).toEqual({
      error_code: 'APIG.0301',
      error_msg: 'Incorrect IAM authentication information: x-auth-token not found',
      request_id: response.headers.get('x-request-id'),
    });
  });

  it('401 before the body is even looked at', async () => {
    const response = await fetch(`${mock.urls.dsc}/v1/${PROJECT_ID}/period/order`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(401);
  });

  it('an Authorization that is not SDK-HMAC-SHA256 is not accepted (Prism alone would accept it)', async () => {
    const response = await fetch(quotas(), { headers: { authorization: 'Bearer abc' } });
    expect(response.status).toBe(401);
    expect((await json(response))['error_msg']).toContain('SDK-HMAC-SHA256');
  });

  it('either scheme alone is enough; any AK/SK signature passes in this mode', async () => {
    expect((await fetch(quotas(), { headers: { 'x-auth-token': 'anything' } })).status).toBe(200);
    const wrongKey = await signedFetch(quotas(), { method: 'GET', secretKey: 'not-the-secret' });
    expect(wrongKey.status).toBe(200);
  });
});

describe('signature verification mode', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startTinyMock({ verifySignatures: true });
  });
  afterAll(() => mock.close());
  const orders = () => `${mock.urls.hss}/v5/${PROJECT_ID}/quotas/orders?enterprise_project_id=0`;

  it('accepts requests signed with the configured test credentials (POST with body, GET with query)', async () => {
    const post = await signedFetch(orders(), {
      method: 'POST',
      headers: { region: 'cn-north-4', 'X-Project-Id': PROJECT_ID },
      body: JSON.stringify({ ...validQuotaOrder, is_auto_renew: false }),
    });
    expect(post.status).toBe(200);
    expect(await json(post)).toEqual({ order_id: 'CS2601010000ABCDE' });
    const get = await signedFetch(
      `${mock.urls.hss}/v5/${PROJECT_ID}/billing/quotas?version=hss.version.basic&enterprise_project_id=all%20granted`,
      {
        method: 'GET',
      },
    );
    expect(get.status).toBe(200);
  });

  it('rejects a wrong signature: 401 "verify aksk signature fail"', async () => {
    const response = await signedFetch(orders(), {
      method: 'POST',
      body: JSON.stringify(validQuotaOrder),
      secretKey: 'SKwrong',
    });
    expect(response.status).toBe(401);
    expect(await json(response)).toMatchObject({
      error_code: 'APIG.0301',
      error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
    });
  });

  it('rejects a body changed after signing', async () => {
    const body = JSON.stringify(validQuotaOrder);
    const headers = { 'content-type': 'application/json', 'X-Sdk-Date': formatSdkDate(new Date()) };
    const authorization = await createAkSkSigner(TEST_KEY).sign({
      method: 'POST',
      url: orders(),
      headers,
      body,
    });
    const tampered = await fetch(orders(), {
      method: 'POST',
      headers: { ...headers, authorization },
      body: body.replace('"period_num":1', '"period_num":9'),
    });
    expect(tampered.status).toBe(401);
  });

  it('rejects an X-Sdk-Date more than 15 minutes off, in either direction', async () => {
    for (const offsetMs of [-16 * 60_000, 16 * 60_000]) {
      const response = await signedFetch(orders(), {
        method: 'POST',
        body: JSON.stringify(validQuotaOrder),
        date: new Date(Date.now() + offsetMs),
      });
      expect(response.status).toBe(401);
      expect(String((await json(response))['error_msg'])).toMatch(
        /^Incorrect IAM authentication information: signature expired, signature time:\d{8}T\d{6}Z,server time:\d{8}T\d{6}Z$/,
      );
    }
    const withinWindow = await signedFetch(orders(), {
      method: 'POST',
      body: JSON.stringify(validQuotaOrder),
      date: new Date(Date.now() - 14 * 60_000),
    });
    expect(withinWindow.status).toBe(200);
  });

  it('rejects an unknown AK without echoing it', async () => {
    const response = await fetch(orders(), {
      method: 'POST',
      headers: {
        ...JSON_HEADERS,
        'x-sdk-date': formatSdkDate(new Date()),
        authorization:
          'SDK-HMAC-SHA256 Access=AKUNKNOWN, SignedHeaders=host;x-sdk-date, Signature=00ff',
      },
      body: JSON.stringify(validQuotaOrder),
    });
    expect(response.status).toBe(401);
    expect(String((await json(response))['error_msg'])).not.toContain('AKUNKNOWN');
  });

  it('still accepts IAM tokens, which cannot be checked offline', async () => {
    const response = await fetch(orders(), {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify(validQuotaOrder),
    });
    expect(response.status).toBe(200);
  });
});

describe('signature verification against the reference signing test vector 1', () => {
  it('accepts the reference Authorization for the reference host and date', async () => {
    const mock = await startTinyMock({
      verifySignatures: true,
      now: () => new Date('2026-01-01T00:10:00Z'),
    });
    try {
      const port = new URL(mock.urls.hss!).port;
      const send = (signature: string) =>
        new Promise<number>((resolve, reject) => {
          const req = httpRequest(
            {
              host: '127.0.0.1',
              port,
              method: 'GET',
              path: `/v5/${PROJECT_ID}/billing/quotas?version=hss.version.basic&enterprise_project_id=all_granted_eps`,
              headers: {
                host: 'hss.cn-north-4.myhuaweicloud.com',
                'X-Project-Id': PROJECT_ID,
                'content-type': 'application/json',
                'X-Sdk-Date': '20260101T000000Z',
                Authorization: `SDK-HMAC-SHA256 Access=AKTESTEXAMPLE0000000, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=${signature}`,
              },
            },
            (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            },
          );
          req.on('error', reject);
          req.end();
        });
      expect(await send('3e3671047bca8d5f2dbdff2db0d1dd09ce4af392588fd36abe362e05a356959c')).toBe(
        200,
      );
      expect(await send('3e3671047bca8d5f2dbdff2db0d1dd09ce4af392588fd36abe362e05a356959d')).toBe(
        401,
      );
    } finally {
      await mock.close();
    }
  });
});

describe('signature verification of the global services (BSS, IAM)', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startTinyMock({ verifySignatures: true });
  });
  afterAll(() => mock.close());
  const DOMAIN_ID = 'd78cbac186b744899480f25bd022f468';
  const pay = JSON.stringify({
    order_id: 'CS2404171642AAAAA',
    use_coupon: 'NO',
    use_discount: 'NO',
  });
  const payUrl = () => `${mock.urls['bss']}/v3/orders/customer-orders/pay`;
  const projectsUrl = () => `${mock.urls['iam']}/v3/projects?name=cn-north-4`;

  it('accepts X-Domain-Id inside the signature, as the official GlobalCredentials sends it', async () => {
    const paid = await signedFetch(payUrl(), {
      method: 'POST',
      headers: { 'X-Domain-Id': DOMAIN_ID },
      body: pay,
    });
    expect(paid.status).toBe(204);
    const projects = await signedFetch(projectsUrl(), {
      method: 'GET',
      headers: { 'X-Domain-Id': DOMAIN_ID },
    });
    expect(projects.status).toBe(200);
  });

  it('accepts X-Domain-Id added after signing, or none (as Terraform sends BSS requests)', async () => {
    const unsignedDomain = await fetch(payUrl(), {
      method: 'POST',
      headers: await signedHeaders('POST', payUrl(), pay, { 'X-Domain-Id': DOMAIN_ID }),
      body: pay,
    });
    expect(unsignedDomain.status).toBe(204);
    expect((await signedFetch(payUrl(), { method: 'POST', body: pay })).status).toBe(204);
  });

  it('refuses a wrong signature on BSS and IAM like on every service', async () => {
    for (const url of [payUrl(), projectsUrl()]) {
      const post = url === payUrl();
      const response = await signedFetch(url, {
        method: post ? 'POST' : 'GET',
        body: post ? pay : undefined,
        secretKey: 'not-the-secret',
      });
      expect(response.status).toBe(401);
      expect((await json(response))['error_code']).toBe('APIG.0301');
    }
  });
});

/** AK/SK headers for a request, plus `after`: headers set once signed (not among SignedHeaders). */
async function signedHeaders(
  method: string,
  url: string,
  body: string,
  after: Record<string, string>,
): Promise<Record<string, string>> {
  const headers = { 'content-type': 'application/json', 'X-Sdk-Date': formatSdkDate(new Date()) };
  const authorization = await createAkSkSigner(TEST_KEY).sign({ method, url, headers, body });
  return { ...headers, Authorization: authorization, ...after };
}
