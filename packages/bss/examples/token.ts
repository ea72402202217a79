import { createBssClient } from '@hwsec/bss';

// IAM token (HWSEC_IAM_TOKEN; Huawei's SDKs define no variable for tokens): sent as X-Auth-Token.
// BSS is global: take a token scoped to the account (domain), not to a region's project; no
// X-Domain-Id is sent with a token. The site picks the endpoint: cn, intl or eu.
const bss = createBssClient({
  site: 'cn',
  credentials: { token: process.env['HWSEC_IAM_TOKEN']! },
});

// Reads answer { data, error }: no exception for a refusal, the typed error body instead.
const { data: list, error } = await bss.listCustomerOrders({
  params: { query: { service_type_code: 'hws.service.type.hss', limit: 5, offset: 0 } },
});
if (error) throw new Error(`${error.error_code}: ${error.error_msg}`);
console.log('HSS orders:', list.total_count);
const orderId = list.order_infos?.[0]?.order_id;
if (orderId === undefined) process.exit(0);

const { data: details } = await bss.showCustomerOrderDetails({
  params: { path: { order_id: orderId }, query: { limit: 10 } },
});
for (const item of details?.order_line_items ?? [])
  console.log(item.product_spec_desc, item.subscription_num, item.period_num);

// PayOrders answers 204 (no body) when accepted: the order goes to 3 (processing), then 5.
const paid = await bss.payOrders({
  body: { order_id: orderId, use_coupon: 'NO', use_discount: 'NO' },
});
if (paid.error)
  console.error(paid.error.error_code, paid.error.error_msg); // refused: nothing charged
else console.log('payment accepted', paid.response.status);

const { data: resources } = await bss.listPayPerUseCustomerResources({
  body: { order_id: orderId, only_main_resource: 1 },
});
console.log(resources?.total_count);
