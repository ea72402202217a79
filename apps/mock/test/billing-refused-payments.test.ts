// A payment BSS refuses changes nothing: an unknown order, an order not pending payment (paid,
// cancelled) and a balance below the amount each get 400 with BSS's own code (from the spec's
// examples), and the account, the order and what it would buy are as they were. Bad control input
// for the account gets 400, never a 5xx, and changes nothing either.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateQuotasOrderRequestInfo } from '@hwsec/hss';
import type { RunningMock } from '../src/index.js';
import { exampleBody } from './example-bodies.js';
import {
  billing,
  clients,
  control,
  expectValidAnswer,
  newProjectId,
  startStatefulMock,
} from './stateful-helpers.js';

/** The spec's monthly example for 4 quotas, so a quota bought twice would show as 8. */
const order = exampleBody<CreateQuotasOrderRequestInfo>('hss', 'CreateQuotasOrder', {
  subscription_num: 4,
});
/** The same order as a seeded record holds it: whether it is paid is its status. */
const { is_auto_pay: _autoPay, ...purchase } = order;

let mock: RunningMock;
beforeAll(async () => {
  mock = await startStatefulMock();
});
afterAll(() => mock.close());

/** Everything a payment could change: the account and the project's state. */
async function snapshot(projectId: string) {
  const api = control(mock.urls.hss!);
  return { account: (await api.account()).body, project: (await api.state(projectId)).body };
}

async function expectRefused(orderId: string, code: string, projectId: string) {
  const before = await snapshot(projectId);
  const refused = await billing(mock.urls).pay(orderId);
  expect(refused.status).toBe(400);
  expectValidAnswer('bss', 'PayOrders', 400, refused.body);
  expect(refused.body.error_code).toBe(code);
  expect(await snapshot(projectId)).toEqual(before);
  return refused.body.error_msg as string;
}

describe('PayOrders refusals', () => {
  it('an order the account does not have: CBC.30000010', async () => {
    const message = await expectRefused('CS0000000000NONEA', 'CBC.30000010', newProjectId());
    expect(message).toContain('no order CS0000000000NONEA');
  });

  it('an order paid already: CBC.99003106, its quotas not bought twice', async () => {
    const projectId = newProjectId();
    const { hss } = clients(mock.urls, projectId);
    const { data } = await hss.createQuotasOrder({ body: order });
    expect((await billing(mock.urls).pay(data!.order_id!)).status).toBe(204);
    await expectRefused(data!.order_id!, 'CBC.99003106', projectId);
    expect((await hss.showResourceQuotas()).data!.data_list![0]!.total_num).toBe(4);
  });

  it('a cancelled order (seeded): CBC.99003106', async () => {
    const projectId = newProjectId();
    const seeded = await control(mock.urls.hss!).seed(projectId, {
      orders: [
        {
          order_id: 'CS2222222222CANCL',
          status: 'cancelled',
          purchase: { operation: 'CreateQuotasOrder', ...purchase },
        },
      ],
    });
    expect(seeded.status).toBe(200);
    const message = await expectRefused('CS2222222222CANCL', 'CBC.99003106', projectId);
    expect(message).toContain('has status 4');
    const { body } = await billing(mock.urls).details('CS2222222222CANCL');
    expect(body.order_info.status).toBe(4);
  });

  it('a balance below the amount: CBC.99005003; once it is enough, the same order is paid', async () => {
    const projectId = newProjectId();
    const { hss } = clients(mock.urls, projectId);
    const { data } = await hss.createQuotasOrder({ body: order });
    const orderId = data!.order_id!;
    const amount = (await billing(mock.urls).details(orderId)).body.order_info
      .amount_after_discount as number;
    const api = control(mock.urls.hss!);
    expect((await api.updateAccount({ balance: amount - 0.01 })).status).toBe(200);
    const message = await expectRefused(orderId, 'CBC.99005003', projectId);
    expect(message).toContain(`costs ${amount}`);
    expect((await hss.showResourceQuotas()).data).toEqual({ data_list: [] });

    expect((await api.updateAccount({ balance: amount })).status).toBe(200);
    expect((await billing(mock.urls).pay(orderId)).status).toBe(204);
    expect((await api.account()).body.balance).toBe(0);
    expect((await hss.showResourceQuotas()).data!.data_list![0]!.total_num).toBe(4);
  });

  it('an automatic payment the balance does not cover leaves the order waiting (6), buying nothing', async () => {
    const projectId = newProjectId();
    const { hss } = clients(mock.urls, projectId);
    expect((await control(mock.urls.hss!).updateAccount({ balance: 0 })).status).toBe(200);
    const { data } = await hss.createQuotasOrder({ body: { ...order, is_auto_pay: true } });
    expect((await billing(mock.urls).details(data!.order_id!)).body.order_info.status).toBe(6);
    expect((await hss.showResourceQuotas()).data).toEqual({ data_list: [] });
  });
});

describe('the control API’s account', () => {
  it('bad input is a 400 naming the rule, never a 5xx, and changes nothing', async () => {
    const api = control(mock.urls.hss!);
    const before = (await api.account()).body;
    const cases: Array<[unknown, string]> = [
      ['{"balance":', 'body (json)'],
      [{ balance: -1 }, '/balance (minimum)'],
      [{ balance: '5' }, '/balance (type)'],
      [{}, 'minProperties'],
      [{ domain_id: 'x' }, 'domain_id (additionalProperties)'],
      [
        {
          projects: [
            { id: 'a', name: 'cn-north-4' },
            { id: 'b', name: 'cn-north-4' },
          ],
        },
        '/projects name (unique)',
      ],
      [{ projects: [{ id: '', name: 'x' }] }, '/projects/0/id (minLength)'],
    ];
    for (const [body, problem] of cases) {
      const answer = await api.updateAccount(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error_code).toBe('HWSEC.0400');
      expect(answer.body.error_msg).toContain(problem);
    }
    expect((await api.call('DELETE', 'account')).status).toBe(405);
    expect((await api.account()).body).toEqual(before);
  });
});
