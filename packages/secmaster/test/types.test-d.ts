// Type tests (checked by `tsc -p tsconfig.json`): UpdateSubscriptionOrder takes and returns the
// spec's types; a wrong field, enum value, missing required field or wrong header does not
// compile. Each `@ts-expect-error` sits on the line before the exact line that must fail.
import type { HwsecApiError as CoreApiError } from '@hwsec/core';
import { expectTypeOf } from 'vitest';
import {
  createSecMasterClient,
  unwrap,
  HwsecApiError,
  secmasterErrorCodes,
  type SecMasterErrorCode,
  type UpdateOrderInfoReq,
  type UpdateSubscriptionOrderResponse,
} from '../src/generated/index.js';

const sm = createSecMasterClient({
  region: 'cn-north-4',
  projectId: 'p',
  credentials: { token: 't' },
  language: 'en-us',
});
const body: UpdateOrderInfoReq = { scene: 'PREPAID', operate_type: 'UPGRADE' };

const result = await sm.updateSubscriptionOrder({ body });
expectTypeOf(result.data).toEqualTypeOf<UpdateSubscriptionOrderResponse | undefined>();
expectTypeOf(unwrap(result)).toEqualTypeOf<UpdateSubscriptionOrderResponse>();
if (result.error) expectTypeOf(result.error).toHaveProperty('error_code');
// X-Language is required by the spec but filled from the options, so it is optional here:
await sm.updateSubscriptionOrder({ body, params: { header: { 'X-Language': 'zh-cn' } } });

await sm.updateSubscriptionOrder({
  body: {
    ...body,
    // @ts-expect-error wrong field name
    operation_type: 'UPGRADE',
  },
});
await sm.updateSubscriptionOrder({
  body: {
    scene: 'PREPAID',
    // @ts-expect-error wrong enum value
    operate_type: 'DOWNGRADE',
  },
});
await sm.updateSubscriptionOrder({
  // @ts-expect-error missing required field (operate_type)
  body: { scene: 'PREPAID' },
});
await sm.updateSubscriptionOrder({
  body: {
    ...body,
    // @ts-expect-error missing required field in a product (resource_id)
    product_list: [{ resource_spec_code: 'secmaster.professional' }],
  },
});
await sm.updateSubscriptionOrder({
  body,
  // @ts-expect-error wrong header (X-Language is a string)
  params: { header: { 'X-Language': 1 } },
});
// @ts-expect-error the body is required
await sm.updateSubscriptionOrder({});

// The raw client keeps the spec's requirement: X-Language must be given there.
await sm.PUT('/v1/{project_id}/subscriptions/orders', {
  // @ts-expect-error missing required header on the raw client
  params: { path: { project_id: 'p' } },
  body,
});
const raw = await sm.PUT('/v1/{project_id}/subscriptions/orders', {
  params: { path: { project_id: 'p' }, header: { 'X-Language': 'en-us' } },
  body,
});
expectTypeOf(raw.data).toEqualTypeOf<UpdateSubscriptionOrderResponse | undefined>();

// @ts-expect-error unknown region
createSecMasterClient({ region: 'ru-moscow-1', credentials: { token: 't' } });

// --- options from the environment: credentials and projectId may be left out ---
createSecMasterClient({ region: 'cn-north-4' });
createSecMasterClient({ baseUrl: 'http://127.0.0.1:4010', env: {} });
// @ts-expect-error region or baseUrl is still required (HWSEC_SECMASTER_BASE_URL only overrides)
createSecMasterClient({ projectId: 'p' });
// @ts-expect-error env values are strings
createSecMasterClient({ region: 'cn-north-4', env: { HWSEC_IAM_TOKEN: 1 } });

// --- error codes from the spec: completion for the documented ones, any other string passes ---
expectTypeOf<'SecMaster.00010001'>().toExtend<SecMasterErrorCode>();
expectTypeOf<'APIG.0301'>().toExtend<SecMasterErrorCode>();
expectTypeOf<keyof typeof secmasterErrorCodes>().toEqualTypeOf<SecMasterErrorCode>();
// @ts-expect-error not a documented code
expectTypeOf<'HSS.9999x'>().toExtend<SecMasterErrorCode>();
/** The documented codes stay listed (completion) and any other string fits. */
type Codes<T> = Extract<Exclude<T, undefined>, 'SecMaster.00010001' | 'APIG.0301'>;
declare const caught: unknown;
if (caught instanceof HwsecApiError) {
  expectTypeOf<Codes<typeof caught.errorCode>>().toEqualTypeOf<
    'SecMaster.00010001' | 'APIG.0301'
  >();
  expectTypeOf(caught.body.error_code).toEqualTypeOf<
    SecMasterErrorCode | (string & {}) | undefined
  >();
  expectTypeOf(caught).toExtend<CoreApiError>();
  // An unknown code still compiles: the service may send codes its docs do not list.
  const code: string | undefined = caught.errorCode;
  switch (caught.errorCode) {
    case 'SecMaster.00010001':
    case 'APIG.0301':
    case 'SomeUndocumented.123':
      break;
  }
  void code;
}
type ResultError = NonNullable<Awaited<ReturnType<typeof sm.updateSubscriptionOrder>>['error']>;
expectTypeOf<Codes<ResultError['error_code']>>().toEqualTypeOf<
  'SecMaster.00010001' | 'APIG.0301'
>();
expectTypeOf<string>().toExtend<NonNullable<ResultError['error_code']>>();
// @ts-expect-error a number is no error code
expectTypeOf<number>().toExtend<NonNullable<ResultError['error_code']>>();
