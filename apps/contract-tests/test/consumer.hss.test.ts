// Consumer contract of @hwsec/hss against the mock: the documented requests, sent through the
// client with a token and with AK/SK (signatures verified by the mock), get the documented
// answers back as typed data; `Prefer: code=400` surfaces as the typed error.
import {
  createHssClient,
  HwsecApiError,
  unwrap,
  type CreateQuotasOrderResponse,
  type ShowResourceQuotasResponse,
} from '@hwsec/hss';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  consumerContract,
  CREDENTIAL_KINDS,
  CREDENTIALS,
  PREFER_400,
  TEST_AKSK,
} from './support/consumer.js';
import { mockUrl } from './support/mock.js';

const order = consumerContract('hss', 'CreateQuotasOrder');
const quotas = consumerContract('hss', 'ShowResourceQuotas');
type OrderInit = Parameters<ReturnType<typeof createHssClient>['createQuotasOrder']>[0];
type QuotasInit = NonNullable<
  Parameters<ReturnType<typeof createHssClient>['showResourceQuotas']>[0]
>;

describe.each(CREDENTIAL_KINDS)('@hwsec/hss against the mock, %s credentials', (kind) => {
  const hss = createHssClient({
    baseUrl: mockUrl({ api: 'hss' }),
    projectId: order.projectId,
    credentials: CREDENTIALS[kind],
  });

  it.each(order.calls)(
    'CreateQuotasOrder ($example) returns the spec example',
    async ({ init }) => {
      const result = await hss.createQuotasOrder(init as OrderInit);
      expect(result.error).toBeUndefined();
      const data = unwrap(result);
      expectTypeOf(data).toEqualTypeOf<CreateQuotasOrderResponse>();
      expect(data).toEqual(order.ok);
    },
  );

  it.each(quotas.calls)(
    'ShowResourceQuotas ($example) returns the spec example',
    async ({ init }) => {
      const result = await hss.showResourceQuotas(init as QuotasInit);
      expectTypeOf(result.data).toEqualTypeOf<ShowResourceQuotasResponse | undefined>();
      expect(result.error).toBeUndefined();
      expect(result.data).toEqual(quotas.ok);
    },
  );

  it('Prefer: code=400 surfaces as the typed error with the spec error body', async () => {
    const result = await hss.createQuotasOrder({
      ...(order.calls[0]!.init as OrderInit),
      headers: PREFER_400,
    });
    expect(result.response.status).toBe(400);
    expect(result.error).toEqual(order.badRequest);
    expectTypeOf(result.error).toExtend<{ error_code?: string; error_msg?: string } | undefined>();
    let thrown: unknown;
    try {
      unwrap(result);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HwsecApiError);
    expect(thrown).toMatchObject({
      status: 400,
      errorCode: order.badRequest.error_code,
      errorMsg: order.badRequest.error_msg,
      operation: 'CreateQuotasOrder',
    });

    const read = await hss.showResourceQuotas({
      ...(quotas.calls[0]!.init as QuotasInit),
      headers: PREFER_400,
    });
    expect(read.error).toEqual(quotas.badRequest);
  });
});

it('the mock really verifies AK/SK: a wrong secret key gets the gateway 401 as a typed error', async () => {
  const hss = createHssClient({
    baseUrl: mockUrl({ api: 'hss' }),
    projectId: quotas.projectId,
    credentials: { ...TEST_AKSK, secretKey: 'SKwrong0000000000000000000000000000000000' },
  });
  const result = await hss.showResourceQuotas();
  expect(result.response.status).toBe(401);
  expect(() => unwrap(result)).toThrow(HwsecApiError);
  expect(result.error).toMatchObject({
    error_code: 'APIG.0301',
    error_msg: expect.stringContaining('verify aksk signature fail'),
  });
});
