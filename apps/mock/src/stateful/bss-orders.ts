/**
 * BSS ListCustomerOrders and ShowCustomerOrderDetails over every order of the account. Filters
 * (`order_id` and `service_type_code` case-insensitive, `status`, `order_type`, the creation-time
 * window, whose span may not exceed one year), then `order_by` (`createTime` oldest first,
 * `-createTime` newest first; the order they were placed in otherwise), then `offset`/`limit`;
 * `total_count` counts every match.
 */
import { accountOrders, findAccountOrder } from './account-orders.js';
import { detailedOrder, listedOrder, orderLineItems } from './bss-order-views.js';
import { unknownOrderDetails } from './bss-refusals.js';
import { periodEnd } from './periods.js';
import { answer, queryValue, refused, type GlobalSimulation } from './simulation.js';

const DEFAULT_LIMIT = 10;

/** Seconds since the epoch of a time BSS writes to the second. */
const secondOf = (iso: string) => Math.floor(Date.parse(iso) / 1000);

export const listCustomerOrders: GlobalSimulation = async (store, request) => {
  const q = (name: string) => queryValue(request.query, name);
  const begin = q('create_time_begin');
  const end = q('create_time_end');
  if (begin !== undefined && end !== undefined && periodEnd(new Date(begin), 3, 1) < new Date(end))
    return refused({
      status: 400,
      field: 'query.create_time_end',
      rule: 'at most one year after create_time_begin',
      current: `${begin} to ${end}`,
    });
  const orderId = q('order_id')?.toLowerCase();
  const status = q('status');
  const serviceTypeCode = q('service_type_code')?.toLowerCase();
  const orderType = q('order_type');
  const orderBy = q('order_by');
  const limit = Number(q('limit') ?? DEFAULT_LIMIT);
  const offset = Number(q('offset') ?? 0);
  const account = store.readAccount();
  const now = store.now();

  const matching = accountOrders(store)
    .map(({ order }) => ({ order, listed: listedOrder(order, account, now) }))
    .filter(
      ({ listed }) =>
        (orderId === undefined || listed.order_id.toLowerCase() === orderId) &&
        (status === undefined || listed.status === Number(status)) &&
        (serviceTypeCode === undefined ||
          listed.service_type_code.toLowerCase() === serviceTypeCode) &&
        (orderType === undefined || String(listed.order_type) === orderType) &&
        (begin === undefined || secondOf(listed.create_time) >= secondOf(begin)) &&
        (end === undefined || secondOf(listed.create_time) <= secondOf(end)),
    );
  if (orderBy === 'createTime' || orderBy === '-createTime') {
    const sign = orderBy === 'createTime' ? 1 : -1;
    // A stable sort: orders placed in the same millisecond keep the order they were placed in.
    matching.sort(
      (a, b) => sign * (Date.parse(a.order.created_at) - Date.parse(b.order.created_at)),
    );
  }
  return answer({
    total_count: matching.length,
    order_infos: matching.slice(offset, offset + limit).map(({ listed }) => listed),
  });
};

export const showCustomerOrderDetails: GlobalSimulation = async (store, request) => {
  const orderId = request.params['order_id']!;
  const found = findAccountOrder(store, orderId);
  if (!found) return refused(unknownOrderDetails(orderId));
  const items = orderLineItems(found.order);
  const limit = Number(queryValue(request.query, 'limit') ?? DEFAULT_LIMIT);
  const offset = Number(queryValue(request.query, 'offset') ?? 0);
  return answer({
    total_count: items.length,
    order_info: detailedOrder(found.order, store.readAccount(), store.now()),
    order_line_items: items.slice(offset, offset + limit),
  });
};
