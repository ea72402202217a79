// Type tests (checked by `tsc -p tsconfig.json`): the operation methods take and return the
// spec's types, and a wrong field, enum value, missing required field, a regional option or an
// unknown operation does not compile. Each `@ts-expect-error` sits on the line before the exact
// line that must fail.
import { expectTypeOf } from 'vitest';
import {
  createBssClient,
  unwrap,
  HwsecApiError,
  bssErrorCodes,
  type BssErrorCode,
  type BssSite,
  type PayCustomerOrderV3Req,
  type ShowCustomerOrderDetailsResponse,
  type ListCustomerOrdersResponse,
  type QueryResourcesReq,
  type ListPayPerUseCustomerResourcesResponse,
} from '../src/generated/index.js';

const bss = createBssClient({ site: 'cn', credentials: { token: 't' } });

// --- PayOrders: 204, no body ---
const paid = await bss.payOrders({
  body: { order_id: 'CS2404171642AAAAA', use_coupon: 'NO', use_discount: 'NO' },
});
expectTypeOf(paid.data).toEqualTypeOf<undefined>();
type PayBody = Parameters<typeof bss.payOrders>[0]['body'];
expectTypeOf<PayBody>().toExtend<PayCustomerOrderV3Req>();
expectTypeOf<PayCustomerOrderV3Req>().toExtend<PayBody>();
if (paid.error) expectTypeOf(paid.error).toHaveProperty('error_code');
await bss.payOrders({
  body: {
    order_id: 'o',
    use_coupon: 'YES',
    use_discount: 'NO',
    coupon_infos: [{ id: 'c', type: 301 }],
  },
});

await bss.payOrders({
  // @ts-expect-error use_coupon is the string "YES" or "NO", not a boolean
  body: { order_id: 'o', use_coupon: true, use_discount: 'NO' },
});
await bss.payOrders({
  // @ts-expect-error use_discount is "YES" or "NO", not "yes"
  body: { order_id: 'o', use_coupon: 'NO', use_discount: 'yes' },
});
await bss.payOrders({
  // @ts-expect-error missing required field (use_discount)
  body: { order_id: 'o', use_coupon: 'NO' },
});
await bss.payOrders({
  body: {
    order_id: 'o',
    use_coupon: 'NO',
    use_discount: 'NO',
    // @ts-expect-error wrong field name
    coupon_info: [],
  },
});
// @ts-expect-error the body is required
await bss.payOrders({});

// --- ShowCustomerOrderDetails: order_id is the caller's (nothing fills it) ---
const details = await bss.showCustomerOrderDetails({
  params: { path: { order_id: 'o' }, query: { offset: 0, limit: 10 } },
});
expectTypeOf(details.data).toEqualTypeOf<ShowCustomerOrderDetailsResponse | undefined>();
// @ts-expect-error order_id is required
await bss.showCustomerOrderDetails({ params: { path: {} } });
// @ts-expect-error the path parameters are required
await bss.showCustomerOrderDetails();
await bss.showCustomerOrderDetails({
  // @ts-expect-error limit is a number, not a string
  params: { path: { order_id: 'o' }, query: { limit: '10' } },
});

// --- ListCustomerOrders ---
const list = await bss.listCustomerOrders({
  params: {
    query: {
      status: 6,
      order_type: '1',
      order_by: '-createTime',
      create_time_begin: '2026-01-01T00:00:00Z',
      limit: 100,
      offset: 0,
    },
  },
});
expectTypeOf(list.data).toEqualTypeOf<ListCustomerOrdersResponse | undefined>();
expectTypeOf(unwrap(list)).toEqualTypeOf<ListCustomerOrdersResponse>();
await bss.listCustomerOrders(); // every parameter is optional

// @ts-expect-error limit is a number, not a string
await bss.listCustomerOrders({ params: { query: { limit: '10' } } });
// @ts-expect-error 2 is no status ListCustomerOrders filters by
await bss.listCustomerOrders({ params: { query: { status: 2 } } });
// @ts-expect-error order_by is createTime or -createTime
await bss.listCustomerOrders({ params: { query: { order_by: 'create_time' } } });
// @ts-expect-error order_type is the documented code as a string
await bss.listCustomerOrders({ params: { query: { order_type: 1 } } });

// --- ListPayPerUseCustomerResources ---
const resources = await bss.listPayPerUseCustomerResources({
  body: { order_id: 'o', only_main_resource: 1, status_list: [2], limit: 10 },
});
expectTypeOf(resources.data).toEqualTypeOf<ListPayPerUseCustomerResourcesResponse | undefined>();
type ResourcesBody = Parameters<typeof bss.listPayPerUseCustomerResources>[0]['body'];
expectTypeOf<ResourcesBody>().toExtend<QueryResourcesReq>();
expectTypeOf<QueryResourcesReq>().toExtend<ResourcesBody>();
// @ts-expect-error status_list holds the documented statuses (2–5)
await bss.listPayPerUseCustomerResources({ body: { status_list: [7] } });
// @ts-expect-error only_main_resource is 0 or 1, not a boolean
await bss.listPayPerUseCustomerResources({ body: { only_main_resource: true } });

// --- one method per operation, and no other ---
// @ts-expect-error unknown operation
void bss.cancelCustomerOrder;
// @ts-expect-error Huawei's method name is payOrders
void bss.payOrder;

// --- options: a global service takes a site, never a region or a project ---
expectTypeOf<BssSite>().toEqualTypeOf<'cn' | 'intl' | 'eu'>();
createBssClient({ site: 'eu', domainId: 'd', credentials: { accessKey: 'a', secretKey: 's' } });
createBssClient({ baseUrl: 'http://127.0.0.1:4040', env: {} });
createBssClient({ site: 'intl' }); // credentials and domainId may come from the environment
// @ts-expect-error unknown site
createBssClient({ site: 'us' });
// @ts-expect-error site or baseUrl is required (HWSEC_BSS_BASE_URL only overrides)
createBssClient({ domainId: 'd' });
// @ts-expect-error no region: BSS is global
createBssClient({ site: 'cn', region: 'cn-north-4' });
// @ts-expect-error no projectId: BSS has no project
createBssClient({ site: 'cn', projectId: 'p' });
// @ts-expect-error domainId is a string
createBssClient({ site: 'cn', domainId: 42 });
// @ts-expect-error credentials need a token or an AK/SK pair
createBssClient({ site: 'cn', credentials: { accessKey: 'a' } });

// --- error codes from the spec: completion for the documented ones, any other string passes ---
expectTypeOf<'CBC.99003106'>().toExtend<BssErrorCode>();
expectTypeOf<'CBC.99005003'>().toExtend<BssErrorCode>();
expectTypeOf<keyof typeof bssErrorCodes>().toEqualTypeOf<BssErrorCode>();
// @ts-expect-error not a documented code
expectTypeOf<'CBC.1234'>().toExtend<BssErrorCode>();
declare const caught: unknown;
if (caught instanceof HwsecApiError) {
  expectTypeOf<Extract<typeof caught.errorCode, 'CBC.99003106'>>().toEqualTypeOf<'CBC.99003106'>();
  expectTypeOf<string>().toExtend<NonNullable<typeof caught.errorCode>>();
  expectTypeOf(caught.mayHaveBeenProcessed).toEqualTypeOf<boolean>();
}
