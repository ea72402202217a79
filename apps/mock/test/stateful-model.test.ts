// Model-based: random sequences of orders, payments (BSS PayOrders, from a balance that is
// seeded too), reads (HSS quotas, BSS order status and lists), subscription changes, seeds and
// resets run against the real mock (real clients) and against a small reference model; every
// answer and every read is compared. Orders complete as soon as they are paid (processing 0).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateQuotasOrderRequestInfo } from '@hwsec/hss';
import type { RunningMock } from '../src/index.js';
import { exampleBody } from './example-bodies.js';
import { billing, clients, control, startStatefulMock } from './stateful-helpers.js';
import { DEFAULT_BALANCE } from '../src/stateful/initial-account.js';
import { UNIT_PRICE } from '../src/stateful/order-pricing.js';

const VERSIONS = ['hss.version.basic', 'hss.version.premium'] as const;
const EPS = ['0', 'ep-1'] as const;
const SPECS = ['secmaster.basic', 'secmaster.standard', 'secmaster.professional'] as const;
const PROJECTS = ['model-a', 'model-b'] as const;
const RESOURCE = 'sub-1';
type Project = (typeof PROJECTS)[number];
type Scene = 'PREPAID' | 'POSTPAID';
type Operation = 'UPGRADE' | 'ADDITION' | 'DECREASE' | 'POSTPAID_2_PREPAID';

interface Subscription {
  scene: Scene;
  spec: (typeof SPECS)[number];
  size: number;
}
interface ProjectModel {
  /** order id → what it buys and whether it is paid */
  orders: Map<string, { version: string; eps: string; count: number; paid: boolean }>;
  ecs: number;
  subscription: Subscription | undefined;
}
/** The account every project bills to. */
interface AccountModel {
  balance: number;
}
type Model = Record<Project, ProjectModel> & { account: AccountModel };
interface Real {
  mock: RunningMock;
}

const fresh = (): ProjectModel => ({ orders: new Map(), ecs: 0, subscription: undefined });

let mock: RunningMock;
beforeAll(async () => {
  mock = await startStatefulMock({ seed: 'model', orderProcessingMs: 0 });
});
afterAll(() => mock.close());

const api = () => control(mock.urls.hss!);
const client = (project: Project) => clients(mock.urls, project);

class OrderQuotas implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly project: Project,
    readonly version: (typeof VERSIONS)[number],
    readonly eps: (typeof EPS)[number],
    readonly count: number,
    readonly autoPay: boolean,
  ) {}
  check = () => true;
  async run(model: Model) {
    const { data, response } = await client(this.project).hss.createQuotasOrder({
      params: { query: { enterprise_project_id: this.eps } },
      // The spec's monthly example with the command's edition, quantity and payment.
      body: exampleBody<CreateQuotasOrderRequestInfo>('hss', 'CreateQuotasOrder', {
        resource_spec_code: this.version,
        subscription_num: this.count,
        is_auto_pay: this.autoPay,
      }),
    });
    expect(response.status).toBe(200);
    const id = data!.order_id!;
    for (const p of PROJECTS) expect(model[p].orders.has(id)).toBe(false);
    // Paid automatically only when the balance covers it; else it waits for PayOrders.
    const amount = UNIT_PRICE * this.count;
    const paid = this.autoPay && model.account.balance >= amount;
    if (paid) model.account.balance -= amount;
    model[this.project].orders.set(id, {
      version: this.version,
      eps: this.eps,
      count: this.count,
      paid,
    });
  }
  toString = () =>
    `order(${this.project}, ${this.version}, ${this.eps}, ${this.count}, autoPay=${this.autoPay})`;
}

class PayOrder implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly project: Project,
    readonly pick: number,
  ) {}
  check = (model: Readonly<Model>) => model[this.project].orders.size > 0;
  async run(model: Model) {
    const orders = [...model[this.project].orders.entries()];
    const [id, order] = orders[this.pick % orders.length]!;
    const amount = UNIT_PRICE * order.count;
    const paid = await billing(mock.urls).pay(id);
    if (order.paid) expect(paid.body?.error_code).toBe('CBC.99003106');
    else if (model.account.balance < amount) expect(paid.body?.error_code).toBe('CBC.99005003');
    else {
      expect(paid.status).toBe(204);
      order.paid = true;
      model.account.balance -= amount;
    }
    const { body } = await billing(mock.urls).details(id);
    expect(body.order_info.status).toBe(order.paid ? 5 : 6);
    expect(body.order_line_items[0].subscription_num).toBe(order.count);
  }
  toString = () => `pay(${this.project}, #${this.pick})`;
}

class ShowQuotas implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly project: Project,
    readonly eps: (typeof EPS)[number] | 'all_granted_eps' | undefined,
    readonly version: (typeof VERSIONS)[number] | undefined,
  ) {}
  check = () => true;
  async run(model: Model) {
    const query = {
      ...(this.eps !== undefined && { enterprise_project_id: this.eps }),
      ...(this.version !== undefined && { version: this.version }),
    };
    const { data } = await client(this.project).hss.showResourceQuotas({ params: { query } });
    const expected: Array<[string, number]> = [];
    for (const version of VERSIONS) {
      if (this.version !== undefined && version !== this.version) continue;
      let total = 0;
      for (const o of model[this.project].orders.values())
        if (
          o.paid &&
          o.version === version &&
          (this.eps === 'all_granted_eps' || o.eps === (this.eps ?? '0'))
        )
          total += o.count;
      if (total > 0) expected.push([version, total]);
    }
    expect(data!.data_list!.map((d) => [d.version, d.available_num])).toEqual(expected);
  }
  toString = () => `show(${this.project}, eps=${this.eps}, version=${this.version})`;
}

function expectedChange(
  m: ProjectModel,
  scene: Scene,
  op: Operation,
  spec: (typeof SPECS)[number],
  size: number | undefined,
): number {
  const s = m.subscription;
  if (!s) return 404;
  if (op === 'POSTPAID_2_PREPAID' && s.scene !== 'POSTPAID') return 400;
  if (scene !== s.scene) return 400;
  const rank = SPECS.indexOf(spec);
  const current = SPECS.indexOf(s.spec);
  if (op === 'UPGRADE' ? rank <= current : rank !== current) return 400;
  if ((op === 'ADDITION' || op === 'DECREASE') && size === undefined) return 400;
  if (op === 'ADDITION' && size! <= s.size) return 400;
  if (op === 'DECREASE' && size! >= s.size) return 400;
  if (op === 'POSTPAID_2_PREPAID' && size !== undefined && size !== s.size) return 400;
  if (size !== undefined && size !== s.size && size < Math.max(1, m.ecs)) return 400;
  return 200;
}

/**
 * Scene, spec and size are drawn relative to the subscription as the model has it (same or other
 * scene, spec one down/same/one up, size -2…+2), so that every rule's edge comes up often.
 */
class ChangeSubscription implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly project: Project,
    readonly sameScene: boolean,
    readonly op: Operation,
    readonly specStep: -1 | 0 | 1,
    readonly sizeStep: number | undefined,
  ) {}
  check = () => true;
  async run(model: Model) {
    const m = model[this.project];
    const s = m.subscription ?? { scene: 'POSTPAID' as Scene, spec: SPECS[1], size: 3 };
    const scene: Scene = this.sameScene ? s.scene : s.scene === 'PREPAID' ? 'POSTPAID' : 'PREPAID';
    const rank = Math.min(SPECS.length - 1, Math.max(0, SPECS.indexOf(s.spec) + this.specStep));
    const spec = SPECS[rank]!;
    const size = this.sizeStep === undefined ? undefined : s.size + this.sizeStep;
    const status = expectedChange(m, scene, this.op, spec, size);
    const result = await client(this.project).secmaster.updateSubscriptionOrder({
      body: {
        scene,
        operate_type: this.op,
        product_list: [
          {
            resource_id: RESOURCE,
            resource_spec_code: spec,
            ...(size !== undefined && { resource_size: size }),
          },
        ],
      },
    });
    expect(result.response.status).toBe(status);
    if (status === 200) {
      // A PREPAID change is an order of one unit per subscription, paid automatically.
      if (scene === 'PREPAID' && model.account.balance >= UNIT_PRICE)
        model.account.balance -= UNIT_PRICE;
      expect(result.data!.order_status).toBe(1);
      expect(result.data!.order_id !== undefined).toBe(scene === 'PREPAID');
      const changed = m.subscription!;
      changed.spec = spec;
      if (size !== undefined) changed.size = size;
      if (this.op === 'POSTPAID_2_PREPAID') changed.scene = 'PREPAID';
    }
    const state = (await api().state(this.project)).body;
    const stored = state.secmaster.subscriptions[0];
    expect(
      stored && {
        scene: stored.scene,
        spec: stored.resource_spec_code,
        size: stored.resource_size,
      },
    ).toEqual(m.subscription);
  }
  toString = () =>
    `change(${this.project}, sameScene=${this.sameScene}, ${this.op}, spec${this.specStep}, size${this.sizeStep})`;
}

class Seed implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly project: Project,
    readonly ecs: number,
    readonly subscription: Subscription,
  ) {}
  check = () => true;
  async run(model: Model) {
    const seeded = await api().seed(this.project, {
      secmaster: {
        ecs_count: this.ecs,
        subscriptions: [
          {
            resource_id: RESOURCE,
            scene: this.subscription.scene,
            resource_spec_code: this.subscription.spec,
            resource_size: this.subscription.size,
          },
        ],
      },
    });
    expect(seeded.status).toBe(200);
    model[this.project] = { ...fresh(), ecs: this.ecs, subscription: { ...this.subscription } };
  }
  toString = () => `seed(${this.project}, ecs=${this.ecs}, ${JSON.stringify(this.subscription)})`;
}

class SetBalance implements fc.AsyncCommand<Model, Real> {
  constructor(readonly balance: number) {}
  check = () => true;
  async run(model: Model) {
    const updated = await api().updateAccount({ balance: this.balance });
    expect(updated.status).toBe(200);
    model.account.balance = this.balance;
  }
  toString = () => `balance(${this.balance})`;
}

/** BSS lists the account's HSS orders waiting for payment, across projects, and the balance. */
class ListWaiting implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model) {
    const { body } = await billing(mock.urls).list({
      status: 6,
      service_type_code: 'hws.service.type.hss',
      limit: 100,
    });
    const waiting = PROJECTS.flatMap((p) =>
      [...model[p].orders].filter(([, o]) => !o.paid).map(([id]) => id),
    );
    expect(body.total_count).toBe(waiting.length);
    expect(body.order_infos.map((o: { order_id: string }) => o.order_id).sort()).toEqual(
      waiting.slice(0, 100).sort(),
    );
    expect((await api().account()).body.balance).toBe(model.account.balance);
  }
  toString = () => 'listWaiting()';
}

class Reset implements fc.AsyncCommand<Model, Real> {
  constructor(readonly project: Project) {}
  check = () => true;
  async run(model: Model) {
    expect((await api().reset(this.project)).status).toBe(204);
    model[this.project] = fresh();
  }
  toString = () => `reset(${this.project})`;
}

const project = fc.constantFrom(...PROJECTS);
const sizeStep = fc.constantFrom(undefined, -2, -1, 0, 0, 1);
const change = fc
  .tuple(
    project,
    fc.boolean(),
    fc.constantFrom<Operation>('UPGRADE', 'ADDITION', 'DECREASE', 'POSTPAID_2_PREPAID'),
    fc.constantFrom<-1 | 0 | 1>(-1, 0, 1),
    sizeStep,
  )
  .map((a) => new ChangeSubscription(...a));
const seed = fc
  .tuple(
    project,
    fc.integer({ min: 0, max: 3 }),
    fc.record({
      scene: fc.constantFrom<Scene>('PREPAID', 'POSTPAID'),
      spec: fc.constantFrom(...SPECS),
      size: fc.integer({ min: 1, max: 4 }),
    }),
  )
  .map((a) => new Seed(...a));
// Changes are listed three times (they have the most rules to meet), seeds twice.
const commands = [
  change,
  change,
  fc
    .tuple(
      project,
      fc.constantFrom(...VERSIONS),
      fc.constantFrom(...EPS),
      fc.integer({ min: 1, max: 5 }),
      fc.boolean(),
    )
    .map((a) => new OrderQuotas(...a)),
  fc.tuple(project, fc.nat(20)).map((a) => new PayOrder(...a)),
  fc.tuple(project, fc.nat(20)).map((a) => new PayOrder(...a)),
  fc.constantFrom(0, 150, 400, 100_000).map((b) => new SetBalance(b)),
  fc.constant(new ListWaiting()),
  fc
    .tuple(
      project,
      fc.constantFrom(...EPS, 'all_granted_eps' as const, undefined),
      fc.constantFrom(...VERSIONS, undefined),
    )
    .map((a) => new ShowQuotas(...a)),
  change,
  seed,
  seed,
  project.map((p) => new Reset(p)),
];

describe('model-based', () => {
  it(
    'the mock and the reference model agree on every answer and every read',
    { timeout: 240_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.commands(commands, { maxCommands: 40, size: 'large' }),
          async (cmds) => {
            expect((await api().reset()).status).toBe(204);
            const model: Model = {
              'model-a': fresh(),
              'model-b': fresh(),
              account: { balance: DEFAULT_BALANCE },
            };
            await fc.asyncModelRun(() => ({ model, real: { mock } }), cmds);
            // And a last full read of both projects, whatever the sequence ended with.
            for (const p of PROJECTS)
              for (const eps of ['0', 'ep-1', 'all_granted_eps'] as const)
                await new ShowQuotas(p, eps, undefined).run(model);
            await new ListWaiting().run(model);
          },
        ),
        // A mutation run repeats this test for each mutant it covers: it asks for fewer runs.
        { numRuns: Number(process.env.HWSEC_MODEL_RUNS ?? 60) },
      );
    },
  );
});
