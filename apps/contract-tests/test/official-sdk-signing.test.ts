// Every operation's documented request, signed by Huawei's official SDK core instead of ours,
// is accepted by the mock in signature mode (--verify-signatures, as the global setup starts it),
// and the same request changed after signing is refused with the gateway's 401.
import { formatSdkDate } from '@hwsec/core';
import { describe, expect, it } from 'vitest';
import { allOperations, successOf, type Operation } from '../src/operation-model.js';
import { exampleInput, send, toWire, type WireRequest } from '../src/request-input.js';
import { TEST_AKSK } from './support/consumer.js';
import { mockUrl } from './support/mock.js';
import { officialSign } from './support/official-signer.js';

function officiallySigned(operation: Operation): WireRequest {
  const input = exampleInput(operation, { withOptional: true });
  const wire = toWire(operation, input, mockUrl(operation), {
    'X-Sdk-Date': formatSdkDate(new Date()),
  });
  const url = new URL(wire.url);
  const signed = officialSign(
    {
      method: wire.method,
      endpoint: `${url.origin}${url.pathname}`,
      queryParams: input.query,
      headers: wire.headers,
      data: input.body,
    },
    TEST_AKSK,
  );
  return { ...wire, headers: { ...wire.headers, Authorization: signed['Authorization']! } };
}

for (const operation of allOperations()) {
  describe(`${operation.operationId} signed by the official SDK core`, () => {
    const success = successOf(operation);
    it(`is accepted by the mock’s signature check and answered with the ${success.status} example`, async () => {
      const request = officiallySigned(operation);
      expect(request.headers['Authorization']).toMatch(/^SDK-HMAC-SHA256 Access=AKTEST/);
      const response = await send(request);
      expect(response.status, JSON.stringify(response.body)).toBe(success.status);
      if (success.status !== 204) expect(success.examples).toContainEqual(response.body);
    });

    it('is refused with the gateway’s 401 when changed after signing', async () => {
      const request = officiallySigned(operation);
      if (request.body !== undefined)
        request.body = request.body.replace(/\d/, (d) => `${(Number(d) + 1) % 10}`);
      else request.url += (request.url.includes('?') ? '&' : '?') + 'tampered=1';
      const response = await send(request);
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({
        error_code: 'APIG.0301',
        error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
      });
    });
  });
}
