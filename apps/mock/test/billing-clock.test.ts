// The billing clock over HTTP (`/_hwsec/clock`): moved forward, it completes paid orders and ends
// bought periods without waiting, while signatures keep being judged against real time. Orders
// process for an hour here, so only the clock can complete one during the test.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createControlClient,
  startMock,
  type ControlClient,
  type RunningMock,
} from '../src/index.js';
import type { CreateQuotasOrderRequestInfo } from '@hwsec/hss';
import { exampleBody } from './example-bodies.js';
import { freePorts, PROJECT_ID, signedFetch } from './helpers.js';
import {
  billing,
  clients,
  expectValidAnswer,
  expectValidControl,
  newProjectId,
  startStatefulMock,
} from './stateful-helpers.js';
import { newStateFile, sealsHold } from './state-file-fixtures.js';

const HOUR = 3600;
const DAY = 24 * HOUR;
/** The spec's monthly example, as basic quotas (the version the test counts), paid or not. */
const basicQuotas = (is_auto_pay: boolean) =>
  exampleBody<CreateQuotasOrderRequestInfo>('hss', 'CreateQuotasOrder', {
    resource_spec_code: 'hss.version.basic',
    subscription_num: 2,
    is_auto_pay,
  });

/** Places an HSS order and pays it through BSS PayOrders; its id. */
async function paidOrder(mock: RunningMock, projectId: string): Promise<string> {
  const { data } = await clients(mock.urls, projectId).hss.createQuotasOrder({
    body: basicQuotas(false),
  });
  const orderId = data!.order_id!;
  expect((await billing(mock.urls).pay(orderId)).status).toBe(204);
  return orderId;
}

const statusOf = async (mock: RunningMock, orderId: string) =>
  ((await billing(mock.urls).details(orderId)).body as { order_info: { status: number } })
    .order_info.status;

describe('the billing clock', () => {
  let mock: RunningMock;
  let control: ControlClient;
  beforeAll(async () => {
    mock = await startStatefulMock({ verifySignatures: true, orderProcessingMs: HOUR * 1000 });
    control = createControlClient({ baseUrl: mock.urls.hss! });
  });
  afterAll(() => mock.close());
  // The clock is one for the whole mock: each test starts from real time.
  beforeEach(() => control.resetAllState());

  it('shows real time at first, then the sum of the advances, ahead of real time', async () => {
    const fresh = await control.showClock();
    expectValidControl('#/components/schemas/Clock', fresh);
    expect(fresh.offset_seconds).toBe(0);
    expect(Math.abs(Date.parse(fresh.now) - Date.now())).toBeLessThan(5000);

    const advanced = await control.advanceClock({ advance_seconds: DAY });
    expectValidControl('#/components/schemas/Clock', advanced);
    expect((await control.advanceClock({ advance_seconds: HOUR })).offset_seconds).toBe(DAY + HOUR);
    const shown = await control.showClock();
    expect(shown.offset_seconds).toBe(DAY + HOUR);
    expect(Math.abs(Date.parse(shown.now) - (Date.now() + (DAY + HOUR) * 1000))).toBeLessThan(5000);
  });

  it('a paid order goes from processing (3) to completed (5) when the clock passes its processing time', async () => {
    const orderId = await paidOrder(mock, newProjectId());
    expect(await statusOf(mock, orderId)).toBe(3);
    await control.advanceClock({ advance_seconds: HOUR - 60 });
    expect(await statusOf(mock, orderId)).toBe(3);
    await control.advanceClock({ advance_seconds: 60 });
    expect(await statusOf(mock, orderId)).toBe(5);
  });

  it('a bought month ends when the clock passes it: quotas no longer counted, resources expired', async () => {
    const projectId = newProjectId();
    const { hss } = clients(mock.urls, projectId);
    const { data: order } = await hss.createQuotasOrder({ body: basicQuotas(true) });
    const counted = async () =>
      (await hss.showResourceQuotas({ params: { query: { version: 'hss.version.basic' } } })).data
        ?.data_list?.[0]?.total_num ?? 0;
    const resources = async () => {
      const { status, body } = await billing(mock.urls).resources({ order_id: order!.order_id });
      expectValidAnswer('bss', 'ListPayPerUseCustomerResources', status, body);
      return (body as { data: Array<{ status: number }> }).data.map((r) => r.status);
    };
    // Past the processing hour, well inside the month (no month is shorter than 28 days).
    await control.advanceClock({ advance_seconds: 27 * DAY });
    expect(await counted()).toBe(2);
    expect(await resources()).toEqual([2, 2]); // in use
    // Past any month's end (31 days at most).
    await control.advanceClock({ advance_seconds: 5 * DAY });
    expect(await counted()).toBe(0);
    expect(await resources()).toEqual([5, 5]); // expired
  });

  it('new orders and payments are dated by the moved clock', async () => {
    await control.advanceClock({ advance_seconds: 400 * DAY });
    const orderId = await paidOrder(mock, newProjectId());
    const { body } = await billing(mock.urls).details(orderId);
    const { create_time, payment_time } = (
      body as { order_info: { create_time: string; payment_time: string } }
    ).order_info;
    for (const time of [create_time, payment_time])
      expect(Math.abs(Date.parse(time) - (Date.now() + 400 * DAY * 1000))).toBeLessThan(5000);
  });

  it('signatures keep real time: signed now is accepted, signed at the moved time is expired', async () => {
    const moved = await control.advanceClock({ advance_seconds: 400 * DAY });
    const quotas = `${mock.urls.hss}/v5/${PROJECT_ID}/billing/quotas`;
    expect((await signedFetch(quotas, { method: 'GET' })).status).toBe(200);
    const ahead = await signedFetch(quotas, { method: 'GET', date: new Date(moved.now) });
    expect(ahead.status).toBe(401);
    expect(((await ahead.json()) as { error_msg: string }).error_msg).toContain(
      'signature expired',
    );
  });

  it('a reset of every project puts the clock back; a reset of one project does not', async () => {
    await control.advanceClock({ advance_seconds: DAY });
    await control.resetProjectState(newProjectId());
    expect((await control.showClock()).offset_seconds).toBe(DAY);
    await control.resetAllState();
    expect((await control.showClock()).offset_seconds).toBe(0);
  });

  describe('refusals name advance_seconds and move nothing', () => {
    const post = (body: string) =>
      fetch(`${mock.urls.hss}/_hwsec/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    it.each([
      ['{}', '/advance_seconds (required)'],
      ['{"advance_seconds":0}', '/advance_seconds (minimum)'],
      ['{"advance_seconds":-60}', '/advance_seconds (minimum)'],
      ['{"advance_seconds":1.5}', '/advance_seconds (type)'],
      ['{"advance_seconds":"60"}', '/advance_seconds (type)'],
      ['{"advance_seconds":315576001}', '/advance_seconds (maximum)'],
      ['{"advance_seconds":60,"rewind":true}', '/rewind (additionalProperties)'],
      ['{"advance_seconds":', 'body (json)'],
    ])('%s', async (body, named) => {
      await control.advanceClock({ advance_seconds: 60 });
      const response = await post(body);
      expect(response.status).toBe(400);
      const error = (await response.json()) as { error_code: string; error_msg: string };
      expectValidControl('#/components/schemas/ControlError', error);
      expect(error.error_code).toBe('HWSEC.0400');
      expect(error.error_msg).toContain(`invalid clock advance: ${named}`);
      expect((await control.showClock()).offset_seconds).toBe(60);
    });

    it('a body that is not UTF-8', async () => {
      await control.advanceClock({ advance_seconds: 60 });
      const response = await fetch(`${mock.urls.hss}/_hwsec/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: Buffer.from([0x7b, 0xff, 0x7d]),
      });
      expect(response.status).toBe(400);
      const error = (await response.json()) as { error_msg: string };
      expect(error.error_msg).toBe(
        'invalid clock advance: body (json): the body is not valid UTF-8',
      );
      expect((await control.showClock()).offset_seconds).toBe(60);
    });

    it('an advance that would put the clock more than 100 years ahead', async () => {
      const tenYears = 315_576_000;
      for (let i = 0; i < 10; i++) await control.advanceClock({ advance_seconds: tenYears });
      const response = await post('{"advance_seconds":1}');
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error_msg: string }).error_msg).toBe(
        'invalid clock advance: /advance_seconds (maximum): would put the clock 3155760001 s ahead, past its limit of 3155760000 s (it is 3155760000 s ahead now)',
      );
      const clock = await control.showClock();
      expect(clock.offset_seconds).toBe(10 * tenYears);
      // Every billed time stays a date: a read and an order still answer.
      expect(await paidOrder(mock, newProjectId())).toMatch(/^CS/);
    });

    it('a method the clock does not take', async () => {
      const response = await fetch(`${mock.urls.hss}/_hwsec/clock`, { method: 'PUT' });
      expect(response.status).toBe(405);
      expect(await response.json()).toMatchObject({ error_code: 'HWSEC.0405' });
    });
  });
});

describe('the billing clock with a state file', () => {
  it('its offset is durable and restored, so restored orders keep their timing', async () => {
    const stateFile = newStateFile();
    const start = () => startStatefulMock({ stateFile, orderProcessingMs: HOUR * 1000 });
    let mock = await start();
    const orderId = await paidOrder(mock, newProjectId());
    await createControlClient({ baseUrl: mock.urls.hss! }).advanceClock({ advance_seconds: HOUR });
    expect(await statusOf(mock, orderId)).toBe(5);
    await mock.close();

    mock = await start();
    const control = createControlClient({ baseUrl: mock.urls.hss! });
    expect((await control.showClock()).offset_seconds).toBe(HOUR);
    expect(await statusOf(mock, orderId)).toBe(5); // 3 again if the offset were lost
    await control.resetAllState();
    await mock.close();

    mock = await start();
    expect(
      (await createControlClient({ baseUrl: mock.urls.hss! }).showClock()).offset_seconds,
    ).toBe(0);
    await mock.close();
  });

  it('a file the mock did not write is checked for it, and rewritten with it', async () => {
    const stateFile = newStateFile();
    const header = JSON.stringify({ format: 'hwsec-mock-state', version: 2, counter: 0 });
    const withOffset = (offset: unknown) =>
      writeFileSync(
        stateFile,
        `${header}\n${JSON.stringify({ counter: 0, projects: {}, clock_offset_seconds: offset })}\n`,
      );
    for (const [offset, problem] of [
      [-1, 'line 2: clock_offset_seconds must be a non-negative integer'],
      ['60', 'line 2: clock_offset_seconds must be a non-negative integer'],
      [3_155_760_001, 'clock_offset_seconds 3155760001 is past its limit of 3155760000'],
    ] as const) {
      withOffset(offset);
      await expect(startStatefulMock({ stateFile })).rejects.toThrow(problem);
    }
    withOffset(2 * HOUR);
    for (let start = 0; start < 2; start++) {
      const mock = await startStatefulMock({ stateFile });
      const control = createControlClient({ baseUrl: mock.urls.hss! });
      expect((await control.showClock()).offset_seconds).toBe(2 * HOUR);
      await mock.close();
      // Rewritten sealed at the first start, so the second trusts it.
      expect(sealsHold(stateFile)).toBe(true);
    }
  });
});

describe('the billing clock without --stateful', () => {
  it('is an unknown path, as every stateful control path is', async () => {
    const mock = await startMock({ ports: freePorts(), services: ['hss'] });
    try {
      for (const method of ['GET', 'POST']) {
        const response = await fetch(`${mock.urls.hss}/_hwsec/clock`, {
          method,
          ...(method === 'POST' && { body: '{"advance_seconds":60}' }),
        });
        expect(response.status).toBe(404);
      }
    } finally {
      await mock.close();
    }
  });
});
