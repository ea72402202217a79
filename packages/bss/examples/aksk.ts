import { createBssClient, unwrap, isHwsecError } from '@hwsec/bss';

// AK/SK, read the way Huawei's SDKs read them: HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK (and
// HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary credentials). BSS is a global service: a site
// instead of a region, and no project. The account id (HUAWEICLOUD_SDK_DOMAIN_ID, or the domainId
// option) is signed as X-Domain-Id when set. HWSEC_BSS_BASE_URL points it at the mock.
const bss = createBssClient({ site: 'intl', timeoutMs: 10_000, userAgent: 'my-app/1.0' });

// ListCustomerOrders: the orders waiting for payment (status 6), newest first. A read, retried.
const pending = unwrap(
  await bss.listCustomerOrders({
    params: { query: { status: 6, order_by: '-createTime', limit: 10 } },
  }),
);
console.log('pending orders:', pending.total_count);
const orderId = pending.order_infos?.[0]?.order_id;
if (orderId === undefined) process.exit(0);

// ShowCustomerOrderDetails: the order and its line items (what it buys, how many, how long).
const details = unwrap(
  await bss.showCustomerOrderDetails({ params: { path: { order_id: orderId } } }),
);
console.log(details.order_info?.status, details.order_line_items?.length);

// PayOrders: an order. Sent once, never retried; use_coupon/use_discount are "YES" or "NO".
try {
  unwrap(
    await bss.payOrders({ body: { order_id: orderId, use_coupon: 'NO', use_discount: 'NO' } }),
  );
  console.log('paid', orderId);
} catch (e) {
  if (!isHwsecError(e)) throw e;
  // A 4xx refusal (CBC.99003106 not pending payment, CBC.99005003 balance too low, ...) charged
  // nothing. A 5xx, a network error or a timeout may have paid: mayHaveBeenProcessed says so.
  // Then look at the order's status (showCustomerOrderDetails) before paying again.
  console.error(e.message, e.mayHaveBeenProcessed ? 'Check the order.' : 'Nothing charged.');
}

// ListPayPerUseCustomerResources: the resources the order created (only once provisioned).
const resources = unwrap(
  await bss.listPayPerUseCustomerResources({ body: { order_id: orderId, limit: 10 } }),
);
console.log(resources.data?.map((r) => r.resource_id));
