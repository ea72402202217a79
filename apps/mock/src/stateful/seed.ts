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

/**
 * A seed already valid against the ProjectState schema, with its defaults filled in. `owned`: the
 * seed was just parsed and belongs to the caller, so its objects may become the state's.
 */
export function normalizeSeed(seed: Seed, now: Date, { owned = false } = {}): ProjectState {
  const at = now.toISOString();
  const state = {
    hss: {
      quotas: (seed.hss?.quotas ?? []).map((q) =>
        // A stored quota has every field already: kept as it is (a state file holds a million).
        q.charging_mode !== undefined &&
        q.enterprise_project_id !== undefined &&
        q.shared_quota !== undefined &&
        q.used !== undefined &&
        q.expires_at !== undefined
          ? q
          : {
              ...q,
              charging_mode: q.charging_mode ?? 'packet_cycle',
              enterprise_project_id: q.enterprise_project_id ?? DEFAULT_ENTERPRISE_PROJECT,
              shared_quota: q.shared_quota ?? 'unshared',
              used: q.used ?? false,
              expires_at: q.expires_at ?? null,
            },
      ),
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
  return (owned ? state : structuredClone(state)) as ProjectState;
}

/** The first id that appears twice where it must be unique, as a control-API message. */
export function duplicateId(state: ProjectState): string | undefined {
  const lists: Array<[string, ReadonlyArray<Record<string, unknown>>, string]> = [
    ['/hss/quotas', state.hss.quotas as unknown as Array<Record<string, unknown>>, 'resource_id'],
    [
      '/dsc/instances',
      state.dsc.instances as unknown as Array<Record<string, unknown>>,
      'instance_id',
    ],
    [
      '/secmaster/subscriptions',
      state.secmaster.subscriptions as unknown as Array<Record<string, unknown>>,
      'resource_id',
    ],
    ['/orders', state.orders as unknown as Array<Record<string, unknown>>, 'order_id'],
  ];
  for (const [where, items, key] of lists) {
    const seen = new Set<unknown>();
    for (const item of items) {
      const id = item[key];
      if (seen.has(id)) return `${where} ${key} (unique): ${String(id)} appears twice`;
      seen.add(id);
    }
  }
  return undefined;
}
