// One flow per rule of the stateful mode, through the real clients against the real mock; every
// answer is checked against the spec with the registry's validator.
import type { PeriodOrderRequest } from '@hwsec/dsc';
import type { CreateQuotasOrderRequestInfo } from '@hwsec/hss';
import type { UpdateOrderInfoReq } from '@hwsec/secmaster';
import { exampleBody } from './example-bodies.js';
import { freePorts } from './helpers.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMock } from '../src/index.js';
import { startMock } from '../src/index.js';
import {
  billing,
  clients,
  control,
  expectValidAnswer,
  expectValidControl,
  newProjectId,
  startStatefulMock,
} from './stateful-helpers.js';

/** The spec's monthly example, as 3 basic quotas (the version and count the tests check). */
const basicOrder = exampleBody<CreateQuotasOrderRequestInfo>('hss', 'CreateQuotasOrder', {
  resource_spec_code: 'hss.version.basic',
  subscription_num: 3,
});

/** The spec's reference DSC order: monthly, one base_professional package. */
const dscOrder = exampleBody<PeriodOrderRequest>('dsc', 'CreateProductOrder');

let clock = new Date('2026-03-15T10:00:00.000Z');
let mock: RunningMock;
beforeAll(async () => {
  mock = await startStatefulMock({ now: () => clock });
});
afterAll(() => mock.close());

describe('HSS: CreateQuotasOrder and ShowResourceQuotas', () => {
  it('a fresh project has no quotas', async () => {
    const { hss } = clients(mock.urls, newProjectId());
    const { data, response } = await hss.showResourceQuotas();
    expect(response.status).toBe(200);
    expect(data).toEqual({ data_list: [] });
    expectValidAnswer('hss', 'ShowResourceQuotas', 200, data);
  });

  it('is_auto_pay: paid at once, subscription_num quotas with their own ids, expiry from the period', async () => {
    const projectId = newProjectId();
    const { hss } = clients(mock.urls, projectId);
    const ordered = await hss.createQuotasOrder({ body: { ...basicOrder, is_auto_pay: true } });
    expect(ordered.response.status).toBe(200);
    expectValidAnswer('hss', 'CreateQuotasOrder', 200, ordered.data);
    const { data } = await hss.showResourceQuotas();
    expectValidAnswer('hss', 'ShowResourceQuotas', 200, data);
    expect(data!.data_list).toHaveLength(1);
    const [basic] = data!.data_list!;
    expect(basic).toMatchObject({
      version: 'hss.version.basic',
      total_num: 3,
      used_num: 0,
      available_num: 3,
    });
    const ids = basic!.available_resources_list!.map((r) => r.resource_id);
    expect(new Set(ids).size).toBe(3);
    expect(basic!.available_resources_list![0]!.current_time).toBe('2026-03-15T10:00:00Z');

    const state = await control(mock.urls.hss!).state(projectId);
    expectValidControl('#/components/schemas/ProjectState', state.body);
    expect(state.body.orders).toEqual([
      expect.objectContaining({ order_id: ordered.data!.order_id, status: 'paid' }),
    ]);
    // One month from payment.
    expect(state.body.hss.quotas.map((q: { expires_at: string }) => q.expires_at)).toEqual([
      '2026-04-15T10:00:00.000Z',
      '2026-04-15T10:00:00.000Z',
      '2026-04-15T10:00:00.000Z',
    ]);
  });

  it('a new order_id each time; years count 12 months', async () => {
    const projectId = newProjectId();
    const { hss } = clients(mock.urls, projectId);
    const body = { ...basicOrder, period_type: 3 as const, period_num: 2, is_auto_pay: true };
    const first = await hss.createQuotasOrder({ body });
    const second = await hss.createQuotasOrder({ body });
    expect(first.data!.order_id).not.toBe(second.data!.order_id);
    const state = await control(mock.urls.hss!).state(projectId);
    expect(state.body.hss.quotas[0].expires_at).toBe('2028-03-15T10:00:00.000Z');
    expect((await hss.showResourceQuotas()).data!.data_list![0]!.total_num).toBe(6);
  });

  it('without is_auto_pay the order waits and adds nothing until it is paid; paying twice is refused', async () => {
    const projectId = newProjectId();
    const { hss } = clients(mock.urls, projectId);
    const api = control(mock.urls.hss!);
    const { data: order } = await hss.createQuotasOrder({ body: basicOrder });
    expect((await hss.showResourceQuotas()).data).toEqual({ data_list: [] });
    expect((await api.state(projectId)).body.orders[0].status).toBe('pending');

    const bss = billing(mock.urls);
    const paid = await bss.pay(order!.order_id!);
    expect(paid.status).toBe(204);
    const stored = (await api.state(projectId)).body.orders[0];
    expectValidControl('#/components/schemas/Order', stored);
    expect(stored).toMatchObject({ status: 'paid', paid_at: clock.toISOString() });
    expect((await hss.showResourceQuotas()).data!.data_list![0]!.available_num).toBe(3);

    const before = (await api.state(projectId)).body;
    const again = await bss.pay(order!.order_id!);
    expect(again.status).toBe(400);
    expectValidAnswer('bss', 'PayOrders', 400, again.body);
    expect(again.body.error_code).toBe('CBC.99003106');
    expect(again.body.error_msg).toContain(`order ${order!.order_id} has status 3`);
    expect((await api.state(projectId)).body).toEqual(before);
    expect((await bss.pay('CS0000000000NONE0')).body.error_code).toBe('CBC.30000010');
  });

  it('honours version, charging_mode and enterprise_project_id; used quotas are not available; expired ones not counted', async () => {
    const projectId = newProjectId();
    const api = control(mock.urls.hss!);
    const seeded = await api.seed(projectId, {
      hss: {
        quotas: [
          { resource_id: 'q1', version: 'hss.version.basic' },
          { resource_id: 'q2', version: 'hss.version.basic', used: true },
          { resource_id: 'q3', version: 'hss.version.premium', charging_mode: 'on_demand' },
          { resource_id: 'q4', version: 'hss.version.basic', enterprise_project_id: 'ep-a' },
          {
            resource_id: 'q5',
            version: 'hss.version.basic',
            expires_at: '2026-03-15T09:59:59.000Z',
          },
        ],
      },
    });
    expect(seeded.status).toBe(200);
    const { hss } = clients(mock.urls, projectId);
    const show = async (query: Record<string, string>) => {
      const { data } = await hss.showResourceQuotas({ params: { query } });
      expectValidAnswer('hss', 'ShowResourceQuotas', 200, data);
      return data!.data_list!.map((d) => [d.version, d.total_num, d.used_num, d.available_num]);
    };
    expect(await show({})).toEqual([
      ['hss.version.basic', 2, 1, 1],
      ['hss.version.premium', 1, 0, 1],
    ]);
    expect(await show({ version: 'hss.version.premium' })).toEqual([
      ['hss.version.premium', 1, 0, 1],
    ]);
    expect(await show({ charging_mode: 'packet_cycle' })).toEqual([['hss.version.basic', 2, 1, 1]]);
    expect(await show({ enterprise_project_id: 'ep-a' })).toEqual([['hss.version.basic', 1, 0, 1]]);
    expect(await show({ enterprise_project_id: 'all_granted_eps' })).toEqual([
      ['hss.version.basic', 3, 1, 2],
      ['hss.version.premium', 1, 0, 1],
    ]);
    const { data } = await hss.showResourceQuotas({
      params: { query: { version: 'hss.version.basic' } },
    });
    expect(data!.data_list![0]!.available_resources_list!.map((r) => r.resource_id)).toEqual([
      'q1',
    ]);
  });

  it('an order goes to its enterprise project; one for all_granted_eps is refused in HSS’s shape', async () => {
    const projectId = newProjectId();
    const { hss } = clients(mock.urls, projectId);
    await hss.createQuotasOrder({
      params: { query: { enterprise_project_id: 'ep-b' } },
      body: { ...basicOrder, is_auto_pay: true },
    });
    const inB = await hss.showResourceQuotas({
      params: { query: { enterprise_project_id: 'ep-b' } },
    });
    expect(inB.data!.data_list![0]!.total_num).toBe(3);
    expect((await hss.showResourceQuotas()).data).toEqual({ data_list: [] });

    const refused = await hss.createQuotasOrder({
      params: { query: { enterprise_project_id: 'all_granted_eps' } },
      body: { ...basicOrder, is_auto_pay: true },
    });
    expect(refused.response.status).toBe(400);
    expectValidAnswer('hss', 'CreateQuotasOrder', 400, refused.error);
    expect(refused.error).toMatchObject({ error_code: 'HSS.0001' });
    expect(refused.error!.error_msg).toContain('query.enterprise_project_id');
  });
});

describe('DSC: CreateProductOrder', () => {
  it('records the order; once paid, the instance it buys exists', async () => {
    const projectId = newProjectId();
    const { dsc } = clients(mock.urls, projectId);
    const api = control(mock.urls.dsc!);
    const { data, response } = await dsc.createProductOrder({ body: dscOrder });
    expect(response.status).toBe(200);
    expectValidAnswer('dsc', 'CreateProductOrder', 200, data);
    let state = (await api.state(projectId)).body;
    expect(state.orders[0]).toMatchObject({ order_id: data!.order_id, status: 'pending' });
    expect(state.dsc.instances).toEqual([]);

    expect((await billing(mock.urls).pay(data!.order_id!)).status).toBe(204);
    state = (await api.state(projectId)).body;
    expectValidControl('#/components/schemas/ProjectState', state);
    expect(state.dsc.instances).toEqual([
      expect.objectContaining({
        order_id: data!.order_id,
        expires_at: '2026-04-15T10:00:00.000Z',
        products: [expect.objectContaining({ resource_spec_code: 'base_professional' })],
      }),
    ]);
  });

  it('a pay-per-use order has nothing to pay up front: its instance exists at once', async () => {
    const projectId = newProjectId();
    const { dsc } = clients(mock.urls, projectId);
    const { data } = await dsc.createProductOrder({ body: { ...dscOrder, charging_mode: 1 } });
    const state = (await control(mock.urls.dsc!).state(projectId)).body;
    expect(state.orders[0]).toMatchObject({ order_id: data!.order_id, status: 'paid' });
    expect(state.dsc.instances[0]).toMatchObject({ charging_mode: 1, expires_at: null });
  });

  it('a prepaid order of 0 periods is refused in DSC’s shape and records nothing', async () => {
    const projectId = newProjectId();
    const { dsc } = clients(mock.urls, projectId);
    const { error, response } = await dsc.createProductOrder({
      body: { ...dscOrder, period_num: 0 },
    });
    expect(response.status).toBe(400);
    expectValidAnswer('dsc', 'CreateProductOrder', 400, error);
    expect(error).toMatchObject({ error_code: 'dsc.40000011' });
    expect(error!.error_msg).toContain('body.period_num');
    expect((await control(mock.urls.dsc!).state(projectId)).body.orders).toEqual([]);
  });
});

describe('SecMaster: UpdateSubscriptionOrder', () => {
  const RESOURCE = 'e6d9047a-3478-4867-8c0d-7c4cfed1685b';
  async function seeded(initial: Record<string, unknown>, ecsCount = 0) {
    const projectId = newProjectId();
    const seed = await control(mock.urls.secmaster!).seed(projectId, {
      secmaster: {
        ecs_count: ecsCount,
        subscriptions: [
          {
            resource_id: RESOURCE,
            scene: 'POSTPAID',
            resource_spec_code: 'secmaster.standard',
            resource_size: 5,
            ...initial,
          },
        ],
      },
    });
    expect(seed.status).toBe(200);
    const { secmaster } = clients(mock.urls, projectId);
    const change = async (
      scene: 'PREPAID' | 'POSTPAID',
      operate_type: 'UPGRADE' | 'ADDITION' | 'DECREASE' | 'POSTPAID_2_PREPAID',
      product: { resource_spec_code?: string; resource_size?: number; resource_id?: string },
    ) => {
      const result = await secmaster.updateSubscriptionOrder({
        body: exampleBody<UpdateOrderInfoReq>('secmaster', 'UpdateSubscriptionOrder', {
          scene,
          operate_type,
          product_list: [
            { resource_id: RESOURCE, resource_spec_code: 'secmaster.standard', ...product },
          ],
        }),
      });
      const status = result.response.status;
      expectValidAnswer(
        'secmaster',
        'UpdateSubscriptionOrder',
        status,
        result.data ?? result.error,
      );
      return { status, data: result.data, error: result.error };
    };
    const subscription = async () =>
      (await control(mock.urls.secmaster!).state(projectId)).body.secmaster.subscriptions[0];
    return { projectId, change, subscription };
  }

  it('UPGRADE only to a higher spec', async () => {
    const { change, subscription } = await seeded({});
    const lower = await change('POSTPAID', 'UPGRADE', { resource_spec_code: 'secmaster.basic' });
    expect(lower.status).toBe(400);
    expect(lower.error).toMatchObject({ error_code: 'SecMaster.00010001' });
    expect(lower.error!.error_msg).toContain('UPGRADE only to a higher spec');
    expect(lower.error!.error_msg).toContain('current resource_spec_code secmaster.standard');
    const same = await change('POSTPAID', 'UPGRADE', {});
    expect(same.status).toBe(400);
    expect((await subscription()).resource_spec_code).toBe('secmaster.standard');

    const up = await change('POSTPAID', 'UPGRADE', {
      resource_spec_code: 'secmaster.professional',
    });
    expect(up).toMatchObject({ status: 200, data: { order_status: 1 } });
    expect(up.data).not.toHaveProperty('order_id');
    expect((await subscription()).resource_spec_code).toBe('secmaster.professional');
  });

  it('ADDITION must raise resource_size', async () => {
    const { change, subscription } = await seeded({});
    const same = await change('POSTPAID', 'ADDITION', { resource_size: 5 });
    expect(same.status).toBe(400);
    expect(same.error!.error_msg).toContain('ADDITION must raise resource_size');
    expect(same.error!.error_msg).toContain('current resource_size 5');
    expect((await change('POSTPAID', 'ADDITION', {})).status).toBe(400);
    expect((await change('POSTPAID', 'ADDITION', { resource_size: 8 })).status).toBe(200);
    expect((await subscription()).resource_size).toBe(8);
  });

  it('DECREASE must lower resource_size, and not below the ECS count', async () => {
    const { change, subscription } = await seeded({}, 3);
    const higher = await change('POSTPAID', 'DECREASE', { resource_size: 6 });
    expect(higher.error!.error_msg).toContain('DECREASE must lower resource_size');
    const belowEcs = await change('POSTPAID', 'DECREASE', { resource_size: 2 });
    expect(belowEcs.status).toBe(400);
    expect(belowEcs.error!.error_msg).toContain('not below the ECS count');
    expect(belowEcs.error!.error_msg).toContain('the project has 3 ECS');
    expect((await subscription()).resource_size).toBe(5);
    expect((await change('POSTPAID', 'DECREASE', { resource_size: 3 })).status).toBe(200);
    expect((await subscription()).resource_size).toBe(3);
  });

  it('POSTPAID_2_PREPAID only from POSTPAID; order_id only for PREPAID', async () => {
    const prepaid = await seeded({ scene: 'PREPAID' });
    const refused = await prepaid.change('PREPAID', 'POSTPAID_2_PREPAID', {});
    expect(refused.status).toBe(400);
    expect(refused.error!.error_msg).toContain('POSTPAID_2_PREPAID only from POSTPAID');
    expect(refused.error!.error_msg).toContain('current scene PREPAID');

    const postpaid = await seeded({});
    const converted = await postpaid.change('POSTPAID', 'POSTPAID_2_PREPAID', {});
    expect(converted).toMatchObject({ status: 200, data: { order_status: 1 } });
    expect(converted.data).not.toHaveProperty('order_id');
    expect((await postpaid.subscription()).scene).toBe('PREPAID');
    const wrongScene = await postpaid.change('POSTPAID', 'ADDITION', { resource_size: 9 });
    expect(wrongScene.error!.error_msg).toContain('current scene PREPAID');

    const added = await postpaid.change('PREPAID', 'ADDITION', { resource_size: 9 });
    expect(added).toMatchObject({ status: 200, data: { order_status: 1 } });
    expect(added.data!.order_id).toMatch(/^CS\d{10}[A-Z]{5}$/);
    const state = (await control(mock.urls.secmaster!).state(postpaid.projectId)).body;
    expect(state.orders).toEqual([
      expect.objectContaining({ order_id: added.data!.order_id, status: 'paid' }),
    ]);
  });

  it('a resource_id the project does not have: 404 in SecMaster’s shape, nothing changed', async () => {
    const { change, subscription } = await seeded({});
    const missing = await change('POSTPAID', 'ADDITION', {
      resource_id: '00000000-0000-4000-8000-000000000000',
      resource_size: 9,
    });
    expect(missing.status).toBe(404);
    expect(missing.error).toMatchObject({ error_code: 'SecMaster.00040001' });
    expect(missing.error!.error_msg).toContain('00000000-0000-4000-8000-000000000000');
    expect((await subscription()).resource_size).toBe(5);
  });
});

describe('only a valid request reaches the simulation', () => {
  it('an invalid order (Prism’s 400) changes nothing; a Prefer gets the documented answer and changes nothing', async () => {
    const projectId = newProjectId();
    const api = control(mock.urls.hss!);
    const url = `${mock.urls.hss}/v5/${projectId}/quotas/orders`;
    const headers = { 'x-auth-token': 't', 'content-type': 'application/json' };
    const invalid = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ ...basicOrder, subscription_num: 0, is_auto_pay: true }),
    });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error_code: string }).error_code).toBe('HSS.0001');
    const unauthorized = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...basicOrder, is_auto_pay: true }),
    });
    expect(unauthorized.status).toBe(401);
    const preferred = await fetch(url, {
      method: 'POST',
      headers: { ...headers, prefer: 'code=200' },
      body: JSON.stringify({ ...basicOrder, is_auto_pay: true }),
    });
    expect(await preferred.json()).toEqual({ order_id: 'CS2404171642AAAAA' });
    expect((await api.state(projectId)).body).toEqual({
      hss: { quotas: [] },
      dsc: { instances: [] },
      secmaster: { ecs_count: 0, subscriptions: [] },
      orders: [],
    });
  });
});

describe('control API', () => {
  it('seeds only a valid state, resets one project or all', async () => {
    const a = newProjectId();
    const b = newProjectId();
    const api = control(mock.urls.dsc!);
    const bad = await api.seed(a, { secmaster: { ecs_count: -1 } });
    expect(bad.status).toBe(400);
    expectValidControl('#/components/schemas/ControlError', bad.body);
    expect(bad.body.error_msg).toContain('/secmaster/ecs_count (minimum)');
    const extra = await api.seed(a, {
      hss: { quotas: [{ resource_id: 'x', version: 'hss.version.basic', colour: 1 }] },
    });
    expect(extra.body.error_msg).toContain('colour');
    const twice = await api.seed(a, {
      hss: {
        quotas: [
          { resource_id: 'x', version: 'hss.version.basic' },
          { resource_id: 'x', version: 'hss.version.basic' },
        ],
      },
    });
    expect(twice.body.error_msg).toContain('x appears twice');
    expect((await api.call('PUT', `state/${a}`, '{not json')).status).toBe(400);
    expect((await api.state(a)).body.secmaster.ecs_count).toBe(0);

    await api.seed(a, { secmaster: { ecs_count: 4 } });
    await api.seed(b, { secmaster: { ecs_count: 5 } });
    expect((await api.reset(a)).status).toBe(204);
    expect((await api.state(a)).body.secmaster.ecs_count).toBe(0);
    expect((await api.state(b)).body.secmaster.ecs_count).toBe(5);
    expect((await api.reset()).status).toBe(204);
    expect((await api.state(b)).body.secmaster.ecs_count).toBe(0);
  });

  it('an order id may belong to one project only; unknown control paths and methods are refused', async () => {
    const api = control(mock.urls.hss!);
    const order = {
      order_id: 'CS1111111111SEEDA',
      status: 'pending',
      purchase: {
        operation: 'CreateQuotasOrder',
        resource_spec_code: 'hss.version.wtp',
        period_type: 2,
        period_num: 1,
        subscription_num: 1,
      },
    };
    const a = newProjectId();
    expect((await api.seed(a, { orders: [order] })).status).toBe(200);
    expect((await api.seed(newProjectId(), { orders: [order] })).status).toBe(409);
    expect((await billing(mock.urls).pay('CS1111111111SEEDA')).status).toBe(204);
    const { hss } = clients(mock.urls, a);
    expect((await hss.showResourceQuotas()).data!.data_list![0]!.version).toBe('hss.version.wtp');
    expect((await api.call('GET', 'nothing')).status).toBe(404);
    expect((await api.call('POST', `state/${a}`)).status).toBe(405);
  });
});

describe('without --stateful', () => {
  it('the control API is an unknown path (the gateway’s 404) and answers are the examples', async () => {
    const stateless = await startMock({ ports: freePorts() });
    try {
      const response = await fetch(`${stateless.urls.hss}/_hwsec/state/abc`);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error_code: 'APIG.0101' });
      const { hss } = clients(stateless.urls, newProjectId());
      const { data } = await hss.showResourceQuotas();
      expect(data!.data_list![0]!.total_num).toBe(2); // the documented example
    } finally {
      await stateless.close();
    }
  });
});
