// A real node:http server on 127.0.0.1 that answers the three BSS order operations in BSS's wire
// format, over an account whose orders a test scripts: ListCustomerOrders (service_type_code,
// create_time_begin/end in `yyyy-MM-ddTHH:mm:ssZ` and at most one year apart, limit 1–100,
// offset, total_count; no line items), ShowCustomerOrderDetails (line items paged by
// limit/offset, an unknown order 400 CBC.30000010) and PayOrders (204). A test scripts what BSS
// does over time: the statuses an order shows read after read, the list call from which a new
// order is listed (BSS lists orders some time after they are placed), and faults on the next
// read of an order.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeLineItem {
  subscription_num?: number;
  period_type?: number;
  period_num?: number;
  /** A description of what was bought (the spec's example: `HSS enterprise edition`). */
  product_spec_desc?: string;
}

export interface FakeOrder {
  order_id: string;
  service_type_code: string;
  order_type?: number;
  create_time: string;
  /** The statuses successive reads see, the last one from then on. */
  statuses: number[];
  line_items: FakeLineItem[];
  /** The 1-based ListCustomerOrders call from which the order is listed (default 1). */
  listedFromCall?: number;
}

/** What the next read of an order gets instead of its details. */
export type Fault = 'reset' | 500 | 'stall';

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const YEAR_MS = 366 * 24 * 3600 * 1000;

export async function startFakeBss(orders: FakeOrder[] = []) {
  const reads = new Map<string, number>();
  const faults = new Map<string, Fault[]>();
  const listCalls: URLSearchParams[] = [];
  const paid: string[] = [];
  let onPay: (orderId: string, res: ServerResponse) => void = (_id, res) => {
    res.writeHead(204).end();
  };

  const send = (res: ServerResponse, status: number, body: unknown) =>
    res
      .writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'fake-bss' })
      .end(JSON.stringify(body));
  const invalid = (res: ServerResponse, msg: string) =>
    send(res, 400, { error_code: 'CBC.0100', error_msg: msg });

  function list(query: URLSearchParams, res: ServerResponse) {
    listCalls.push(query);
    const begin = query.get('create_time_begin');
    const end = query.get('create_time_end');
    for (const time of [begin, end])
      if (time !== null && !TIME.test(time)) return invalid(res, `bad time ${time}`);
    if (begin && end && Date.parse(end) - Date.parse(begin) > YEAR_MS)
      return invalid(res, 'create_time window longer than one year');
    const limit = Number(query.get('limit') ?? 10);
    const offset = Number(query.get('offset') ?? 0);
    if (!(limit >= 1 && limit <= 100)) return invalid(res, 'limit must be 1-100');
    const type = query.get('service_type_code');
    const matching = orders.filter(
      (order) =>
        (order.listedFromCall ?? 1) <= listCalls.length &&
        (!type || order.service_type_code === type) &&
        (!begin || order.create_time >= begin) &&
        (!end || order.create_time <= end),
    );
    send(res, 200, {
      total_count: matching.length,
      order_infos: matching.slice(offset, offset + limit).map((order) => ({
        order_id: order.order_id,
        service_type_code: order.service_type_code,
        order_type: order.order_type ?? 1,
        status: statusOf(order, false),
        create_time: order.create_time,
      })),
    });
  }

  function statusOf(order: FakeOrder, read: boolean) {
    const count = reads.get(order.order_id) ?? 0;
    if (read) reads.set(order.order_id, count + 1);
    return order.statuses[Math.min(count, order.statuses.length - 1)]!;
  }

  function details(orderId: string, query: URLSearchParams, res: ServerResponse) {
    const fault = faults.get(orderId)?.shift();
    if (fault === 'reset') return res.socket?.destroy();
    if (fault === 'stall') return;
    if (fault === 500) return send(res, 500, { error_code: 'CBC.0999', error_msg: 'busy' });
    const order = orders.find((o) => o.order_id === orderId);
    if (!order) return send(res, 400, { error_code: 'CBC.30000010', error_msg: 'invalid order' });
    const limit = Number(query.get('limit') ?? 10);
    const offset = Number(query.get('offset') ?? 0);
    if (!(limit >= 1 && limit <= 100)) return invalid(res, 'limit must be 1-100');
    // Only the first page is a new read of the order's status.
    const status = statusOf(order, offset === 0);
    send(res, 200, {
      total_count: order.line_items.length,
      order_info: {
        order_id: order.order_id,
        service_type_code: order.service_type_code,
        order_type: order.order_type ?? 1,
        status,
        create_time: order.create_time,
      },
      order_line_items: order.line_items.slice(offset, offset + limit).map((item, i) => ({
        order_line_item_id: `${order.order_id}-${String(offset + i + 1).padStart(6, '0')}`,
        service_type_code: order.service_type_code,
        order_id: order.order_id,
        ...item,
      })),
    });
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://fake');
      const detail = /^\/v2\/orders\/customer-orders\/details\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'GET' && url.pathname === '/v2/orders/customer-orders')
        return list(url.searchParams, res);
      if (req.method === 'GET' && detail)
        return details(decodeURIComponent(detail[1]!), url.searchParams, res);
      if (req.method === 'POST' && url.pathname === '/v3/orders/customer-orders/pay') {
        const orderId = (JSON.parse(body) as { order_id: string }).order_id;
        paid.push(orderId);
        return onPay(orderId, res);
      }
      send(res, 404, { error_code: 'CBC.0100', error_msg: 'no such operation here' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    orders,
    /** The query of every ListCustomerOrders call, in order. */
    listCalls,
    /** The order ids every PayOrders call named. */
    paid,
    /** How many times an order's details were read (first pages). */
    reads: (orderId: string) => reads.get(orderId) ?? 0,
    /** The next reads of `orderId` get these faults, one each, before its details again. */
    fail(orderId: string, ...next: Fault[]) {
      faults.set(orderId, [...(faults.get(orderId) ?? []), ...next]);
    },
    /** How PayOrders answers (default 204). */
    payWith(reply: (orderId: string, res: ServerResponse) => void) {
      onPay = reply;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** `yyyy-MM-ddTHH:mm:ssZ` of a time `ms` from now. */
export const bssTimeFromNow = (ms: number) =>
  new Date(Date.now() + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
