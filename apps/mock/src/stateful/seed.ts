/**
 * A seed (`PUT /_hwsec/state/{project_id}`) made into the stored form: every section present,
 * every default written out (so GET shows what the simulation works with), and ids checked for
 * clashes the schema cannot see.
 */
import type { ProjectState } from './state-model.js';
import { DEFAULT_ENTERPRISE_PROJECT } from './hss-quotas.js';

type Seed = {
  hss?: { quotas?: Array<Partial<ProjectState['hss']['quotas'][number]>> };
  dsc?: { instances?: Array<Partial<ProjectState['dsc']['instances'][number]>> };
  secmaster?: Partial<ProjectState['secmaster']>;
  orders?: Array<Partial<ProjectState['orders'][number]>>;
};

/** A seed already valid against the ProjectState schema, with its defaults filled in. */
export function normalizeSeed(seed: Seed, now: Date): ProjectState {
  const at = now.toISOString();
  const state = {
    hss: {
      quotas: (seed.hss?.quotas ?? []).map((q) => ({
        ...q,
        charging_mode: q.charging_mode ?? 'packet_cycle',
        enterprise_project_id: q.enterprise_project_id ?? DEFAULT_ENTERPRISE_PROJECT,
        shared_quota: q.shared_quota ?? 'unshared',
        used: q.used ?? false,
        expires_at: q.expires_at ?? null,
      })),
    },
    dsc: {
      instances: (seed.dsc?.instances ?? []).map((i) => ({
        ...i,
        charging_mode: i.charging_mode ?? 0,
        expires_at: i.expires_at ?? null,
      })),
    },
    secmaster: {
      ecs_count: seed.secmaster?.ecs_count ?? 0,
      subscriptions: seed.secmaster?.subscriptions ?? [],
    },
    orders: (seed.orders ?? []).map((o) => ({
      ...o,
      purchase:
        o.purchase?.operation === 'CreateQuotasOrder'
          ? {
              ...o.purchase,
              enterprise_project_id: o.purchase.enterprise_project_id ?? DEFAULT_ENTERPRISE_PROJECT,
              is_auto_renew: o.purchase.is_auto_renew ?? false,
            }
          : o.purchase,
      created_at: o.created_at ?? at,
      paid_at: o.paid_at ?? (o.status === 'paid' ? at : null),
    })),
  };
  return structuredClone(state) as ProjectState;
}

/** The first id that appears twice where it must be unique, as a control-API message. */
export function duplicateId(state: ProjectState): string | undefined {
  const lists: Array<[string, string[]]> = [
    ['/hss/quotas resource_id', state.hss.quotas.map((q) => q.resource_id)],
    ['/dsc/instances instance_id', state.dsc.instances.map((i) => i.instance_id)],
    [
      '/secmaster/subscriptions resource_id',
      state.secmaster.subscriptions.map((s) => s.resource_id),
    ],
    ['/orders order_id', state.orders.map((o) => o.order_id)],
  ];
  for (const [where, ids] of lists) {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) return `${where} (unique): ${id} appears twice`;
      seen.add(id);
    }
  }
  return undefined;
}
