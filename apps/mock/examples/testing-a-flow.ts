import { createBssClient } from '@hwsec/bss';
import { createHssClient, unwrap } from '@hwsec/hss';
import { createSecMasterClient } from '@hwsec/secmaster';

// Started with: pnpm mock -- --stateful --seed demo
export async function testAFlow(
  urls = {
    hss: 'http://127.0.0.1:4010',
    secmaster: 'http://127.0.0.1:4030',
    bss: 'http://127.0.0.1:4040',
  },
): Promise<void> {
  const projectId = 'flow-test-project'; // one project per test suite: suites never meet
  const credentials = { token: 'any-token' }; // the mock checks presence, not the token
  const hss = createHssClient({ baseUrl: urls.hss, projectId, credentials });
  const secmaster = createSecMasterClient({ baseUrl: urls.secmaster, projectId, credentials });
  const bss = createBssClient({ baseUrl: urls.bss, credentials }); // the Billing Center
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${urls.hss}/_hwsec/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} /_hwsec/${path}: ${await response.text()}`);
    return response.status === 204 ? undefined : ((await response.json()) as unknown);
  };

  // Reset, then seed: 4 ECSs and one pay-per-use subscription of size 5.
  await control('DELETE', `state/${projectId}`);
  await control('PUT', `state/${projectId}`, {
    secmaster: {
      ecs_count: 4,
      subscriptions: [
        {
          resource_id: 'e6d9047a-3478-4867-8c0d-7c4cfed1685b',
          scene: 'POSTPAID',
          resource_spec_code: 'secmaster.standard',
          resource_size: 5,
        },
      ],
    },
  });

  // Buy 3 basic quotas, paid at once: the next read shows 3 more free.
  unwrap(
    await hss.createQuotasOrder({
      body: {
        resource_spec_code: 'hss.version.basic',
        period_type: 2,
        period_num: 1,
        subscription_num: 3,
        is_auto_pay: true,
      },
    }),
  );
  const quotas = unwrap(
    await hss.showResourceQuotas({ params: { query: { version: 'hss.version.basic' } } }),
  );
  if (quotas.data_list?.[0]?.available_num !== 3) throw new Error('expected 3 free basic quotas');

  // Without is_auto_pay the order waits in the Billing Center, status 6 (pending payment).
  const { order_id } = unwrap(
    await hss.createQuotasOrder({
      body: {
        resource_spec_code: 'hss.version.basic',
        period_type: 3,
        period_num: 1,
        subscription_num: 2,
      },
    }),
  );
  const orderOf = async () =>
    unwrap(await bss.showCustomerOrderDetails({ params: { path: { order_id: order_id! } } }))
      .order_info?.status;
  if ((await orderOf()) !== 6) throw new Error('expected the order to wait for payment');

  // Pay it as in the cloud (BSS PayOrders), then poll: processing (3), then completed (5).
  unwrap(
    await bss.payOrders({ body: { order_id: order_id!, use_coupon: 'NO', use_discount: 'NO' } }),
  );
  while ((await orderOf()) !== 5) await new Promise((resolve) => setTimeout(resolve, 100));
  const bought = unwrap(
    await hss.showResourceQuotas({ params: { query: { version: 'hss.version.basic' } } }),
  );
  if (bought.data_list?.[0]?.available_num !== 5) throw new Error('expected 5 free basic quotas');

  // A DECREASE below the project's 4 ECSs is refused in SecMaster's own error shape.
  const { error, response } = await secmaster.updateSubscriptionOrder({
    body: {
      scene: 'POSTPAID',
      operate_type: 'DECREASE',
      product_list: [
        {
          resource_id: 'e6d9047a-3478-4867-8c0d-7c4cfed1685b',
          resource_spec_code: 'secmaster.standard',
          resource_size: 3,
        },
      ],
    },
  });
  if (response.status !== 400 || !error?.error_msg?.includes('ECS count'))
    throw new Error('expected the DECREASE to be refused');

  // Inspect everything the mock now knows about the project.
  const state = (await control('GET', `state/${projectId}`)) as { orders: unknown[] };
  if (state.orders.length !== 2) throw new Error('expected two orders');
}
