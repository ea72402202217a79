// The signer on the URL and header shapes the generated clients rarely build but a raw call may:
// a query parameter without `=`, a URL without a path, a `Host` header that differs from the
// URL's host (a gateway in front). Each is checked against Huawei's official signer.
import { describe, expect, it } from 'vitest';
import { createAkSkSigner } from '../dist/index.js';
import { officialAuthorization } from '@hwsec/test-support/official-signer';
import { AK, SDK_DATE, SK } from '@hwsec/test-support/vectors';

const signer = createAkSkSigner({ accessKey: AK, secretKey: SK });
const ORIGIN = 'https://hss.cn-north-4.myhuaweicloud.com';
const headers = () => ({ 'content-type': 'application/json', 'X-Sdk-Date': SDK_DATE });

describe('AK/SK signer: URL and header edges, checked against the official signer', () => {
  it('a query parameter without "=" is signed with an empty value', async () => {
    const ours = await signer.sign({
      method: 'GET',
      url: `${ORIGIN}/v5/p/billing/quotas?flag&limit=10`,
      headers: headers(),
    });
    const official = officialAuthorization(
      {
        method: 'GET',
        origin: ORIGIN,
        path: '/v5/p/billing/quotas',
        headers: headers(),
        queryParams: { flag: '', limit: '10' },
      },
      AK,
      SK,
    );
    expect(ours).toBe(official);
  });

  for (const url of [ORIGIN, `${ORIGIN}?limit=10`]) {
    it(`a URL without a path (${url.slice(8)}) is signed as "/"`, async () => {
      const ours = await signer.sign({ method: 'GET', url, headers: headers() });
      const official = officialAuthorization(
        {
          method: 'GET',
          origin: ORIGIN,
          path: '/',
          headers: headers(),
          ...(url.includes('?') ? { queryParams: { limit: '10' } } : {}),
        },
        AK,
        SK,
      );
      expect(ours).toBe(official);
    });
  }

  it('a Host header is signed as given, not the URL host', async () => {
    const withHost = () => ({ ...headers(), host: 'gateway.internal.example:8443' });
    const ours = await signer.sign({
      method: 'GET',
      url: `${ORIGIN}/v5/p/billing/quotas`,
      headers: withHost(),
    });
    const official = officialAuthorization(
      { method: 'GET', origin: ORIGIN, path: '/v5/p/billing/quotas', headers: withHost() },
      AK,
      SK,
    );
    expect(ours).toBe(official);
    expect(ours).toContain('SignedHeaders=content-type;host;x-sdk-date,');
    const urlHost = await signer.sign({
      method: 'GET',
      url: `${ORIGIN}/v5/p/billing/quotas`,
      headers: headers(),
    });
    expect(ours).not.toBe(urlHost);
  });
  it('empty pairs in a query ("a=1&&b=2&") are not signed, as the official signer never has them', async () => {
    const ours = await signer.sign({
      method: 'GET',
      url: `${ORIGIN}/v5/p/billing/quotas?a=1&&b=2&`,
      headers: headers(),
    });
    const official = officialAuthorization(
      {
        method: 'GET',
        origin: ORIGIN,
        path: '/v5/p/billing/quotas',
        headers: headers(),
        queryParams: { a: '1', b: '2' },
      },
      AK,
      SK,
    );
    expect(ours).toBe(official);
  });

  it('without an X-Sdk-Date the signer adds one and signs it', async () => {
    const given: Record<string, string> = { 'content-type': 'application/json' };
    const ours = await signer.sign({
      method: 'GET',
      url: `${ORIGIN}/v5/p/billing/quotas`,
      headers: given,
    });
    expect(given['X-Sdk-Date']).toMatch(/^\d{8}T\d{6}Z$/);
    const official = officialAuthorization(
      { method: 'GET', origin: ORIGIN, path: '/v5/p/billing/quotas', headers: { ...given } },
      AK,
      SK,
    );
    expect(ours).toBe(official);
  });

  it('an X-Sdk-Content-Sha256 header (UNSIGNED-PAYLOAD) replaces the body hash and is signed', async () => {
    const withHash = { ...headers(), 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' };
    const ours = await signer.sign({
      method: 'POST',
      url: `${ORIGIN}/v5/p/quotas/orders`,
      headers: { ...withHash },
      body: '{"a":1}',
    });
    const official = officialAuthorization(
      {
        method: 'POST',
        origin: ORIGIN,
        path: '/v5/p/quotas/orders',
        headers: withHash,
        data: { a: 1 },
      },
      AK,
      SK,
    );
    expect(ours).toBe(official);
  });

  it('a multipart content-type is left out of the signed headers, as the official signer does', async () => {
    const multipart = { 'content-type': 'multipart/form-data; boundary=x', 'X-Sdk-Date': SDK_DATE };
    const ours = await signer.sign({
      method: 'POST',
      url: `${ORIGIN}/v5/p/x`,
      headers: { ...multipart },
    });
    expect(ours).toContain('SignedHeaders=host;x-sdk-date,');
    const official = officialAuthorization(
      { method: 'POST', origin: ORIGIN, path: '/v5/p/x', headers: multipart },
      AK,
      SK,
    );
    expect(ours).toBe(official);
  });
  it('a "/" inside the query of a URL without a path is not taken for the path', async () => {
    const ours = await signer.sign({
      method: 'GET',
      url: `${ORIGIN}?next=/a/b`,
      headers: headers(),
    });
    const official = officialAuthorization(
      {
        method: 'GET',
        origin: ORIGIN,
        path: '/',
        headers: headers(),
        queryParams: { next: '/a/b' },
      },
      AK,
      SK,
    );
    expect(ours).toBe(official);
  });
});
