// Type tests (checked by `tsc -p tsconfig.json`): CreateProductOrder takes and returns the
// spec's types; a wrong field, enum value, missing required field or wrong header does not
// compile. Each `@ts-expect-error` sits on the line before the exact line that must fail.
import type { HwsecApiError as CoreApiError } from '@hwsec/core';
import { expectTypeOf } from 'vitest';
import {
  createDscClient,
  unwrap,
  HwsecApiError,
  dscErrorCodes,
  type DscErrorCode,
  type CreateProductOrderResponse,
  type PeriodOrderRequest,
  type ProductInfoBean,
} from '../src/generated/index.js';

const dsc = createDscClient({
  region: 'cn-north-4',
  projectId: 'p',
  credentials: { accessKey: 'a', secretKey: 's' },
});
const product: ProductInfoBean = {
  cloud_service_type: 'hws.service.type.sdg',
  product_id: '00301-30007-0--0',
  resource_type: 'hws.resource.type.dsc.base',
  resource_spec_code: 'base_professional',
  resource_size: 30,
  resource_size_measure_id: 30,
};
const body: PeriodOrderRequest = {
  region_id: 'cn-north-4',
  zone: 'CH',
  cloud_service_type: 'hws.service.type.sdg',
  charging_mode: 0,
  period_type: 2,
  period_num: 1,
  product_infos: [product],
};

const result = await dsc.createProductOrder({ body });
expectTypeOf(result.data).toEqualTypeOf<CreateProductOrderResponse | undefined>();
expectTypeOf(unwrap(result)).toEqualTypeOf<CreateProductOrderResponse>();
if (result.error) expectTypeOf(result.error).toHaveProperty('error_msg');

await dsc.createProductOrder({
  body: {
    ...body,
    // @ts-expect-error wrong field name
    regionId: 'cn-north-4',
  },
});
await dsc.createProductOrder({
  body: {
    ...body,
    // @ts-expect-error wrong enum value (charging_mode is 0, 1 or 2)
    charging_mode: 5,
  },
});
await dsc.createProductOrder({
  // @ts-expect-error missing required field (zone)
  body: {
    region_id: 'cn-north-4',
    cloud_service_type: 'hws.service.type.sdg',
    charging_mode: 0,
    period_type: 2,
    period_num: 1,
    product_infos: [product],
  },
});
await dsc.createProductOrder({
  body: {
    ...body,
    product_infos: [
      // @ts-expect-error missing required field in a product (product_id)
      {
        cloud_service_type: 'hws.service.type.sdg',
        resource_type: 'hws.resource.type.dsc.base',
        resource_spec_code: 'base_standard',
        resource_size: 1,
        resource_size_measure_id: 30,
      },
    ],
  },
});
await dsc.createProductOrder({
  body,
  // @ts-expect-error wrong header: CreateProductOrder declares no header parameter
  params: { header: { region: 'cn-north-4' } },
});
// @ts-expect-error the body is required
await dsc.createProductOrder();

// raw, path-based calls keep openapi-fetch's types
const raw = await dsc.POST('/v1/{project_id}/period/order', {
  params: { path: { project_id: 'p' } },
  body,
});
expectTypeOf(raw.data).toEqualTypeOf<CreateProductOrderResponse | undefined>();

// @ts-expect-error unknown region
createDscClient({ region: 'na-mexico-1', credentials: { token: 't' } });

// --- options from the environment: credentials and projectId may be left out ---
createDscClient({ region: 'cn-north-4' });
createDscClient({ baseUrl: 'http://127.0.0.1:4010', env: {} });
// @ts-expect-error region or baseUrl is still required (HWSEC_DSC_BASE_URL only overrides)
createDscClient({ projectId: 'p' });
// @ts-expect-error env values are strings
createDscClient({ region: 'cn-north-4', env: { HWSEC_IAM_TOKEN: 1 } });

// --- error codes from the spec: completion for the documented ones, any other string passes ---
expectTypeOf<'dsc.40000011'>().toExtend<DscErrorCode>();
expectTypeOf<'APIG.0301'>().toExtend<DscErrorCode>();
expectTypeOf<keyof typeof dscErrorCodes>().toEqualTypeOf<DscErrorCode>();
// @ts-expect-error not a documented code
expectTypeOf<'HSS.9999x'>().toExtend<DscErrorCode>();
/** The documented codes stay listed (completion) and any other string fits. */
type Codes<T> = Extract<Exclude<T, undefined>, 'dsc.40000011' | 'APIG.0301'>;
declare const caught: unknown;
if (caught instanceof HwsecApiError) {
  expectTypeOf<Codes<typeof caught.errorCode>>().toEqualTypeOf<'dsc.40000011' | 'APIG.0301'>();
  expectTypeOf<Codes<typeof caught.body.error_code>>().toEqualTypeOf<
    'dsc.40000011' | 'APIG.0301'
  >();
  expectTypeOf<string>().toExtend<NonNullable<typeof caught.body.error_code>>();
  expectTypeOf(caught).toExtend<CoreApiError>();
  // An unknown code still compiles: the service may send codes its docs do not list.
  const code: string | undefined = caught.errorCode;
  switch (caught.errorCode) {
    case 'dsc.40000011':
    case 'APIG.0301':
    case 'SomeUndocumented.123':
      break;
  }
  void code;
}
type ResultError = NonNullable<Awaited<ReturnType<typeof dsc.createProductOrder>>['error']>;
expectTypeOf<Codes<ResultError['error_code']>>().toEqualTypeOf<'dsc.40000011' | 'APIG.0301'>();
expectTypeOf<string>().toExtend<NonNullable<ResultError['error_code']>>();
// @ts-expect-error a number is no error code
expectTypeOf<number>().toExtend<NonNullable<ResultError['error_code']>>();
