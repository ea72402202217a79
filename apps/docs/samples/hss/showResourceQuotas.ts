import { createHssClient } from '@hwsec/hss';

// AK/SK and project from HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_PROJECT_ID (as
// in Huawei's SDKs); HWSEC_HSS_BASE_URL=http://127.0.0.1:4010 sends it to the mock.
const hss = createHssClient({
  region: 'cn-north-4',
});

const { data, error } = await hss.showResourceQuotas({
  params: { query: { version: 'hss.version.basic' } },
});
if (error) {
  throw new Error(`${error.error_code}: ${error.error_msg}`);
}
for (const quota of data.data_list ?? []) {
  console.log(quota.version, `${quota.available_num} of ${quota.total_num} available`);
}
