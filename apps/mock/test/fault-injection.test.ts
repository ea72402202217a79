// Faults armed through the control API (`/_hwsec/faults`), against the real mock process with
// real sockets and our real clients: a fault before an order leaves nothing placed, a fault
// after it leaves exactly one order, and either way the client's error says truthfully that the
// order may have been placed. Then arming itself: count, disarm, project scope, reset, bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HwsecApiError,
  HwsecError,
  HwsecNetworkError,
  HwsecTimeoutError,
  unwrap,
} from '@hwsec/core';
import { createDscClient, type PeriodOrderRequest } from '@hwsec/dsc';
import { createHssClient, type CreateQuotasOrderRequestInfo } from '@hwsec/hss';
import { createSecMasterClient, type UpdateOrderInfoReq } from '@hwsec/secmaster';
import { ControlApiError, createControlClient, startMock } from '../src/index.js';
import { exampleBody } from './example-bodies.js';
import { freePorts } from './helpers.js';
import { startMockProcess, type MockProcess } from './mock-process.js';
import { control, expectValidControl, newProjectId } from './stateful-helpers.js';

const credentials = { token: 'test-token' };
const SUBSCRIPTION = 'e6d9047a-3478-4867-8c0d-7c4cfed1685b';

/** One order operation: what to seed first, and how our client places the order. */
interface OrderCase {
  readonly service: 'hss' | 'dsc' | 'secmaster';
  readonly operationId: string;
  readonly prepare?: (projectId: string) => Promise<void>;
  readonly place: (projectId: string, timeoutMs?: number) => Promise<unknown>;
}

let mock: MockProcess;
beforeAll(async () => {
  mock = await startMockProcess(['--stateful', '--seed', 'faults']);
});
afterAll(() => mock.stop());

const controlOf = () => control(mock.urls['hss']!);
const arm = (body: unknown) => controlOf().call('POST', 'faults', body);
const typed = () => createControlClient({ baseUrl: mock.urls['hss']! });
const listFaults = async () => ({ faults: await typed().listFaults() });
const ordersOf = async (projectId: string) =>
  ((await controlOf().state(projectId)).body as { orders: Array<{ order_id: string }> }).orders;

// What is bought does not matter to a fault: each order is its spec's first example as it is.
const hssOrderBody = exampleBody<CreateQuotasOrderRequestInfo>('hss', 'CreateQuotasOrder');
const dscOrderBody = exampleBody<PeriodOrderRequest>('dsc', 'CreateProductOrder');

/** Our client of `service` on the mock, for `projectId`, with the case's timeout. */
const clientOptions = (service: OrderCase['service'], projectId: string, timeoutMs?: number) => ({
  baseUrl: mock.urls[service]!,
  projectId,
  credentials,
  timeoutMs,
});

const ORDERS: readonly OrderCase[] = [
  {
    service: 'hss',
    operationId: 'CreateQuotasOrder',
    place: async (projectId, timeoutMs) =>
      unwrap(
        await createHssClient(clientOptions('hss', projectId, timeoutMs)).createQuotasOrder({
          body: hssOrderBody,
        }),
      ),
  },
  {
    service: 'dsc',
    operationId: 'CreateProductOrder',
    place: async (projectId, timeoutMs) =>
      unwrap(
        await createDscClient(clientOptions('dsc', projectId, timeoutMs)).createProductOrder({
          body: dscOrderBody,
        }),
      ),
  },
  {
    service: 'secmaster',
    operationId: 'UpdateSubscriptionOrder',
    prepare: async (projectId) => {
      const seeded = await controlOf().seed(projectId, {
        secmaster: {
          ecs_count: 0,
          subscriptions: [
            {
              resource_id: SUBSCRIPTION,
              scene: 'PREPAID',
              resource_spec_code: 'secmaster.standard',
              resource_size: 5,
            },
          ],
        },
      });
      expect(seeded.status).toBe(200);
    },
    place: async (projectId, timeoutMs) =>
      unwrap(
        await createSecMasterClient(
          clientOptions('secmaster', projectId, timeoutMs),
        ).updateSubscriptionOrder({
          // The spec's ADDITION example, on the seeded PREPAID subscription: 5 raised to 9.
          body: exampleBody<UpdateOrderInfoReq>(
            'secmaster',
            'UpdateSubscriptionOrder',
            {
              scene: 'PREPAID',
              product_list: [
                {
                  resource_id: SUBSCRIPTION,
                  resource_spec_code: 'secmaster.standard',
                  resource_size: 9,
                },
              ],
            },
            'postpaidAddition',
          ),
        }),
      ),
  },
];

/** The error a call ended with (it must end with one). */
async function failureOf(call: Promise<unknown>): Promise<HwsecError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HwsecError);
  return error as HwsecError;
}

describe.each(ORDERS)('$service $operationId', ({ service, operationId, prepare, place }) => {
  async function armed(
    projectId: string,
    when: 'before' | 'after',
    fault: 'reset' | 'refuse' | 'stall' | 'bad-gateway' | 'gateway-timeout',
  ) {
    await prepare?.(projectId);
    const armedFault = await typed().armFault({
      service,
      operation_id: operationId,
      project_id: projectId,
      when,
      fault,
    });
    expectValidControl('#/components/schemas/Fault', armedFault);
  }

  it.each(['reset', 'refuse'] as const)(
    'before, %s: a network error that may have placed the order, and no order exists',
    async (fault) => {
      const projectId = newProjectId();
      await armed(projectId, 'before', fault);
      const error = await failureOf(place(projectId));
      expect(error).toBeInstanceOf(HwsecNetworkError);
      // The client cannot see that the request went unread: it must not claim it did.
      expect(error).toMatchObject({ operation: operationId, mayHaveBeenProcessed: true });
      expect(error.message).toContain('the order may or may not have been placed');
      expect(await ordersOf(projectId)).toEqual([]);
      expect((await listFaults()).faults).toEqual([]);
    },
  );

  it('after, reset: a network error that may have placed the order, and exactly one exists', async () => {
    const projectId = newProjectId();
    await armed(projectId, 'after', 'reset');
    const error = await failureOf(place(projectId));
    expect(error).toBeInstanceOf(HwsecNetworkError);
    expect(error).toMatchObject({ operation: operationId, mayHaveBeenProcessed: true });
    expect(await ordersOf(projectId)).toHaveLength(1);
  });

  it.each([
    ['bad-gateway', 502, 'APIG.0202'],
    ['gateway-timeout', 504, 'APIG.0203'],
  ] as const)(
    'after, %s: the gateway’s %i, the order may have been placed, and exactly one exists',
    async (fault, status, errorCode) => {
      const projectId = newProjectId();
      await armed(projectId, 'after', fault);
      const error = await failureOf(place(projectId));
      expect(error).toBeInstanceOf(HwsecApiError);
      expect(error).toMatchObject({
        operation: operationId,
        status,
        errorCode,
        mayHaveBeenProcessed: true,
      });
      expect(error.requestId).toMatch(/^[0-9a-f]{32}$/);
      expect(await ordersOf(projectId)).toHaveLength(1);
    },
  );

  it('after, stall: the client’s timeoutMs ends the wait, the order may have been placed, and exactly one exists', async () => {
    const projectId = newProjectId();
    await armed(projectId, 'after', 'stall');
    const error = await failureOf(place(projectId, 300));
    expect(error).toBeInstanceOf(HwsecTimeoutError);
    expect(error).toMatchObject({
      operation: operationId,
      timeoutMs: 300,
      mayHaveBeenProcessed: true,
    });
    expect(await ordersOf(projectId)).toHaveLength(1);
  });
});

describe('arming faults', () => {
  const hssOrder = ORDERS[0]!;

  it('count: the next `count` matching requests fail, the one after succeeds', async () => {
    const projectId = newProjectId();
    const armedFault = await arm({
      operation_id: 'CreateQuotasOrder',
      project_id: projectId,
      when: 'before',
      fault: 'reset',
      count: 2,
    });
    const faultId = (armedFault.body as { fault_id: string }).fault_id;
    expect(armedFault.body).toMatchObject({ count: 2, remaining: 2 });
    await failureOf(hssOrder.place(projectId));
    expect((await listFaults()).faults).toEqual([
      expect.objectContaining({ fault_id: faultId, count: 2, remaining: 1 }),
    ]);
    expectValidControl('#/components/schemas/FaultList', await listFaults());
    await failureOf(hssOrder.place(projectId));
    expect((await listFaults()).faults).toEqual([]);
    await hssOrder.place(projectId);
    expect(await ordersOf(projectId)).toHaveLength(1);
  });

  it('disarm all, and disarm one by id', async () => {
    const projectId = newProjectId();
    const spec = {
      operation_id: 'CreateQuotasOrder',
      project_id: projectId,
      when: 'before',
      fault: 'refuse',
    };
    await arm(spec);
    await arm(spec);
    expect((await controlOf().call('DELETE', 'faults')).status).toBe(204);
    expect((await listFaults()).faults).toEqual([]);
    const one = (await arm(spec)).body as { fault_id: string };
    expect((await controlOf().call('DELETE', `faults/${one.fault_id}`)).status).toBe(204);
    expect(await controlOf().call('DELETE', `faults/${one.fault_id}`)).toMatchObject({
      status: 404,
      body: {
        error_code: 'HWSEC.0404',
        error_msg: `path.fault_id: no armed fault ${one.fault_id}`,
      },
    });
    await hssOrder.place(projectId);
    expect(await ordersOf(projectId)).toHaveLength(1);
  });

  it('a fault scoped to a project never hits another project’s request', async () => {
    const scoped = newProjectId();
    const other = newProjectId();
    await arm({ service: 'hss', project_id: scoped, when: 'after', fault: 'bad-gateway' });
    await hssOrder.place(other);
    expect(await ordersOf(other)).toHaveLength(1);
    expect((await listFaults()).faults).toHaveLength(1);
    const error = await failureOf(hssOrder.place(scoped));
    expect(error).toMatchObject({ status: 502 });
  });

  it('resetting a project disarms its faults; resetting every project disarms every fault', async () => {
    const first = newProjectId();
    const second = newProjectId();
    for (const projectId of [first, second])
      await arm({ service: 'hss', project_id: projectId, when: 'before', fault: 'reset' });
    await arm({ service: 'dsc', when: 'before', fault: 'reset' });
    expect((await controlOf().reset(first)).status).toBe(204);
    expect((await listFaults()).faults.map((f) => f['project_id'])).toEqual([second, undefined]);
    expect((await controlOf().reset()).status).toBe(204);
    expect((await listFaults()).faults).toEqual([]);
  });

  it('method and path: a literal path or the operation’s template', async () => {
    const projectId = newProjectId();
    await arm({
      method: 'POST',
      path: '/v5/{project_id}/quotas/orders',
      when: 'after',
      fault: 'gateway-timeout',
    });
    expect(await failureOf(hssOrder.place(projectId))).toMatchObject({ status: 504 });
    await arm({
      method: 'POST',
      path: `/v5/${projectId}/quotas/orders`,
      when: 'after',
      fault: 'bad-gateway',
    });
    // Another method on that path, and another project's path, are not hit.
    const read = await createHssClient({
      baseUrl: mock.urls['hss']!,
      projectId,
      credentials,
    }).showResourceQuotas();
    expect(read.response.status).toBe(200);
    await hssOrder.place(newProjectId());
    expect(await failureOf(hssOrder.place(projectId))).toMatchObject({ status: 502 });
    expect(await ordersOf(projectId)).toHaveLength(2);
  });

  it('BSS PayOrders can be matched by operation id or by method and path', async () => {
    const pay = () =>
      fetch(`${mock.urls['bss']}/v3/orders/customer-orders/pay`, {
        method: 'POST',
        headers: { 'x-auth-token': 'test-token', 'content-type': 'application/json' },
        body: JSON.stringify({
          order_id: 'CS2404171642AAAAA',
          use_coupon: 'NO',
          use_discount: 'NO',
        }),
      });
    await arm({
      service: 'bss',
      operation_id: 'PayOrders',
      when: 'after',
      fault: 'gateway-timeout',
    });
    const byOperation = await pay();
    expect(byOperation.status).toBe(504);
    expect(await byOperation.json()).toMatchObject({ error_code: 'APIG.0203' });
    await arm({
      service: 'bss',
      method: 'POST',
      path: '/v3/orders/customer-orders/pay',
      when: 'before',
      fault: 'reset',
    });
    await expect(pay()).rejects.toThrow(TypeError);
    expect((await listFaults()).faults).toEqual([]);
  });
});

describe('bad control input: a 4xx naming the field, nothing armed', () => {
  it.each([
    [{ service: 'hss', fault: 'reset' }, 'body.when (required): is required'],
    [
      { service: 'hss', when: 'later', fault: 'reset' },
      'body.when (enum): must be one of before, after',
    ],
    [
      { service: 'hss', when: 'before', fault: 'stall' },
      'body.fault (enum): with when before, must be one of reset, refuse',
    ],
    [
      { service: 'hss', when: 'after', fault: 'refuse' },
      'body.fault (enum): with when after, must be one of reset, stall, bad-gateway, gateway-timeout',
    ],
    [
      { when: 'after', fault: 'reset' },
      'body (required): one of service, operation_id and path is required',
    ],
    [
      { service: 'nope', when: 'after', fault: 'reset' },
      'body.service (enum): "nope" is not an API this mock serves',
    ],
    [
      { service: 'dsc', operation_id: 'CreateQuotasOrder', when: 'after', fault: 'reset' },
      'body.operation_id (enum): "CreateQuotasOrder" is not an operation of dsc',
    ],
    [
      { operation_id: 'BuyEverything', when: 'after', fault: 'reset' },
      'body.operation_id (enum): "BuyEverything" is not an operation of any API this mock serves',
    ],
    [
      { service: 'hss', method: 'POST', when: 'after', fault: 'reset' },
      'body.method (dependentRequired): only together with path',
    ],
    [{ path: 'v5/x', when: 'after', fault: 'reset' }, 'body.path (pattern)'],
    [{ service: 'hss', when: 'after', fault: 'reset', count: 0 }, 'body.count (minimum)'],
    [
      { service: 'hss', when: 'after', fault: 'reset', times: 2 },
      'body.times (additionalProperties): is not a field of a fault',
    ],
    ['{"service": ', 'body (json): '],
    [[], 'body (type): must be object'],
  ])('%j', async (body, message) => {
    const answer = await arm(body);
    expect(answer.status).toBe(400);
    expectValidControl('#/components/schemas/ControlError', answer.body);
    expect((answer.body as { error_msg: string }).error_msg).toContain(message);
    expect((await listFaults()).faults).toEqual([]);
  });

  it('the typed control client throws ControlApiError with the status and the body', async () => {
    const refused = await typed()
      .armFault({ service: 'hss', when: 'before', fault: 'stall' })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ControlApiError);
    expect(refused).toMatchObject({
      operation: 'ArmFault',
      status: 400,
      body: { error_code: 'HWSEC.0400' },
    });
    expect((refused as Error).message).toContain('body.fault (enum)');
    await expect(typed().disarmFault('fault-none')).rejects.toMatchObject({ status: 404 });
  });

  it('a method the path does not have: 405; a path under faults that is none: 404', async () => {
    expect(await controlOf().call('PUT', 'faults', {})).toMatchObject({
      status: 405,
      body: {
        error_code: 'HWSEC.0405',
        error_msg: 'PUT /_hwsec/faults: allowed are GET, POST, DELETE',
      },
    });
    expect((await controlOf().call('GET', 'faults/fault-1')).status).toBe(405);
    expect((await controlOf().call('DELETE', 'faults/a/b')).status).toBe(404);
  });
});

describe('without --stateful', () => {
  let stateless: MockProcess;
  beforeAll(async () => {
    stateless = await startMockProcess();
  });
  afterAll(() => stateless.stop());

  it('faults are served, `after` meaning after Prism answered; the state is not', async () => {
    const faults = control(stateless.urls['hss']!);
    expect(
      (
        await faults.call('POST', 'faults', {
          operation_id: 'CreateQuotasOrder',
          when: 'after',
          fault: 'bad-gateway',
        })
      ).status,
    ).toBe(201);
    const hss = createHssClient({
      baseUrl: stateless.urls['hss']!,
      projectId: newProjectId(),
      credentials,
    });
    const result = await hss.createQuotasOrder({
      body: hssOrderBody,
    });
    expect(result.response.status).toBe(502);
    expect((await faults.call('GET', 'faults')).body).toEqual({ faults: [] });
    expect((await faults.call('DELETE', 'state')).status).toBe(404);
  });
});

describe('a stall ends when the mock stops', () => {
  it('the held connection is closed and the stop does not wait for it (an hour of grace here)', async () => {
    const own = await startMock({ ports: freePorts(), stateful: true });
    const faults = control(own.urls['hss']!);
    await faults.call('POST', 'faults', {
      operation_id: 'CreateQuotasOrder',
      when: 'after',
      fault: 'stall',
    });
    const failed = createHssClient({
      baseUrl: own.urls['hss']!,
      projectId: newProjectId(),
      credentials,
    })
      .createQuotasOrder({
        body: hssOrderBody,
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    // The fault is taken in the same step as the answer is held: once it is gone, the stall is on.
    while ((await listFaultsOf(own.urls['hss']!)).length > 0)
      await new Promise((resolve) => setImmediate(resolve));
    await own.stop(3_600_000);
    expect(await failed).toBeInstanceOf(HwsecNetworkError);
  });
});

async function listFaultsOf(baseUrl: string): Promise<unknown[]> {
  return ((await control(baseUrl).call('GET', 'faults')).body as { faults: unknown[] }).faults;
}
