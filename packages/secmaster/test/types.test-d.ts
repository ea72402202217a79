// Type tests (checked by `tsc -p tsconfig.json`): UpdateSubscriptionOrder takes and returns the
// spec's types; a wrong field, enum value, missing required field or wrong header does not
// compile. Each `@ts-expect-error` sits on the line before the exact line that must fail.
import { expectTypeOf } from 'vitest';
import {
  createSecMasterClient,
  unwrap,
  type UpdateOrderInfoReq,
  type UpdateSubscriptionOrderResponse,
} from '../src/index.js';

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
