import { createHssClient, unwrap } from '@hwsec/hss';
import { createSecMasterClient } from '@hwsec/secmaster';

// Started with: pnpm mock -- --stateful --seed demo
export async function testAFlow(
  urls = { hss: 'http://127.0.0.1:4010', secmaster: 'http://127.0.0.1:4030' },
): Promise<void> {
  const projectId = 'flow-test-project'; // one project per test suite: suites never meet
  const credentials = { token: 'any-token' }; // the mock checks presence, not the token
  const hss = createHssClient({ baseUrl: urls.hss, projectId, credentials });
  const secmaster = createSecMasterClient({ baseUrl: urls.secmaster, projectId, credentials });
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

  // An unpaid order adds nothing until the Billing Center (here: the control API) is paid.
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
  await control('POST', `orders/${order_id}/pay`);

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
