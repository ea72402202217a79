/**
 * BSS ListPayPerUseCustomerResources over what the account's completed orders created: the HSS
 * quotas and DSC instances that carry an order id, each listed as in use (2) until it expires (5).
 * A resource shows once its order is completed (status 5), as the Billing Center lists only what
 * was provisioned. Filters: `order_id`, `resource_ids`, `service_type_code`, `status_list`, the
 * expiry window; then `offset`/`limit`. Every listed resource is a main resource.
 */
import { accountOrders } from './account-orders.js';
import { serviceTypeCodeOf } from './order-services.js';
import { bssStatus, bssTime, COMPLETED } from './order-status.js';
import { answer, type GlobalSimulation } from './simulation.js';

const IN_USE = 2;
const EXPIRED = 5;
const MAIN = 1;
/** `expire_policy` 0: a grace period after expiry. */
const GRACE_PERIOD = 0;
const DEFAULT_LIMIT = 10;

interface QueryBody {
  order_id?: string;
  resource_ids?: string[];
  service_type_code?: string;
  status_list?: number[];
  expire_time_begin?: string;
  expire_time_end?: string;
  offset?: number;
  limit?: number;
}

export const listPayPerUseCustomerResources: GlobalSimulation = async (store, request) => {
  const query = (request.body ?? {}) as QueryBody;
  const now = store.now();
  const regionOf = new Map(store.readAccount().projects.map((p) => [p.id, p.name]));
  const completed = new Map(
    accountOrders(store)
      .filter(({ order }) => bssStatus(order, now) === COMPLETED)
      .map((entry) => [entry.order.order_id, entry]),
  );
  const resources = [...completed.values()].flatMap(({ projectId, order }) => {
    const project = store.read(projectId);
    const created = [
      ...project.hss.quotas
        .filter((q) => q.order_id === order.order_id)
        .map((q) => ({ id: q.resource_id, spec: q.version, expires: q.expires_at })),
      ...project.dsc.instances
        .filter((i) => i.order_id === order.order_id)
        .map((i) => ({
          id: i.instance_id,
          spec: i.products[0]?.resource_spec_code,
          expires: i.expires_at,
        })),
    ];
    const region = regionOf.get(projectId);
    return created.map((resource) => {
      const expired = resource.expires !== null && Date.parse(resource.expires) <= now.getTime();
      return {
        id: resource.id,
        resource_id: resource.id,
        ...(region !== undefined && { region_code: region }),
        service_type_code: serviceTypeCodeOf(order.purchase),
        ...(resource.spec !== undefined && { resource_spec_code: resource.spec }),
        project_id: projectId,
        is_main_resource: MAIN,
        status: expired ? EXPIRED : IN_USE,
        effective_time: bssTime(order.paid_at ?? order.created_at),
        ...(resource.expires !== null && { expire_time: bssTime(resource.expires) }),
        expire_policy: GRACE_PERIOD,
        order_id: order.order_id,
      };
    });
  });
  const seconds = (time: string) => Math.floor(Date.parse(time) / 1000);
  const matching = resources.filter(
    (r) =>
      (query.order_id === undefined || r.order_id === query.order_id) &&
      (query.resource_ids === undefined || query.resource_ids.includes(r.resource_id)) &&
      (query.service_type_code === undefined ||
        r.service_type_code.toLowerCase() === query.service_type_code.toLowerCase()) &&
      (query.status_list === undefined || query.status_list.includes(r.status)) &&
      (query.expire_time_begin === undefined ||
        (r.expire_time !== undefined &&
          seconds(r.expire_time) >= seconds(query.expire_time_begin))) &&
      (query.expire_time_end === undefined ||
        (r.expire_time !== undefined && seconds(r.expire_time) <= seconds(query.expire_time_end))),
  );
  const offset = query.offset ?? 0;
  const limit = query.limit ?? DEFAULT_LIMIT;
  return answer({
    total_count: matching.length,
    data: matching.slice(offset, offset + limit).map(({ order_id: _order, ...listed }) => listed),
  });
};
