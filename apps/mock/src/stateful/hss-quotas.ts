/**
 * HSS CreateQuotasOrder and ShowResourceQuotas over the project's quotas. An order with
 * `is_auto_pay: true` is paid at once from the account's balance and its quotas exist from then;
 * otherwise (or when the balance is too low) it waits for payment (BSS PayOrders) and adds
 * nothing. The statistics are counted
 * from the quotas that have not expired, filtered by enterprise project, edition and billing mode.
 */
import { loadBundle } from '@hwsec/spec';
import { payAutomatically } from './order-payment.js';
import { answer, queryValue, refused, type Simulation } from './simulation.js';
import type { HssQuota, HssQuotasPurchase, HssVersion, Order } from './state-model.js';
import { keep } from './state-store.js';

/** `enterprise_project_id` left out means the default enterprise project, "0". */
export const DEFAULT_ENTERPRISE_PROJECT = '0';
/** The value that means every enterprise project the caller may see. */
export const ALL_ENTERPRISE_PROJECTS = 'all_granted_eps';
/** ShowResourceQuotas lists at most this many free quotas per edition (the spec's maxItems). */
export const MAX_LISTED_RESOURCES = 200;

/**
 * The editions a quota can be bought in, in the order ShowResourceQuotas reports them: the
 * order the spec's enumeration of CreateQuotasOrder's `resource_spec_code` lists them.
 */
export const HSS_VERSIONS = (
  loadBundle('hss')['components']['schemas']['CreateQuotasOrderRequestInfo']['properties'][
    'resource_spec_code'
  ]['enum'] as HssVersion[]
).slice();

interface QuotaOrderBody {
  resource_spec_code: HssVersion;
  period_type: 2 | 3;
  period_num: number;
  subscription_num: number;
  is_auto_renew?: boolean;
  is_auto_pay?: boolean;
}

export const createQuotasOrder: Simulation = async (store, request) => {
  const body = request.body as QuotaOrderBody;
  const enterpriseProject =
    queryValue(request.query, 'enterprise_project_id') ?? DEFAULT_ENTERPRISE_PROJECT;
  if (enterpriseProject === ALL_ENTERPRISE_PROJECTS)
    return refused({
      status: 400,
      field: 'query.enterprise_project_id',
      rule: 'an order buys quotas for one enterprise project',
      current: `"${ALL_ENTERPRISE_PROJECTS}" names them all; leave it out for "0"`,
    });
  return store.change((tx) => {
    const project = tx.project(request.projectId);
    const purchase: HssQuotasPurchase = {
      operation: 'CreateQuotasOrder',
      resource_spec_code: body.resource_spec_code,
      period_type: body.period_type,
      period_num: body.period_num,
      subscription_num: body.subscription_num,
      enterprise_project_id: enterpriseProject,
      is_auto_renew: body.is_auto_renew ?? false,
    };
    const order: Order = {
      order_id: tx.nextOrderId(),
      status: 'pending',
      created_at: tx.now.toISOString(),
      paid_at: null,
      purchase,
    };
    project.orders.push(order);
    if (body.is_auto_pay === true) payAutomatically(tx, project, order);
    return keep(answer({ order_id: order.order_id }));
  });
};

function live(quota: HssQuota, now: Date): boolean {
  return quota.expires_at === null || Date.parse(quota.expires_at) > now.getTime();
}

/** Seconds precision, as the service's example shows (`2022-09-17T17:00:24Z`). */
function serviceTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export const showResourceQuotas: Simulation = async (store, request) => {
  // The committed state: a change is swapped in whole, so this never sees half of one.
  const { quotas } = store.read(request.projectId).hss;
  const now = store.now();
  const enterpriseProject =
    queryValue(request.query, 'enterprise_project_id') ?? DEFAULT_ENTERPRISE_PROJECT;
  const version = queryValue(request.query, 'version');
  const chargingMode = queryValue(request.query, 'charging_mode');
  const selected = quotas.filter(
    (q) =>
      live(q, now) &&
      (enterpriseProject === ALL_ENTERPRISE_PROJECTS ||
        q.enterprise_project_id === enterpriseProject) &&
      (version === undefined || q.version === version) &&
      (chargingMode === undefined || q.charging_mode === chargingMode),
  );
  const data_list = HSS_VERSIONS.flatMap((edition) => {
    const ofEdition = selected.filter((q) => q.version === edition);
    if (ofEdition.length === 0) return [];
    const free = ofEdition.filter((q) => !q.used);
    return [
      {
        version: edition,
        total_num: ofEdition.length,
        used_num: ofEdition.length - free.length,
        available_num: free.length,
        available_resources_list: free.slice(0, MAX_LISTED_RESOURCES).map((q) => ({
          resource_id: q.resource_id,
          current_time: serviceTime(now),
          shared_quota: q.shared_quota,
        })),
      },
    ];
  });
  return answer({ data_list });
};
