// Consumer contract of @hwsec/bss against the mock: the documented requests, sent through the
// global client (no project: a baseUrl, no site) with a token and with AK/SK (signatures verified
// by the mock), get the documented answers back as typed data, PayOrders its empty 204;
// `Prefer: code=400` surfaces as the typed error with BSS's CBC.* body.
import {
  bssErrorCodes,
  createBssClient,
  HwsecApiError,
  unwrap,
  type BssErrorCode,
  type ErrorResponse,
  type ListCustomerOrdersResponse,
  type ListPayPerUseCustomerResourcesResponse,
  type ShowCustomerOrderDetailsResponse,
} from '@hwsec/bss';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { consumerContract, CREDENTIAL_KINDS, CREDENTIALS, PREFER_400 } from './support/consumer.js';
import { mockUrl } from './support/mock.js';

type Bss = ReturnType<typeof createBssClient>;
const pay = consumerContract('bss', 'PayOrders');
const details = consumerContract('bss', 'ShowCustomerOrderDetails');
const list = consumerContract('bss', 'ListCustomerOrders');
const resources = consumerContract('bss', 'ListPayPerUseCustomerResources');
type PayInit = Parameters<Bss['payOrders']>[0];
type DetailsInit = Parameters<Bss['showCustomerOrderDetails']>[0];
type ListInit = NonNullable<Parameters<Bss['listCustomerOrders']>[0]>;
type ResourcesInit = Parameters<Bss['listPayPerUseCustomerResources']>[0];

describe.each(CREDENTIAL_KINDS)('@hwsec/bss against the mock, %s credentials', (kind) => {
  const bss = createBssClient({
    baseUrl: mockUrl({ api: 'bss' }),
    credentials: CREDENTIALS[kind],
    env: {},
  });

  it.each(pay.calls)('PayOrders ($example) is accepted: 204, no body', async ({ init }) => {
    const result = await bss.payOrders(init as PayInit);
    expect(result.error).toBeUndefined();
    expect(result.response.status).toBe(pay.okStatus);
    expect(pay.ok).toBeUndefined();
    expect(result.data).toBeUndefined();
  });

  it.each(details.calls)(
    'ShowCustomerOrderDetails ($example) returns the spec example',
    async ({ init }) => {
      const result = await bss.showCustomerOrderDetails(init as DetailsInit);
      expect(result.error).toBeUndefined();
      const data = unwrap(result);
      expectTypeOf(data).toEqualTypeOf<ShowCustomerOrderDetailsResponse>();
      expect(data).toEqual(details.ok);
    },
  );

  it.each(list.calls)(
    'ListCustomerOrders ($example) returns the spec example',
    async ({ init }) => {
      const result = await bss.listCustomerOrders(init as ListInit);
      expectTypeOf(result.data).toEqualTypeOf<ListCustomerOrdersResponse | undefined>();
      expect(result.error).toBeUndefined();
      expect(result.data).toEqual(list.ok);
    },
  );

  it.each(resources.calls)(
    'ListPayPerUseCustomerResources ($example) returns the spec example',
    async ({ init }) => {
      const result = await bss.listPayPerUseCustomerResources(init as ResourcesInit);
      expect(result.error).toBeUndefined();
      const data = unwrap(result);
      expectTypeOf(data).toEqualTypeOf<ListPayPerUseCustomerResourcesResponse>();
      expect(data).toEqual(resources.ok);
    },
  );

  it('Prefer: code=400 surfaces as the typed error with the spec CBC.* body', async () => {
    const result = await bss.payOrders({
      ...(pay.calls[0]!.init as PayInit),
      headers: PREFER_400,
    });
    expect(result.response.status).toBe(400);
    expect(result.error).toEqual(pay.badRequest);
    expect(pay.badRequest.error_code).toMatch(/^CBC\./);
    // BSS's error body, its error_code typed with the codes the spec documents.
    expectTypeOf(result.error).toExtend<ErrorResponse | undefined>();
    expectTypeOf<NonNullable<typeof result.error>['error_code']>().toEqualTypeOf<
      BssErrorCode | (string & {}) | undefined
    >();
    expect(bssErrorCodes).toHaveProperty([pay.badRequest.error_code]);
    let thrown: unknown;
    try {
      unwrap(result);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HwsecApiError);
    expect(thrown).toMatchObject({
      status: 400,
      errorCode: pay.badRequest.error_code,
      errorMsg: pay.badRequest.error_msg,
      operation: 'PayOrders',
      mayHaveBeenProcessed: false,
    });

    const read = await bss.listCustomerOrders({
      ...(list.calls[0]!.init as ListInit),
      headers: PREFER_400,
    });
    expect(read.error).toEqual(list.badRequest);
  });
});
