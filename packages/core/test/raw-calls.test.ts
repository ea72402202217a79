// The exported building blocks used directly (createTransport with a PlainRequest, unwrap of a
// result our transport did not make): a body that is not serialized JSON is refused before
// anything is sent, and unwrap still names the call by its URL, without the query.
import { afterEach, describe, expect, it } from 'vitest';
import {
  HwsecApiError,
  HwsecInputError,
  PlainRequest,
  createTransport,
  unwrap,
} from '../dist/index.js';
import { json, startServer } from '@hwsec/test-support/http-server';
import { AK, PROJECT, SK } from '@hwsec/test-support/vectors';

let server: Awaited<ReturnType<typeof startServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('createTransport', () => {
  for (const [name, body] of [
    ['URLSearchParams', new URLSearchParams('period_num=1')],
    ['a Blob', new Blob(['{}'])],
  ] as const) {
    it(`a body that is ${name}, not serialized JSON, is refused and nothing is sent`, async () => {
      server = await startServer([json(200, { order_id: 'CS1' })]);
      const { transport } = createTransport({ credentials: { accessKey: AK, secretKey: SK } });
      const url = `${server.baseUrl}/v5/${PROJECT}/quotas/orders?x=1`;
      const error = await transport(new PlainRequest(url, { method: 'POST', body })).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(HwsecInputError);
      expect(error).toMatchObject({ field: 'body', rule: 'JSON (serialized by the client)' });
      expect((error as Error).message).toBe(
        `POST ${server.baseUrl}/v5/${PROJECT}/quotas/orders: body must be JSON (serialized by the client). Nothing was sent.`,
      );
      expect(server.received).toHaveLength(0);
    });
  }
});

describe('unwrap', () => {
  it('of a response our transport did not make: the operation is its URL without the query', () => {
    const response = new Response('{}', { status: 403 });
    Object.defineProperty(response, 'url', {
      value: `https://hss.example.test/v5/${PROJECT}/billing/quotas?limit=1`,
    });
    const error = (() => {
      try {
        unwrap({ error: { error_code: 'HSS.0001', error_msg: 'denied' }, response });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(HwsecApiError);
    expect(error).toMatchObject({
      operation: `https://hss.example.test/v5/${PROJECT}/billing/quotas`,
      status: 403,
      errorCode: 'HSS.0001',
    });
  });
});
