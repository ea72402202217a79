import { createHssClient, unwrap, HwsecApiError } from '@hwsec/hss';

// IAM token (HWSEC_IAM_TOKEN; Huawei's SDKs define no variable for tokens): sent as X-Auth-Token.
// The endpoint comes from the region. The project comes from HUAWEICLOUD_SDK_PROJECT_ID.
const hss = createHssClient({
  region: 'cn-north-4',
  credentials: { token: process.env['HWSEC_IAM_TOKEN']! },
});

// ShowResourceQuotas: a read, retried on 429/502/503/504 and network errors.
const { data: quotas, error } = await hss.showResourceQuotas({
  params: {
    query: { version: 'hss.version.enterprise', enterprise_project_id: 'all_granted_eps' },
  },
});
if (error) console.error(error.error_code, error.error_msg);
else console.log(quotas.data_list);

// CreateQuotasOrder: an order, never resent by the client. unwrap() throws HwsecApiError.
try {
  const order = unwrap(
    await hss.createQuotasOrder({
      body: {
        resource_spec_code: 'hss.version.enterprise',
        period_type: 2,
        period_num: 1,
        subscription_num: 1,
        is_auto_pay: true,
      },
    }),
  );
  console.log('order', order.order_id);
} catch (e) {
  if (e instanceof HwsecApiError) console.error(e.status, e.errorCode, e.errorMsg, e.requestId);
  else throw e;
}
