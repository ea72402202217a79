// Consumer contract of @hwsec/dsc against the mock: the documented requests, sent through the
// client with a token and with AK/SK (signatures verified by the mock), get the documented
// answers back as typed data; `Prefer: code=400` surfaces as the typed error.
import {
  createDscClient,
  HwsecApiError,
  unwrap,
  type CreateProductOrderResponse,
} from '@hwsec/dsc';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { consumerContract, CREDENTIAL_KINDS, CREDENTIALS, PREFER_400 } from './support/consumer.js';
import { mockUrl } from './support/mock.js';

const order = consumerContract('dsc', 'CreateProductOrder');
type OrderInit = Parameters<ReturnType<typeof createDscClient>['createProductOrder']>[0];

describe.each(CREDENTIAL_KINDS)('@hwsec/dsc against the mock, %s credentials', (kind) => {
  const dsc = createDscClient({
    baseUrl: mockUrl({ api: 'dsc' }),
    projectId: order.projectId,
    credentials: CREDENTIALS[kind],
  });

  it.each(order.calls)(
    'CreateProductOrder ($example) returns the spec example',
    async ({ init }) => {
      const result = await dsc.createProductOrder(init as OrderInit);
      expect(result.error).toBeUndefined();
      const data = unwrap(result);
      expectTypeOf(data).toEqualTypeOf<CreateProductOrderResponse>();
      expect(data).toEqual(order.ok);
    },
  );

  it('Prefer: code=400 surfaces as the typed error with the spec error body', async () => {
    const result = await dsc.createProductOrder({
      ...(order.calls[0]!.init as OrderInit),
      headers: PREFER_400,
    });
    expect(result.response.status).toBe(400);
    expect(result.error).toEqual(order.badRequest);
    expect(() => unwrap(result)).toThrow(HwsecApiError);
    expect(() => unwrap(result)).toThrow(
      expect.objectContaining({
        status: 400,
        errorCode: order.badRequest.error_code,
        errorMsg: order.badRequest.error_msg,
        operation: 'CreateProductOrder',
      }),
    );
  });
});
