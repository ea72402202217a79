import { createBssClient } from '@hwsec/bss';
import { createHssClient, unwrap } from '@hwsec/hss';
import { createControlClient, startMock, type RunningMock } from '@hwsec/mock';
import { createSecMasterClient } from '@hwsec/secmaster';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';

// The mock: started by this file, in the test's process, on free ports, stateful as
// `pnpm mock -- --stateful --seed demo` starts it. Its state and clock are this file's alone, so
// it may reset everything and move the clock. Against a mock started with that command instead,
// use its URLs (HSS http://127.0.0.1:4010, SecMaster :4030, BSS :4040) without beforeAll and
// afterAll; its clock and state are then shared by every test that uses it.
let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({
    stateful: true,
    seed: 'demo',
    services: ['hss', 'secmaster', 'bss'],
    ports: { hss: 0, secmaster: 0, bss: 0 },
  });
});
afterAll(() => mock.close());

const projectId = 'flow-test-project';
const credentials = { token: 'any-token' }; // the mock checks presence, not the token
const hss = () => createHssClient({ baseUrl: mock.urls.hss!, projectId, credentials });
const bss = () => createBssClient({ baseUrl: mock.urls.bss!, credentials }); // the Billing Center
const control = () => createControlClient({ baseUrl: mock.urls.hss! }); // /_hwsec/ on any port

// Every test starts from a fresh mock: no project, the billing clock back at real time.
beforeEach(() => control().resetAllState());

it('a quota order paid through BSS completes, and its quotas expire with their month', async () => {
  // Seed: the project already has 2 basic quotas that end in 10 days of the mock's clock.
  const { now } = await control().showClock();
  const inTenDays = new Date(Date.parse(now) + 10 * 86_400_000).toISOString();
  await control().replaceProjectState(projectId, {
    hss: {
      quotas: ['a', 'b'].map((n) => ({
        resource_id: `0000000${n}-0000-4000-8000-000000000000`,
        version: 'hss.version.basic' as const,
        expires_at: inTenDays,
      })),
    },
  });
  const basicQuotas = async () =>
    unwrap(await hss().showResourceQuotas({ params: { query: { version: 'hss.version.basic' } } }))
      .data_list?.[0]?.total_num ?? 0;
  expect(await basicQuotas()).toBe(2);

  // Order 3 more for one month. Without is_auto_pay it waits in the Billing Center: status 6.
  const { order_id } = unwrap(
    await hss().createQuotasOrder({
      body: {
        resource_spec_code: 'hss.version.basic',
        period_type: 2,
        period_num: 1,
        subscription_num: 3,
      },
    }),
  );
  const status = async () =>
    unwrap(await bss().showCustomerOrderDetails({ params: { path: { order_id: order_id! } } }))
      .order_info?.status;
  expect(await status()).toBe(6);

  // Pay it as in the cloud (BSS PayOrders): processing (3) until its processing time has passed.
  unwrap(
    await bss().payOrders({ body: { order_id: order_id!, use_coupon: 'NO', use_discount: 'NO' } }),
  );
  expect(await status()).toBe(3);

  // Move the billing clock a minute on instead of waiting: completed (5), 5 quotas counted.
  await control().advanceClock({ advance_seconds: 60 });
  expect(await status()).toBe(5);
  expect(await basicQuotas()).toBe(5);

  // 11 days on, the seeded quotas have ended; 32 days on, so has the month bought.
  await control().advanceClock({ advance_seconds: 11 * 86_400 });
  expect(await basicQuotas()).toBe(3);
  await control().advanceClock({ advance_seconds: 21 * 86_400 });
  expect(await basicQuotas()).toBe(0);

  // The state shows the order, still completed: expiry ends the quotas, not the order.
  expect((await control().getProjectState(projectId)).orders).toHaveLength(1);
  expect(await status()).toBe(5);
});

it('a SecMaster DECREASE below the project’s ECS count is refused in SecMaster’s shape', async () => {
  const resource_id = 'e6d9047a-3478-4867-8c0d-7c4cfed1685b';
  await control().replaceProjectState(projectId, {
    secmaster: {
      ecs_count: 4,
      subscriptions: [
        {
          resource_id,
          scene: 'POSTPAID',
          resource_spec_code: 'secmaster.standard',
          resource_size: 5,
        },
      ],
    },
  });
  const secmaster = createSecMasterClient({
    baseUrl: mock.urls.secmaster!,
    projectId,
    credentials,
  });
  const { error, response } = await secmaster.updateSubscriptionOrder({
    body: {
      scene: 'POSTPAID',
      operate_type: 'DECREASE',
      product_list: [{ resource_id, resource_spec_code: 'secmaster.standard', resource_size: 3 }],
    },
  });
  expect(response.status).toBe(400);
  expect(error?.error_msg).toContain('ECS count');
});
