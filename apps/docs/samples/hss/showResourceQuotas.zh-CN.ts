import { createHssClient } from '@hwsec/hss';

// AK/SK 和项目ID取自 HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_PROJECT_ID
// （与华为云SDK相同）；设置 HWSEC_HSS_BASE_URL=http://127.0.0.1:4010 即发往 mock。
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
  console.log(quota.version, `共 ${quota.total_num} 个，可用 ${quota.available_num} 个`);
}
