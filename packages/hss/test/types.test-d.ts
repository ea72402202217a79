// Type tests (checked by `tsc -p tsconfig.json`): the operation methods take and return the
// spec's types, and a wrong field, enum value, missing required field or wrong header does not
// compile. Each `@ts-expect-error` sits on the line before the exact line that must fail.
import type { HwsecApiError as CoreApiError } from '@hwsec/core';
import { expectTypeOf } from 'vitest';
import {
  createHssClient,
  unwrap,
  HwsecApiError,
  hssErrorCodes,
  type HssErrorCode,
  type CreateQuotasOrderRequestInfo,
  type CreateQuotasOrderResponse,
  type ShowResourceQuotasResponse,
} from '../src/generated/index.js';

const hss = createHssClient({ region: 'cn-north-4', projectId: 'p', credentials: { token: 't' } });

// --- CreateQuotasOrder ---
const order = await hss.createQuotasOrder({
  body: {
    resource_spec_code: 'hss.version.enterprise',
    period_type: 2,
    period_num: 1,
    subscription_num: 1,
  },
});
expectTypeOf(order.data).toEqualTypeOf<CreateQuotasOrderResponse | undefined>();
expectTypeOf(unwrap(order)).toEqualTypeOf<CreateQuotasOrderResponse>();
type OrderBody = Parameters<typeof hss.createQuotasOrder>[0]['body'];
expectTypeOf<OrderBody>().toExtend<CreateQuotasOrderRequestInfo>();
expectTypeOf<CreateQuotasOrderRequestInfo>().toExtend<OrderBody>();
if (order.error) expectTypeOf(order.error).toHaveProperty('error_code');

await hss.createQuotasOrder({
  body: {
    resource_spec_code: 'hss.version.enterprise',
    period_type: 2,
    period_num: 1,
    subscription_num: 1,
    // @ts-expect-error wrong field name
    subscription_number: 1,
  },
});
await hss.createQuotasOrder({
  body: {
    // @ts-expect-error wrong enum value
    resource_spec_code: 'hss.version.gold',
    period_type: 2,
    period_num: 1,
    subscription_num: 1,
  },
});
await hss.createQuotasOrder({
  // @ts-expect-error missing required field (period_num)
  body: { resource_spec_code: 'hss.version.enterprise', period_type: 2, subscription_num: 1 },
});
await hss.createQuotasOrder({
  body: {
    resource_spec_code: 'hss.version.basic',
    period_type: 3,
    period_num: 1,
    subscription_num: 1,
  },
  // @ts-expect-error wrong header (region is a string)
  params: { header: { region: 4 } },
});
// @ts-expect-error the body is required
await hss.createQuotasOrder({});

// --- ShowResourceQuotas ---
const quotas = await hss.showResourceQuotas({
  params: { query: { version: 'hss.version.basic', charging_mode: 'on_demand' } },
});
expectTypeOf(quotas.data).toEqualTypeOf<ShowResourceQuotasResponse | undefined>();
await hss.showResourceQuotas(); // every parameter is optional; project_id comes from the options

// @ts-expect-error wrong field name
await hss.showResourceQuotas({ params: { query: { versions: 'hss.version.basic' } } });
// @ts-expect-error wrong enum value
await hss.showResourceQuotas({ params: { query: { version: 'hss.version.gold' } } });
// @ts-expect-error wrong header (region is a string)
await hss.showResourceQuotas({ params: { header: { region: false } } });
// @ts-expect-error missing required field: the raw client has no projectId default
await hss.GET('/v5/{project_id}/billing/quotas', { params: {} });

// --- raw, path-based calls keep openapi-fetch's types ---
const raw = await hss.GET('/v5/{project_id}/billing/quotas', {
  params: { path: { project_id: 'p' } },
});
expectTypeOf(raw.data).toEqualTypeOf<ShowResourceQuotasResponse | undefined>();

// --- options ---
// @ts-expect-error unknown region
createHssClient({ region: 'xx-nowhere-1', credentials: { token: 't' } });
// @ts-expect-error credentials need a token or an AK/SK pair
createHssClient({ region: 'cn-north-4', credentials: { accessKey: 'a' } });
createHssClient({
  baseUrl: 'http://127.0.0.1:4010',
  credentials: { accessKey: 'a', secretKey: 's', securityToken: 'x' },
});
createHssClient({
  region: 'eu-west-101',
  credentials: { token: 't' },
  timeoutMs: 5000,
  retry: { maxAttempts: 2 },
  userAgent: 'me',
  clock: () => new Date(),
});

// --- options from the environment: credentials and projectId may be left out ---
createHssClient({ region: 'cn-north-4' });
createHssClient({ baseUrl: 'http://127.0.0.1:4010', env: {} });
// @ts-expect-error region or baseUrl is still required (HWSEC_HSS_BASE_URL only overrides)
createHssClient({ projectId: 'p' });
// @ts-expect-error env values are strings
createHssClient({ region: 'cn-north-4', env: { HWSEC_IAM_TOKEN: 1 } });

// --- error codes from the spec: completion for the documented ones, any other string passes ---
expectTypeOf<'HSS.0001'>().toExtend<HssErrorCode>();
expectTypeOf<'APIG.0301'>().toExtend<HssErrorCode>();
expectTypeOf<keyof typeof hssErrorCodes>().toEqualTypeOf<HssErrorCode>();
// @ts-expect-error not a documented code
expectTypeOf<'HSS.9999x'>().toExtend<HssErrorCode>();
/** The documented codes stay listed (completion) and any other string fits. */
type Codes<T> = Extract<Exclude<T, undefined>, 'HSS.0001' | 'APIG.0301'>;
declare const caught: unknown;
if (caught instanceof HwsecApiError) {
  expectTypeOf<Codes<typeof caught.errorCode>>().toEqualTypeOf<'HSS.0001' | 'APIG.0301'>();
  expectTypeOf<Codes<typeof caught.body.error_code>>().toEqualTypeOf<'HSS.0001' | 'APIG.0301'>();
  expectTypeOf<string>().toExtend<NonNullable<typeof caught.body.error_code>>();
  expectTypeOf(caught).toExtend<CoreApiError>();
  // An unknown code still compiles: the service may send codes its docs do not list.
  const code: string | undefined = caught.errorCode;
  switch (caught.errorCode) {
    case 'HSS.0001':
    case 'APIG.0301':
    case 'SomeUndocumented.123':
      break;
  }
  void code;
}
type ResultError = NonNullable<Awaited<ReturnType<typeof hss.showResourceQuotas>>['error']>;
expectTypeOf<Codes<ResultError['error_code']>>().toEqualTypeOf<'HSS.0001' | 'APIG.0301'>();
expectTypeOf<string>().toExtend<NonNullable<ResultError['error_code']>>();
// @ts-expect-error a number is no error code
expectTypeOf<number>().toExtend<NonNullable<ResultError['error_code']>>();
