// Many clients at once: no lost update, no cross-talk between projects, and ids that repeat run
// to run with --seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateQuotasOrderRequestInfo } from '@hwsec/hss';
import type { RunningMock } from '../src/index.js';
import { exampleBody } from './example-bodies.js';
import { billing, clients, control, newProjectId, startStatefulMock } from './stateful-helpers.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startStatefulMock();
});
afterAll(() => mock.close());

/** The spec's monthly enterprise example for `subscription_num` quotas, paid at once. */
const order = (subscription_num: number) =>
  exampleBody<CreateQuotasOrderRequestInfo>('hss', 'CreateQuotasOrder', {
    subscription_num,
    is_auto_pay: true,
  });

describe('concurrency', () => {
  it('N concurrent orders on one project add exactly their sum, each with its own ids', async () => {
    const projectId = newProjectId();
    const { hss } = clients(mock.urls, projectId);
    const sizes = Array.from({ length: 40 }, (_, i) => (i % 7) + 1);
    const results = await Promise.all(sizes.map((n) => hss.createQuotasOrder({ body: order(n) })));
    expect(results.map((r) => r.response.status)).toEqual(sizes.map(() => 200));
    expect(new Set(results.map((r) => r.data!.order_id)).size).toBe(sizes.length);
    const sum = sizes.reduce((a, b) => a + b, 0);
    const { data } = await hss.showResourceQuotas();
    expect(data!.data_list).toEqual([
      expect.objectContaining({
        version: 'hss.version.enterprise',
        total_num: sum,
        available_num: sum,
      }),
    ]);
    const state = (await control(mock.urls.hss!).state(projectId)).body;
    expect(new Set(state.hss.quotas.map((q: { resource_id: string }) => q.resource_id)).size).toBe(
      sum,
    );
  });

  it('concurrent payments of one order: exactly one succeeds, the others are refused', async () => {
    const projectId = newProjectId();
    const { hss } = clients(mock.urls, projectId);
    const { data } = await hss.createQuotasOrder({ body: { ...order(2), is_auto_pay: false } });
    const bss = billing(mock.urls);
    const payments = await Promise.all(Array.from({ length: 10 }, () => bss.pay(data!.order_id!)));
    expect(payments.map((p) => p.status).sort()).toEqual([204, ...Array(9).fill(400)]);
    const codes = payments.flatMap((p) => (p.body ? [p.body.error_code] : []));
    expect(new Set(codes)).toEqual(new Set(['CBC.99003106']));
    expect((await hss.showResourceQuotas()).data!.data_list![0]!.total_num).toBe(2);
  });

  it('parallel suites on different projects never see each other', async () => {
    const ids = Array.from({ length: 8 }, () => newProjectId());
    await Promise.all(
      ids.map(async (projectId, index) => {
        const { hss, secmaster } = clients(mock.urls, projectId);
        await control(mock.urls.secmaster!).seed(projectId, {
          secmaster: {
            subscriptions: [
              {
                resource_id: 'same-id',
                scene: 'POSTPAID',
                resource_spec_code: 'secmaster.basic',
                resource_size: 1,
              },
            ],
          },
        });
        for (let i = 0; i <= index; i++) await hss.createQuotasOrder({ body: order(1) });
        await secmaster.updateSubscriptionOrder({
          body: {
            scene: 'POSTPAID',
            operate_type: 'ADDITION',
            product_list: [
              {
                resource_id: 'same-id',
                resource_spec_code: 'secmaster.basic',
                resource_size: 10 + index,
              },
            ],
          },
        });
      }),
    );
    for (const [index, projectId] of ids.entries()) {
      const { hss } = clients(mock.urls, projectId);
      expect((await hss.showResourceQuotas()).data!.data_list![0]!.total_num).toBe(index + 1);
      const state = (await control(mock.urls.hss!).state(projectId)).body;
      expect(state.secmaster.subscriptions[0].resource_size).toBe(10 + index);
      expect(state.orders).toHaveLength(index + 1);
    }
  });
});

describe('--seed', () => {
  async function run(seed: string): Promise<string[]> {
    const once = await startStatefulMock({ seed });
    try {
      const projectId = 'fixed-project';
      const { hss } = clients(once.urls, projectId);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++)
        ids.push((await hss.createQuotasOrder({ body: order(2) })).data!.order_id!);
      const { data } = await hss.showResourceQuotas();
      ids.push(...data!.data_list![0]!.available_resources_list!.map((r) => r.resource_id!));
      const state = (await control(once.urls.dsc!).state(projectId)).body;
      ids.push(...state.hss.quotas.map((q: { resource_id: string }) => q.resource_id));
      return ids;
    } finally {
      await once.close();
    }
  }

  it('makes order and resource ids repeat run to run; another seed gives others', async () => {
    const first = await run('same');
    expect(await run('same')).toEqual(first);
    const other = await run('other');
    expect(other.filter((id) => first.includes(id))).toEqual([]);
  });
});
