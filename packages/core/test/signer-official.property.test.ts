// Property: for every generated request our signer (node:crypto path) writes the same
// Authorization as Huawei's official core signer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAkSkSigner } from '../dist/index.js';
import { officialAuthorization } from '@hwsec/test-support/official-signer';
import { generatedRequest, isComparable, signBoth } from '@hwsec/test-support/generated-requests';

describe('AK/SK signer matches the official signer on generated requests', () => {
  it('same Authorization for every request', async () => {
    await fc.assert(
      fc.asyncProperty(generatedRequest, async (r) => {
        fc.pre(isComparable(r));
        const { ours, official } = await signBoth(r, createAkSkSigner);
        expect(ours).toBe(official);
      }),
      { numRuns: 1000 },
    );
  }, 300_000);

  it('keeps one consistent header order where the official signer contradicts itself (names with "_")', async () => {
    // Official: SignedHeaders "x-a;x_b" by code units, but canonical headers "x_b" before "x-a"
    // (localeCompare). We sign the canonical headers in the SignedHeaders order.
    const headers = { 'x-a': '1', x_b: '2', 'X-Sdk-Date': '20260101T000000Z' };
    const base = {
      method: 'GET',
      origin: 'https://hss.cn-north-4.myhuaweicloud.com',
      path: '/v5/p',
    };
    const official = officialAuthorization({ ...base, headers }, 'AKTESTEXAMPLE0000000', 'SK');
    const ours = await createAkSkSigner({
      accessKey: 'AKTESTEXAMPLE0000000',
      secretKey: 'SK',
    }).sign({
      method: 'GET',
      url: `${base.origin}${base.path}`,
      headers: { ...headers },
    });
    const signedHeaders = (authorization: string) =>
      /SignedHeaders=([^,]+)/.exec(authorization)![1];
    expect(signedHeaders(ours)).toBe(signedHeaders(official));
    expect(signedHeaders(ours)).toBe('host;x-a;x-sdk-date;x_b');
    expect(ours).not.toBe(official);
  });
});
