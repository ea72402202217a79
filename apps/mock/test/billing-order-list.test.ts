// BSS ListCustomerOrders over every order of the account (whichever project it was placed in):
// each filter, the one-year rule of the creation-time window, order_by both ways, paging and
// total_count. Orders in every status are seeded through the control API with known times.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningMock } from '../src/index.js';
import { billing, control, expectValidAnswer, startStatefulMock } from './stateful-helpers.js';

const clock = new Date('2026-06-01T12:00:00.000Z');
const quotas = {
  operation: 'CreateQuotasOrder',
  resource_spec_code: 'hss.version.basic',
  period_type: 2,
  period_num: 1,
  subscription_num: 1,
};
const instance = {
  operation: 'CreateProductOrder',
  charging_mode: 0,
  period_type: 2,
  period_num: 1,
  products: [{ resource_spec_code: 'base_standard', resource_type: 'hws.resource.type.dsc.base' }],
};
const change = {
  operation: 'UpdateSubscriptionOrder',
  operate_type: 'UPGRADE',
  resource_ids: ['sub-1'],
};

/** [id, project, status as stored, created_at, purchase, completes_at?] */
const ORDERS = [
  ['CS0000000001HSSAA', 'list-a', 'pending', '2026-01-10T00:00:00.000Z', quotas],
  ['CS0000000002DSCAA', 'list-a', 'paid', '2026-02-10T00:00:00.000Z', instance],
  // Paid, still processing: it completes a second after the test's clock.
  [
    'CS0000000003HSSBB',
    'list-b',
    'paid',
    '2026-03-10T00:00:00.000Z',
    quotas,
    '2026-06-01T12:00:01.000Z',
  ],
  ['CS0000000004SECAA', 'list-b', 'paid', '2026-04-10T00:00:00.000Z', change],
  ['CS0000000005HSSCC', 'list-b', 'cancelled', '2025-05-10T00:00:00.000Z', quotas],
] as const;

let mock: RunningMock;
beforeAll(async () => {
  mock = await startStatefulMock({ now: () => clock });
  const api = control(mock.urls.hss!);
  for (const project of ['list-a', 'list-b']) {
    const orders = ORDERS.filter((o) => o[1] === project).map(
      ([order_id, , status, created_at, purchase, completes_at]) => ({
        order_id,
        status,
        created_at,
        ...(status === 'paid' && { paid_at: created_at }),
        ...(completes_at !== undefined && { completes_at }),
        purchase,
      }),
    );
    expect((await api.seed(project, { orders })).status).toBe(200);
  }
});
afterAll(() => mock.close());

async function list(query: Record<string, string | number>) {
  const answer = await billing(mock.urls).list(query);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  expectValidAnswer('bss', 'ListCustomerOrders', 200, answer.body);
  return answer.body as {
    total_count: number;
    order_infos: Array<{ order_id: string; status: number }>;
  };
}
const ids = (page: { order_infos: Array<{ order_id: string }> }) =>
  page.order_infos.map((o) => o.order_id);

describe('ListCustomerOrders', () => {
  it('lists the account’s orders of every project, each status as BSS numbers it', async () => {
    const all = await list({ limit: 100 });
    expect(all.total_count).toBe(5);
    expect(Object.fromEntries(all.order_infos.map((o) => [o.order_id, o.status]))).toEqual({
      CS0000000001HSSAA: 6,
      CS0000000002DSCAA: 5,
      CS0000000003HSSBB: 3,
      CS0000000004SECAA: 5,
      CS0000000005HSSCC: 4,
    });
  });

  it('filters by status, service_type_code (any case), order_type and order_id (any case)', async () => {
    expect(ids(await list({ status: 6 }))).toEqual(['CS0000000001HSSAA']);
    expect(ids(await list({ status: 3 }))).toEqual(['CS0000000003HSSBB']);
    expect(ids(await list({ status: 4 }))).toEqual(['CS0000000005HSSCC']);
    expect((await list({ status: 5 })).total_count).toBe(2);
    expect((await list({ status: 1 })).total_count).toBe(0);
    expect((await list({ service_type_code: 'HWS.SERVICE.TYPE.HSS' })).total_count).toBe(3);
    expect(ids(await list({ service_type_code: 'hws.service.type.sdg' }))).toEqual([
      'CS0000000002DSCAA',
    ]);
    expect(ids(await list({ order_type: '3' }))).toEqual(['CS0000000004SECAA']);
    expect((await list({ order_type: '1' })).total_count).toBe(4);
    expect(ids(await list({ order_id: 'cs0000000002dscaa' }))).toEqual(['CS0000000002DSCAA']);
    expect(ids(await list({ status: 6, service_type_code: 'hws.service.type.sdg' }))).toEqual([]);
  });

  it('filters by creation time, both ends included; a window longer than a year is refused', async () => {
    expect(
      ids(
        await list({
          create_time_begin: '2026-02-10T00:00:00Z',
          create_time_end: '2026-04-10T00:00:00Z',
          order_by: 'createTime',
        }),
      ),
    ).toEqual(['CS0000000002DSCAA', 'CS0000000003HSSBB', 'CS0000000004SECAA']);
    expect((await list({ create_time_begin: '2026-03-01T00:00:00Z' })).total_count).toBe(2);
    expect((await list({ create_time_end: '2025-12-31T23:59:59Z' })).total_count).toBe(1);
    const yearExactly = await list({
      create_time_begin: '2025-05-10T00:00:00Z',
      create_time_end: '2026-05-10T00:00:00Z',
    });
    expect(yearExactly.total_count).toBe(5);

    const tooLong = await billing(mock.urls).list({
      create_time_begin: '2025-05-10T00:00:00Z',
      create_time_end: '2026-05-10T00:00:01Z',
    });
    expect(tooLong.status).toBe(400);
    expectValidAnswer('bss', 'ListCustomerOrders', 400, tooLong.body);
    expect(tooLong.body.error_code).toBe('CBC.0100');
    expect(tooLong.body.error_msg).toContain('create_time_end (at most one year after');
  });

  it('sorts by createTime either way and pages with offset/limit; total_count counts every match', async () => {
    const oldest = [
      'CS0000000005HSSCC',
      'CS0000000001HSSAA',
      'CS0000000002DSCAA',
      'CS0000000003HSSBB',
      'CS0000000004SECAA',
    ];
    expect(ids(await list({ order_by: 'createTime' }))).toEqual(oldest);
    expect(ids(await list({ order_by: '-createTime' }))).toEqual([...oldest].reverse());
    const page = await list({ order_by: 'createTime', offset: 1, limit: 2 });
    expect(page.total_count).toBe(5);
    expect(ids(page)).toEqual(oldest.slice(1, 3));
    expect(ids(await list({ order_by: 'createTime', offset: 4, limit: 2 }))).toEqual(
      oldest.slice(4),
    );
    expect((await list({ offset: 5 })).order_infos).toEqual([]);
  });

  it('a limit beyond 1–100 is Prism’s 400 in BSS’s shape, not a simulated answer', async () => {
    const refused = await billing(mock.urls).list({ limit: 101 });
    expect(refused.status).toBe(400);
    expect(refused.body.error_code).toMatch(/^CBC\./);
  });
});
