// Buying with nothing but AK/SK and a region, against the stateful mock (which checks every
// signature): an HSS or DSC client finds its project through the mock's IAM, places the spec's
// unpaid example order; a BSS client (its account id found through IAM too) lists it pending
// payment (6), pays it, waitForOrder sees it processing (3) then completed (5), and what was
// bought shows. Then "was my order placed?": a fault armed through the mock's control API loses
// the answer of an order the mock placed, or cuts the request before the mock read it. The client
// cannot tell the two apart (mayHaveBeenProcessed); reconcileOrder can: placed, with the very
// order the mock recorded, or not-placed.
//
// Every case buys in a project (region) of its own, as a user of its own, so both ids are found
// through IAM by the case itself (the clients cache them per access key in the process, whatever
// ran before). BSS lists the whole account's orders, so the orders of one service also differ
// from case to case in a fact reconcileOrder compares (the number of periods): otherwise one
// case's order would be another's match.
import {
  createBssClient,
  reconcileOrder,
  waitForOrder,
  type BssClient,
  type ReconcileResult,
} from '@hwsec/bss';
import { isHwsecError, unwrap, type AttemptLogEntry } from '@hwsec/core';
import { createControlClient } from '@hwsec/mock/control-client';
import { clientOf } from '../clients.ts';
import type { ApiId, OperationCall, PortableContext } from '../context.ts';
import { check, checkEqual, thrown, type Case } from '../harness.ts';

type Region = Parameters<typeof clientOf>[1]['region'];
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const PENDING_PAYMENT = 6;
const PROCESSING = 3;
const COMPLETED = 5;
/** BSS's resource status of a resource in use. */
const IN_USE = 2;

/** The polls of a wait and of a reconciliation, short: the mock answers at once. */
const WAIT = { awaitPayment: true, firstDelayMs: 50, maxDelayMs: 100, timeoutMs: 30_000 };
const SETTLE_NOT_PLACED = { settleMs: 300, pollDelayMs: 100 };
const SETTLE_PLACED = { settleMs: 10_000, pollDelayMs: 100 };

/** The example call of `operationId`, as the Node side took it from the spec. */
function callOf(context: PortableContext, operationId: string): OperationCall {
  const call = context.calls.find((candidate) => candidate.operationId === operationId);
  check(call, `no call of ${operationId} in the context`);
  return call;
}

/** A purchase's order, from the spec's example: its `variant` differs in the number of periods. */
function orderOf(call: OperationCall, variant: number): { call: OperationCall; body: Json } {
  const body = call.init.body as Json;
  check(body && typeof body.period_num === 'number', `${call.operationId}'s example has no period`);
  return { call, body: { ...body, period_num: body.period_num + variant } };
}

/** The example's `init` sent in `region`: its optional `region` header (if any) names it too. */
function inRegion<T extends OperationCall['init']>(init: T, region: string): T {
  const header = init.params?.header;
  if (header?.['region'] === undefined) return init;
  return { ...init, params: { ...init.params, header: { ...header, region } } };
}

/** The clients and the control API of one case, in the project `index` names. */
function session(context: PortableContext, index: number, api: ApiId) {
  const { billing } = context;
  const project = billing.projects[index];
  check(project, `the billing mock's account has no project #${index}`);
  const log: AttemptLogEntry[] = [];
  const common = {
    credentials: { accessKey: project.accessKey, secretKey: project.secretKey },
    iamEndpoint: billing.mock.iam,
    env: {},
    logger: (_line: string, entry: AttemptLogEntry) => log.push(entry),
  };
  return {
    project,
    log,
    control: createControlClient({ baseUrl: billing.mock.hss }),
    /** No project id: the client asks IAM for the project of `region`. */
    client: clientOf(api, {
      ...common,
      region: project.name as Region,
      baseUrl: billing.mock[api],
    }),
    /** No account id: the client asks IAM for it. */
    bss: createBssClient({ ...common, site: 'cn', baseUrl: billing.mock.bss }),
  };
}

type Session = ReturnType<typeof session>;

/** Each client asked IAM once (the regional one first); the order went to its region's project. */
function checkLookups(log: readonly AttemptLogEntry[], project: { id: string }, order: string) {
  const asked = log.map(({ operation, status }) => `${operation} ${status}`);
  checkEqual(
    asked.filter((line) => line.startsWith('Keystone')),
    ['KeystoneListProjects 200', 'KeystoneListAuthDomains 200'],
    'IAM lookups (the order first, then BSS)',
  );
  const placed = log.find(({ operation }) => operation === order);
  check(placed, `${order} was not sent`);
  check(
    placed.path.split('/').includes(project.id),
    `${order} went to ${placed.path}, not to the project of its region (${project.id})`,
  );
}

/** Waits for the paid order, recording each status the wait read through the client itself. */
async function waitRecording(bss: BssClient, orderId: string) {
  const seen: number[] = [];
  const recording: BssClient = {
    ...bss,
    showCustomerOrderDetails: async (init) => {
      const result = await bss.showCustomerOrderDetails(init);
      const status = result.data?.order_info?.status;
      if (status !== undefined) seen.push(status);
      return result;
    },
  };
  const done = await waitForOrder(recording, orderId, WAIT);
  return { done, seen };
}

interface Delivery {
  /** What the order has delivered so far: nothing before it completes, then what was bought. */
  read(s: Session, orderId: string, body: Json): Promise<unknown>;
  expected(s: Session, body: Json): unknown;
}

/** HSS quotas: ShowResourceQuotas of the order's edition and enterprise project. */
function hssQuotas(context: PortableContext): Delivery {
  const show = callOf(context, 'ShowResourceQuotas');
  const order = callOf(context, 'CreateQuotasOrder');
  return {
    read: async (s, _orderId, body) => {
      const data = unwrap(
        await s.client[show.method]!({
          params: {
            ...inRegion(show.init, s.project.name).params,
            query: {
              ...show.init.params?.query,
              enterprise_project_id: order.init.params?.query?.['enterprise_project_id'],
              version: body.resource_spec_code,
            },
          },
        }),
      ) as Json;
      return (data.data_list ?? []).map((edition: Json) => ({
        version: edition.version,
        total: edition.total_num,
        available: edition.available_num,
      }));
    },
    expected: (_s, body) => [
      {
        version: body.resource_spec_code,
        total: body.subscription_num,
        available: body.subscription_num,
      },
    ],
  };
}

/** A DSC instance: BSS lists it among the account's resources, under the order's id. */
function dscInstance(context: PortableContext): Delivery {
  const list = callOf(context, 'ListPayPerUseCustomerResources');
  return {
    read: async (s, orderId) => {
      const data = unwrap(
        await s.bss.listPayPerUseCustomerResources({
          body: { ...(list.init.body as Json), order_id: orderId },
        }),
      );
      return (data.data ?? []).map((resource) => ({
        spec: resource.resource_spec_code,
        project: resource.project_id,
        status: resource.status,
      }));
    },
    expected: (s, body) => [
      { spec: body.product_infos[0].resource_spec_code, project: s.project.id, status: IN_USE },
    ],
  };
}

function purchaseCase(
  context: PortableContext,
  index: number,
  api: ApiId,
  operationId: string,
  delivery: (context: PortableContext) => Delivery,
): Case {
  return {
    name: `purchase: ${api} ${operationId} with AK/SK and a region only, paid via BSS, delivered`,
    run: async () => {
      const { call, body } = orderOf(callOf(context, operationId), 0);
      // The examples are the kind this case is about: orders that wait for payment.
      check(body.is_auto_pay !== true, `${operationId}'s example pays itself`);
      if (body.charging_mode !== undefined)
        checkEqual(
          body.charging_mode,
          0,
          `${operationId}'s example charging mode (yearly/monthly)`,
        );
      const s = session(context, index, api);
      const placed = unwrap(
        await s.client[call.method]!({ ...inRegion(call.init, s.project.name), body }),
      ) as Json;
      const orderId = placed.order_id as string;
      check(
        typeof orderId === 'string' && orderId !== '',
        `no order id: ${JSON.stringify(placed)}`,
      );
      const recorded = (await s.control.getProjectState(s.project.id)).orders ?? [];
      checkEqual(
        recorded.map((o) => o.order_id),
        [orderId],
        `orders the mock recorded in the project of ${s.project.name}`,
      );

      const listed = unwrap(
        await s.bss.listCustomerOrders({ params: { query: { order_id: orderId } } }),
      );
      checkEqual(
        listed.order_infos?.map((o) => [o.order_id, o.status, o.customer_id]),
        [[orderId, PENDING_PAYMENT, context.billing.domainId]],
        'BSS ListCustomerOrders: the order, pending payment, of the account',
      );
      const delivered = delivery(context);
      checkEqual(await delivered.read(s, orderId, body), [], 'delivered before payment');

      const pay = callOf(context, 'PayOrders');
      unwrap(await s.bss.payOrders({ body: { ...(pay.init.body as Json), order_id: orderId } }));
      const { done, seen } = await waitRecording(s.bss, orderId);
      checkEqual([done.order.order_id, done.order.status], [orderId, COMPLETED], 'waitForOrder');
      check(seen.includes(PROCESSING), `the wait read ${seen.join(', ')}: never processing (3)`);
      checkEqual(seen.at(-1), COMPLETED, 'the last status the wait read');
      checkEqual(
        done.lineItems.map((item) => item.period_num),
        [body.period_num],
        'the completed order line items, periods',
      );
      checkEqual(
        await delivered.read(s, orderId, body),
        delivered.expected(s, body),
        'delivered after completion',
      );
      checkLookups(s.log, s.project, call.operationId);
    },
  };
}

function reconcileCase(
  context: PortableContext,
  index: number,
  api: ApiId,
  operationId: string,
  when: 'after' | 'before',
): Case {
  const what =
    when === 'after'
      ? 'answer lost after the mock placed it: placed, the id the mock recorded'
      : 'request cut before the mock read it: not-placed';
  return {
    name: `reconcile: ${api} ${operationId}, ${what}`,
    run: async () => {
      // Other periods than the purchase's order (and the other case's), in the same account.
      const { call, body } = orderOf(callOf(context, operationId), when === 'after' ? 1 : 2);
      const s = session(context, index, api);
      await s.control.armFault({
        operation_id: call.operationId,
        project_id: s.project.id,
        when,
        fault: 'reset',
      });
      const error = await thrown(
        async () =>
          unwrap(await s.client[call.method]!({ ...inRegion(call.init, s.project.name), body })),
        `${call.operationId} through a reset ${when} the mock handled it`,
      );
      check(isHwsecError(error), `not a typed Hwsec error: ${String(error)}`);
      checkEqual(error.mayHaveBeenProcessed, true, 'mayHaveBeenProcessed');
      checkEqual(await s.control.listFaults(), [], 'faults left armed');
      const recorded = ((await s.control.getProjectState(s.project.id)).orders ?? []).map(
        (o) => o.order_id,
      );

      const answer: ReconcileResult = await reconcileOrder(
        s.bss,
        error,
        when === 'after' ? SETTLE_PLACED : SETTLE_NOT_PLACED,
      );
      const outcome =
        answer.outcome === 'placed'
          ? { outcome: answer.outcome, orderId: answer.order.order.order_id }
          : answer.outcome === 'ambiguous'
            ? { outcome: answer.outcome, orderIds: answer.orders.map((o) => o.order.order_id) }
            : { outcome: answer.outcome };
      if (when === 'after') {
        checkEqual(recorded.length, 1, 'orders the mock recorded');
        checkEqual(outcome, { outcome: 'placed', orderId: recorded[0] }, 'reconcileOrder');
      } else {
        checkEqual(recorded, [], 'orders the mock recorded');
        checkEqual(outcome, { outcome: 'not-placed' }, 'reconcileOrder');
      }
    },
  };
}

export function purchaseCases(context: PortableContext): Case[] {
  // Not the first project: IAM lists it first, and a lookup that took any project would find it.
  let next = 1;
  return [
    purchaseCase(context, next++, 'hss', 'CreateQuotasOrder', hssQuotas),
    purchaseCase(context, next++, 'dsc', 'CreateProductOrder', dscInstance),
    reconcileCase(context, next++, 'hss', 'CreateQuotasOrder', 'after'),
    reconcileCase(context, next++, 'hss', 'CreateQuotasOrder', 'before'),
    reconcileCase(context, next++, 'dsc', 'CreateProductOrder', 'after'),
    reconcileCase(context, next++, 'dsc', 'CreateProductOrder', 'before'),
  ];
}
