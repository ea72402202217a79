// Consumer contract of @hwsec/secmaster against the mock: the four documented scenarios, sent
// through the client with a token and with AK/SK (signatures verified by the mock), get the
// documented answer back as typed data; `Prefer: code=400` surfaces as the typed error; the
// required X-Language header comes from the client's `language` option.
import {
  createSecMasterClient,
  HwsecApiError,
  unwrap,
  type UpdateSubscriptionOrderResponse,
} from '@hwsec/secmaster';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { consumerContract, CREDENTIAL_KINDS, CREDENTIALS, PREFER_400 } from './support/consumer.js';
import { mockUrl } from './support/mock.js';

const change = consumerContract('secmaster', 'UpdateSubscriptionOrder');
type ChangeInit = Parameters<
  ReturnType<typeof createSecMasterClient>['updateSubscriptionOrder']
>[0];
const okExamples = Object.fromEntries(
  change.operation.responses['200']!.examples.map((e) => [e.name, e.value]),
);

describe.each(CREDENTIAL_KINDS)('@hwsec/secmaster against the mock, %s credentials', (kind) => {
  const secmaster = createSecMasterClient({
    baseUrl: mockUrl({ api: 'secmaster' }),
    projectId: change.projectId,
    credentials: CREDENTIALS[kind],
    language: 'en-us',
  });

  it.each(change.calls)(
    'UpdateSubscriptionOrder ($example) returns the spec example',
    async ({ init }) => {
      const result = await secmaster.updateSubscriptionOrder(init as ChangeInit);
      expect(result.error).toBeUndefined();
      const data = unwrap(result);
      expectTypeOf(data).toEqualTypeOf<UpdateSubscriptionOrderResponse>();
      expect(data).toEqual(change.ok);
    },
  );

  it('fills the required X-Language from the language option', async () => {
    const { body } = change.calls[0]!.init;
    const result = await secmaster.updateSubscriptionOrder({ body } as ChangeInit);
    expect(result.response.status).toBe(200);
  });

  it.each(Object.keys(okExamples))('Prefer: example=%s returns that 200 example', async (name) => {
    const result = await secmaster.updateSubscriptionOrder({
      ...(change.calls[0]!.init as ChangeInit),
      headers: { Prefer: `example=${name}` },
    });
    expect(unwrap(result)).toEqual(okExamples[name]);
  });

  it('Prefer: code=400 surfaces as the typed error with the spec error body', async () => {
    const result = await secmaster.updateSubscriptionOrder({
      ...(change.calls[0]!.init as ChangeInit),
      headers: PREFER_400,
    });
    expect(result.response.status).toBe(400);
    expect(result.error).toEqual(change.badRequest);
    expect(() => unwrap(result)).toThrow(HwsecApiError);
    expect(() => unwrap(result)).toThrow(
      expect.objectContaining({
        status: 400,
        errorCode: change.badRequest.error_code,
        errorMsg: change.badRequest.error_msg,
        operation: 'UpdateSubscriptionOrder',
      }),
    );
  });
});
